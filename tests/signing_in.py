"""Signing staff in for tests. Anyone who can see responses, and every
superuser, must have confirmed the sign-in with a second factor
(``staff_logins``); these helpers give a session what a real sign-in with
password and authenticator app gives it, so the requirement stays on."""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice


def verify_session(client, user):
    """Mark the client's signed-in session as confirmed with the user's
    authenticator app (one is made for the user if they have none)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return user


def force_login_verified(client, user):
    """``client.force_login(user)``, then the code from the user's app."""
    client.force_login(user)
    return verify_session(client, user)


class VerifiedLoginMixin:
    """For Wagtail's test cases: ``self.login()`` signs in with the password
    and then with a code from the app, as a superuser must."""

    def login(self, *args, **kwargs):
        user = super().login(*args, **kwargs)
        verify_session(self.client, user)
        return user
