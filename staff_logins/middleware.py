"""Two middlewares for signed-in staff. Residents are never signed in, so
neither touches their sessions (the survey keeps its saved answers there)."""

import time
from functools import cached_property

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .devices import has_second_factor
from .policy import is_verified, needs_second_factor

LAST_SEEN = "staff_last_seen"
SIGNED_IN = "staff_signed_in_at"
# Refreshing the time of the last request at most this often spares a session
# write on every request.
REFRESH_SECONDS = 60
# Requests the admin's pages send by themselves (an open editor tells the
# server every few seconds that it is still open): not a sign of someone there.
BACKGROUND_PREFIXES = ("/admin/editing-sessions/",)


def start_staff_session(sender, request, user, **kwargs):
    """On signing in (connected in ``apps.py``): the clocks start."""
    if request is not None and hasattr(request, "session"):
        now = time.time()
        request.session[SIGNED_IN] = now
        request.session[LAST_SEEN] = now


class StaffSessionMiddleware:
    """Ends a signed-in session after ``STAFF_IDLE_MINUTES`` without a request,
    and ``STAFF_SESSION_HOURS`` after signing in, whatever happens. In the
    admin the person is sent to the sign-in page with a message saying why."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response = self.check(request)
            if response is not None:
                return response
        return self.get_response(request)

    def check(self, request):
        session = request.session
        now = time.time()
        last_seen = session.get(LAST_SEEN)
        signed_in = session.get(SIGNED_IN)
        idle = last_seen is not None and now - last_seen > settings.STAFF_IDLE_MINUTES * 60
        too_long = signed_in is not None and now - signed_in > settings.STAFF_SESSION_HOURS * 3600
        if idle or too_long:
            logout(request)
            if request.path.startswith(admin_paths.admin):
                if idle:
                    text = _(
                        "You were signed out because there was no activity for "
                        "%(minutes)d minutes. Sign in again to carry on."
                    ) % {"minutes": settings.STAFF_IDLE_MINUTES}
                else:
                    text = _(
                        "You were signed out %(hours)d hours after signing in. "
                        "Sign in again to carry on."
                    ) % {"hours": settings.STAFF_SESSION_HOURS}
                messages.warning(request, text)
                query = urlencode({"next": request.get_full_path()})
                return redirect(f"{admin_paths.login}?{query}")
            return None
        if signed_in is None:
            session[SIGNED_IN] = now
        background = request.path.startswith(BACKGROUND_PREFIXES)
        if not background and (last_seen is None or now - last_seen > REFRESH_SECONDS):
            session[LAST_SEEN] = now
        return None


class AdminPaths:
    @cached_property
    def admin(self):
        return reverse("wagtailadmin_home")

    @cached_property
    def login(self):
        return reverse("wagtailadmin_login")

    @cached_property
    def open_to_unverified(self):
        """Admin addresses a signed-in user may reach before the second factor:
        the second factor's own pages, signing out, the password reset, and the
        icons and translations that every admin page (theirs too) loads."""
        return (
            reverse("staff_logins:set_up"),
            reverse("staff_logins:verify"),
            reverse("staff_logins:recovery_codes"),
            self.login,
            reverse("wagtailadmin_logout"),
            reverse("wagtailadmin_password_reset"),
            reverse("wagtailadmin_javascript_catalog"),
            reverse("wagtailadmin_sprite"),
        )


admin_paths = AdminPaths()


class SecondFactorMiddleware:
    """Anyone who must use a second factor (``policy.needs_second_factor``)
    reaches no admin page until this session has been verified with one:
    they are sent to set up an authenticator app, or to enter its code."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path
        if path.startswith(admin_paths.admin) and not path.startswith(
            admin_paths.open_to_unverified
        ):
            user = getattr(request, "user", None)
            if user is not None and not is_verified(user) and needs_second_factor(user):
                name = "staff_logins:verify" if has_second_factor(user) else "staff_logins:set_up"
                next_path = request.get_full_path() if request.method == "GET" else path
                return redirect(f"{reverse(name)}?{urlencode({'next': next_path})}")
        return self.get_response(request)
