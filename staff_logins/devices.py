"""A user's second factor: one authenticator app (django-otp's TOTP device)
and one set of single-use recovery codes (its static device)."""

from base64 import b32encode

from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

APP_NAME = "Authenticator app"
RECOVERY_NAME = "Recovery codes"
RECOVERY_CODE_COUNT = 10


def confirmed_app(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def has_second_factor(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def unconfirmed_app(user):
    """The app being set up: the same secret until it is confirmed, so that
    reloading the set-up page does not change the code the app shows."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=APP_NAME, confirmed=False)


def secret_text(device):
    """The secret key as authenticator apps and ``oathtool -b`` take it (base32)."""
    return b32encode(device.bin_key).decode("ascii")


def grouped(secret):
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@transaction.atomic
def new_recovery_codes(user):
    """Replace the user's recovery codes with ten new ones, and return them."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def reset_second_factor(user):
    """Remove the user's app and recovery codes: at their next sign-in they set
    up a new app. Returns how many devices were removed."""
    apps = TOTPDevice.objects.filter(user=user)
    recovery = StaticDevice.objects.filter(user=user)
    count = apps.count() + recovery.count()
    apps.delete()
    recovery.delete()  # and their codes
    return count
