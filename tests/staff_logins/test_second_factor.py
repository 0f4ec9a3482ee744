"""Everyone who can see responses or equality data, and every administrator,
confirms each sign-in with a code from an authenticator app, set up at their
first sign-in; editors who see no response sign in with a password."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from staff_logins.devices import new_recovery_codes, secret_text
from tests.signing_in import force_login_verified

from .conftest import code_for, make_staff, secret_on_page, sign_in, wait_out_throttle

pytestmark = pytest.mark.django_db

RESPONSES = "/admin/consultation-responses/"
SET_UP = "/admin/two-step/set-up/"
VERIFY = "/admin/two-step/verify/"


def with_app(user):
    """The user has set up an app before: its secret, and their recovery codes."""
    device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    return secret_text(device), new_recovery_codes(user)


def test_an_analyst_sets_up_an_app_at_first_sign_in_and_then_reaches_the_responses(analyst):
    client = Client()
    response = sign_in(client, "ana")
    assert response.status_code == 302
    # Password alone reaches neither the responses nor any other admin page.
    for address in [RESPONSES, "/admin/", "/admin/pages/"]:
        response = client.get(address)
        assert response.status_code == 302
        assert response["Location"].startswith(SET_UP)

    page = client.get(f"{SET_UP}?next={RESPONSES}").content.decode()
    assert "Set up two-step verification" in page
    assert 'src="data:image/svg+xml' in page  # the QR code
    secret = secret_on_page(page)
    field = re.search(r"<input[^>]*name=\"code\"[^>]*>", page).group(0)
    assert 'autocomplete="one-time-code"' in field and 'inputmode="numeric"' in field
    assert '<label class="w-field__label" for="id_code"' in page

    # A wrong code is refused with an error summary pointing at the field.
    wrong = "000000" if code_for(secret) != "000000" else "111111"
    response = client.post(SET_UP, {"code": wrong, "next": RESPONSES})
    page = response.content.decode()
    assert response.status_code == 200
    assert '<a href="#id_code">That code is not right.' in page
    assert client.get(RESPONSES).status_code == 302
    # Straight away, another try must wait.
    response = client.post(SET_UP, {"code": code_for(secret), "next": RESPONSES})
    assert "Too many wrong codes in a row. Wait 1 second, then try again." in (
        response.content.decode()
    )

    wait_out_throttle(analyst)
    response = client.post(SET_UP, {"code": code_for(secret), "next": RESPONSES}, follow=True)
    page = response.content.decode()
    assert "Your recovery codes" in page
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", page)
    assert len(codes) == 10
    assert sorted(codes) == sorted(StaticToken.objects.values_list("token", flat=True))
    # Shown once only.
    again = client.get("/admin/two-step/recovery-codes/").content.decode()
    assert not set(codes) & set(re.findall(r"[a-z2-7]{8}", again))
    assert "You have 10 recovery codes left." in again

    assert client.get(RESPONSES).status_code == 200


def test_later_sign_ins_ask_for_the_code_from_the_app(analyst):
    secret, _codes = with_app(analyst)
    client = Client()
    sign_in(client, "ana")
    response = client.get(RESPONSES)
    assert response["Location"].startswith(VERIFY)
    # Nobody who only knows the password can set up another app instead.
    assert client.get(SET_UP)["Location"].startswith(VERIFY)

    page = client.get(response["Location"]).content.decode()
    assert "Enter the code from your app" in page
    response = client.post(VERIFY + f"?next={RESPONSES}", {"code": "12345", "next": RESPONSES})
    assert "Enter the code as 6 digits" in response.content.decode()  # not counted as a try
    response = client.post(VERIFY, {"code": code_for(secret), "next": RESPONSES})
    assert response.status_code == 302 and response["Location"] == RESPONSES
    assert client.get(RESPONSES).status_code == 200


def test_a_code_cannot_be_used_twice(analyst):
    secret, _codes = with_app(analyst)
    code = code_for(secret)
    first, second = Client(), Client()
    for client in (first, second):
        sign_in(client, "ana")
    assert first.post(VERIFY, {"code": code})["Location"] == "/admin/"
    response = second.post(VERIFY, {"code": code})
    assert response.status_code == 200
    assert second.get(RESPONSES).status_code == 302


def test_a_recovery_code_works_once_only(analyst):
    _secret, codes = with_app(analyst)
    client = Client()
    sign_in(client, "ana")
    page = client.get(VERIFY).content.decode()
    assert "Use a recovery code</a> instead" in page
    recovery = VERIFY + "?method=recovery"
    field = re.search(r"<input[^>]*name=\"code\"[^>]*>", client.get(recovery).content.decode())
    assert 'inputmode="numeric"' not in field.group(0)

    response = client.post(recovery, {"code": codes[0].upper(), "next": RESPONSES}, follow=True)
    assert response.redirect_chain[-1][0] == RESPONSES
    assert "You have 9 recovery codes left." in response.content.decode()

    client.post("/admin/logout/")
    sign_in(client, "ana")
    response = client.post(recovery, {"code": codes[0], "next": RESPONSES})
    assert response.status_code == 200
    assert "That recovery code is not right, or it has been used already" in (
        response.content.decode()
    )
    assert client.get(RESPONSES).status_code == 302
    wait_out_throttle(analyst)
    assert client.post(recovery, {"code": codes[1]}).status_code == 302
    assert client.get(RESPONSES).status_code == 200


def test_new_recovery_codes_replace_the_old(analyst):
    _secret, codes = with_app(analyst)
    client = Client()
    force_login_verified(client, analyst)
    response = client.post("/admin/two-step/recovery-codes/", follow=True)
    new = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", response.content.decode())
    assert len(new) == 10 and not set(new) & set(codes)
    client.post("/admin/logout/")
    sign_in(client, "ana")
    assert client.post(VERIFY + "?method=recovery", {"code": codes[2]}).status_code == 200
    wait_out_throttle(analyst)
    assert client.post(VERIFY + "?method=recovery", {"code": new[2]}).status_code == 302


def test_an_editor_who_sees_no_response_signs_in_with_a_password_only(editor):
    client = Client()
    sign_in(client, "ed")
    response = client.get("/admin/")
    assert response.status_code == 200
    assert client.get("/admin/pages/").status_code == 200
    assert not TOTPDevice.objects.filter(user=editor).exists()
    # And is never sent to the set-up page.
    assert client.get(SET_UP).status_code == 302
    assert client.get(SET_UP)["Location"] == "/admin/"


@pytest.mark.parametrize(
    "who",
    [
        {"groups": ["Equality data"]},
        {"groups": ["Consultation analysts", "Equality data"]},
        {"superuser": True},
    ],
    ids=["equality-data", "analyst-with-equality", "administrator"],
)
def test_equality_data_holders_and_administrators_must_set_up_an_app(home, who):
    make_staff("someone", **who)
    client = Client()
    sign_in(client, "someone")
    assert client.get("/admin/")["Location"].startswith(SET_UP)


def test_people_who_manage_users_must_set_up_an_app(home):
    from django.contrib.auth.models import Group, Permission

    group = Group.objects.create(name="User managers")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_user"),
    )
    make_staff("hr", ["User managers"])
    client = Client()
    sign_in(client, "hr")
    assert client.get("/admin/users/")["Location"].startswith(SET_UP)


def test_an_administrator_resets_a_lost_second_factor(analyst, administrator):
    secret, _codes = with_app(analyst)
    admin = Client()
    force_login_verified(admin, administrator)
    page = admin.get("/admin/two-step/security/").content.decode()
    assert ">ana</th>" in page and "Set up " in page
    response = admin.post(f"/admin/two-step/security/reset/{analyst.pk}/", follow=True)
    assert "Two-step verification for “ana” was reset" in response.content.decode()

    client = Client()
    sign_in(client, "ana")
    assert client.get(RESPONSES)["Location"].startswith(SET_UP)
    assert not TOTPDevice.objects.filter(user=analyst, confirmed=True).exists()
    assert not StaticToken.objects.filter(device__user=analyst).exists()


def test_a_reset_ends_the_verified_sessions_it_covered(analyst):
    client = Client()
    force_login_verified(client, analyst)
    assert client.get(RESPONSES).status_code == 200
    out = StringIO()
    call_command("reset_second_factor", "ana", stdout=out)
    assert "was reset" in out.getvalue()
    assert client.get(RESPONSES)["Location"].startswith(SET_UP)


def test_only_administrators_may_reset_a_second_factor(analyst, editor):
    with_app(analyst)
    for user in (analyst, editor):
        client = Client()
        force_login_verified(client, user)
        client.post(f"/admin/two-step/security/reset/{analyst.pk}/")
    assert TOTPDevice.objects.filter(user=analyst, confirmed=True).exists()


def test_the_second_factor_pages_do_not_send_people_elsewhere(analyst):
    with_app(analyst)
    client = Client()
    sign_in(client, "ana")
    for address in [
        VERIFY + "?next=https://evil.example/",
        VERIFY + "?next=//evil.example/",
    ]:
        page = client.get(address).content.decode()
        assert "evil.example" not in page


def test_the_set_up_page_gets_the_admins_icons_and_script_translations(analyst):
    client = Client()
    sign_in(client, "ana")
    assert client.get("/admin/sprite/").status_code == 200
    assert client.get("/admin/jsi18n/").status_code == 200


@pytest.mark.parametrize("digits", ["١٢٣٤٥٦", "１２３４５６", "۱۲۳۴۵۶"])
def test_a_code_in_other_scripts_digits_is_refused_with_the_format_message(analyst, digits):
    """Arabic-Indic, full-width or Persian digits are digits to Python's \\d but
    not to the app: they get the format message, not a failed try or an error."""
    with_app(analyst)
    client = Client()
    sign_in(client, "ana")
    response = client.post(VERIFY, {"code": digits, "next": RESPONSES})
    assert response.status_code == 200
    assert "Enter the code as 6 digits" in response.content.decode()
