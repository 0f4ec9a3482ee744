"""The second factor's pages, in the admin's sign-in look: setting up an
authenticator app (then the recovery codes, shown once), and entering a code
at later sign-ins."""

import math
from urllib.parse import quote

import segno
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django_otp import login as otp_login
from django_otp import verify_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

from . import devices
from .forms import AppCodeForm, RecoveryCodeForm
from .policy import is_verified, needs_second_factor

SHOW_CODES = "staff_logins_show_recovery_codes"


def next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


def with_next(request, name):
    return f"{reverse(name)}?{urlencode({'next': next_url(request)})}"


def check_code(request, device, code, form):
    """Whether ``code`` is right for ``device``; puts the reason on the form if not."""
    allowed, data = device.verify_is_allowed()
    if not allowed:
        # django-otp doubles the wait after each wrong code: 1 s, 2 s, 4 s...
        until = (data or {}).get("locked_until")
        seconds = max(1, math.ceil((until - timezone.now()).total_seconds())) if until else 60
        form.add_error(
            "code",
            ngettext(
                "Too many wrong codes in a row. Wait %(seconds)d second, then try again.",
                "Too many wrong codes in a row. Wait %(seconds)d seconds, then try again.",
                seconds,
            )
            % {"seconds": seconds},
        )
        return False
    if verify_token(request.user, device.persistent_id, code) is None:
        form.add_error("code", wrong_code_message(form))
        return False
    return True


def wrong_code_message(form):
    if isinstance(form, RecoveryCodeForm):
        return _("That recovery code is not right, or it has been used already")
    return _(
        "That code is not right. Enter the newest code the app shows; "
        "if it still fails, check that your phone's clock is right"
    )


class SecondFactorView(View):
    """Only for users who must use a second factor (the others go on)."""

    def dispatch(self, request, *args, **kwargs):
        if not needs_second_factor(request.user):
            return redirect(next_url(request))
        return super().dispatch(request, *args, **kwargs)


class SetUpView(SecondFactorView):
    template_name = "staff_logins/set_up.html"

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and devices.has_second_factor(user):
            # A new app only through an administrator's reset: someone who
            # knows the password must not be able to swap the app.
            if is_verified(user):
                return redirect(next_url(request))
            return redirect(with_next(request, "staff_logins:verify"))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self.show(request, AppCodeForm())

    def post(self, request):
        form = AppCodeForm(request.POST)
        device = devices.unconfirmed_app(request.user)
        if form.is_valid() and check_code(request, device, form.cleaned_data["code"], form):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            devices.new_recovery_codes(request.user)
            otp_login(request, device)
            request.session[SHOW_CODES] = True
            return redirect(with_next(request, "staff_logins:recovery_codes"))
        return self.show(request, form, status=200)

    def show(self, request, form, status=200):
        device = devices.unconfirmed_app(request.user)
        secret = devices.secret_text(device)
        qr = segno.make(device.config_url, error="m")
        context = {
            "form": form,
            "next": next_url(request),
            "secret": secret,
            "secret_grouped": devices.grouped(secret),
            "qr_code": qr.svg_data_uri(scale=5, border=4),
            "otpauth_uri": device.config_url,
        }
        return render(request, self.template_name, context, status=status)


class VerifyView(SecondFactorView):
    template_name = "staff_logins/verify.html"

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and not devices.has_second_factor(user):
            return redirect(with_next(request, "staff_logins:set_up"))
        if is_verified(user):
            return redirect(next_url(request))
        return super().dispatch(request, *args, **kwargs)

    def recovery(self, request):
        return request.GET.get("method") == "recovery"

    def get(self, request):
        form = RecoveryCodeForm() if self.recovery(request) else AppCodeForm()
        return self.show(request, form)

    def post(self, request):
        if self.recovery(request):
            form = RecoveryCodeForm(request.POST)
            candidates = StaticDevice.objects.filter(user=request.user, confirmed=True)
        else:
            form = AppCodeForm(request.POST)
            candidates = [devices.confirmed_app(request.user)]
        if form.is_valid():
            code = form.cleaned_data["code"]
            for device in candidates:
                if check_code(request, device, code, form):
                    otp_login(request, device)
                    if isinstance(device, StaticDevice):
                        self.tell_codes_left(request)
                    return redirect(next_url(request))
        return self.show(request, form)

    def tell_codes_left(self, request):
        left = devices.recovery_codes_left(request.user)
        messages.warning(
            request,
            ngettext(
                "You have %(count)d recovery code left. Make new ones under "
                "Account → More actions → Two-step verification.",
                "You have %(count)d recovery codes left. Make new ones under "
                "Account → More actions → Two-step verification if you are running short.",
                left,
            )
            % {"count": left},
        )

    def show(self, request, form):
        context = {
            "form": form,
            "next": next_url(request),
            "next_q": quote(next_url(request), safe="/"),
            "recovery": isinstance(form, RecoveryCodeForm),
            "has_recovery_codes": StaticToken.objects.filter(
                device__user=request.user, device__confirmed=True
            ).exists(),
        }
        return render(request, self.template_name, context)


class RecoveryCodesView(SecondFactorView):
    """The recovery codes, shown once after setting up the app; later, how many
    are left and a button to make new ones (which are then shown once)."""

    template_name = "staff_logins/recovery_codes.html"

    def dispatch(self, request, *args, **kwargs):
        if needs_second_factor(request.user) and not is_verified(request.user):
            return redirect(with_next(request, "staff_logins:verify"))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        codes = None
        if request.session.pop(SHOW_CODES, False):
            codes = list(
                StaticToken.objects.filter(
                    device__user=request.user, device__confirmed=True
                ).values_list("token", flat=True)
            )
        context = {
            "codes": codes,
            "left": devices.recovery_codes_left(request.user),
            "next": next_url(request),
        }
        return render(request, self.template_name, context)

    def post(self, request):
        devices.new_recovery_codes(request.user)
        request.session[SHOW_CODES] = True
        return redirect(with_next(request, "staff_logins:recovery_codes"))
