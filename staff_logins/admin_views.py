"""Settings -> Sign-in security, for administrators (superusers) only: the
accounts and addresses with recent wrong passwords, each with "Unlock", and
everyone who must use a second factor, each with "Reset"."""

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Max, Sum
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from .devices import reset_second_factor
from .policy import needs_second_factor


def is_administrator(user):
    return user.is_authenticated and user.is_active and user.is_superuser


class AdministratorsOnly:
    def dispatch(self, request, *args, **kwargs):
        if not is_administrator(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class SignInSecurityView(AdministratorsOnly, WagtailAdminTemplateMixin, TemplateView):
    template_name = "staff_logins/security.html"
    page_title = "Sign-in security"
    header_icon = "lock"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        cool_off = get_cool_off()
        now = timezone.now()
        recent = AccessAttempt.objects.filter(attempt_time__gte=now - cool_off).order_by()

        def rows(field, limit):
            grouped = (
                recent.values(field)
                .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
                .order_by("-last")
            )
            return [
                {
                    "key": row[field],
                    "failures": row["failures"],
                    "locked": row["failures"] >= limit,
                    "until": row["last"] + cool_off,
                }
                for row in grouped
                if row[field]
            ]

        users = [
            user
            for user in get_user_model()
            .objects.filter(is_active=True)
            .prefetch_related("groups")
            .order_by("username")
            if needs_second_factor(user)
        ]
        apps = dict(
            TOTPDevice.objects.filter(user__in=users, confirmed=True).values_list(
                "user_id", "created_at"
            )
        )
        codes = {}
        for user_id in StaticToken.objects.filter(
            device__user__in=users, device__confirmed=True
        ).values_list("device__user_id", flat=True):
            codes[user_id] = codes.get(user_id, 0) + 1
        context.update(
            {
                "minutes": int(cool_off.total_seconds() // 60),
                "account_limit": settings.AXES_FAILURE_LIMIT,
                "address_limit": settings.STAFF_LOGIN_ADDRESS_FAILURE_LIMIT,
                "accounts": rows("username", settings.AXES_FAILURE_LIMIT),
                "addresses": rows("ip_address", settings.STAFF_LOGIN_ADDRESS_FAILURE_LIMIT),
                "people": [
                    {
                        "user": user,
                        "set_up": user.pk in apps,
                        "since": apps.get(user.pk),
                        "codes_left": codes.get(user.pk, 0),
                    }
                    for user in users
                ],
            }
        )
        return context


class UnlockView(AdministratorsOnly, View):
    """Forgets the recent wrong passwords of one account or one address."""

    def post(self, request):
        username = request.POST.get("username", "")
        address = request.POST.get("address", "")
        if username:
            axes_reset(username=username)
            account = get_user_model().objects.filter(username=username).first()
            if account is not None:
                log(instance=account, action="staff_logins.unlock", user=request.user)
            messages.success(request, f"The account “{username}” can sign in again.")
        elif address:
            axes_reset(ip=address)
            messages.success(request, f"Sign-ins from {address} are allowed again.")
        return redirect(reverse("staff_logins:security"))


class ResetSecondFactorView(AdministratorsOnly, View):
    """Removes someone's authenticator app and recovery codes (a lost phone):
    they set up a new app at their next sign-in, and any session they have
    open must be verified again."""

    def post(self, request, user_id):
        account = get_object_or_404(get_user_model(), pk=user_id)
        reset_second_factor(account)
        log(instance=account, action="staff_logins.reset_second_factor", user=request.user)
        messages.success(
            request,
            f"Two-step verification for “{account.get_username()}” was reset: they will "
            "set up an authenticator app when they next sign in.",
        )
        return redirect(reverse("staff_logins:security"))
