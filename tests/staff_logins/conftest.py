"""Staff for the staff logins' tests, signing in through the admin's own
sign-in page, and the codes an authenticator app would show."""

import datetime
import re
import time
from base64 import b32decode

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

LOGIN = "/admin/login/"
PASSWORD = "a-long-staff-password-1"


def make_staff(username, groups=(), superuser=False):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", PASSWORD, is_staff=True, is_superuser=superuser
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def sign_in(client, username, password=PASSWORD, follow=False):
    return client.post(
        LOGIN, {"username": username, "password": password, "next": "/admin/"}, follow=follow
    )


def secret_on_page(html):
    """The secret key as the set-up page writes it out for typing into an app."""
    return re.search(r'id="secret-key-plain">([A-Z2-7]+)<', html).group(1)


def code_for(secret, steps_ahead=0):
    """The 6-digit code an authenticator app shows for ``secret`` now (or
    ``steps_ahead`` 30-second steps from now)."""
    generator = TOTP(b32decode(secret), step=30, t0=0, digits=6)
    generator.time = time.time() + steps_ahead * 30
    return f"{generator.token():06d}"


def wait_out_throttle(user):
    """As if the person waited after a wrong code: django-otp makes them wait
    (1 second after the first, doubling after each further one)."""
    for model in (TOTPDevice, StaticDevice):
        model.objects.filter(user=user).exclude(throttling_failure_timestamp=None).update(
            throttling_failure_timestamp=timezone.now() - datetime.timedelta(hours=1)
        )


@pytest.fixture
def analyst(home):
    return make_staff("ana", ["Consultation analysts"])


@pytest.fixture
def editor(home):
    return make_staff("ed", ["Editors", "Consultation editors"])


@pytest.fixture
def administrator(home):
    return make_staff("root", superuser=True)
