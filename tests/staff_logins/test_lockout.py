"""Ten wrong passwords lock an account, and many from one address lock the
address; the sign-in page says so; an administrator can unlock."""

import pytest
from django.test import Client
from django.test.utils import override_settings

from staff_logins.addresses import client_address
from tests.signing_in import force_login_verified

from .conftest import make_staff, sign_in

pytestmark = pytest.mark.django_db


def signed_in(client):
    return "_auth_user_id" in client.session


def test_ten_wrong_passwords_lock_the_account_even_against_the_right_one(editor):
    client = Client(REMOTE_ADDR="203.0.113.5")
    for _ in range(9):
        response = sign_in(client, "ed", "wrong-password")
        assert response.status_code == 200
        assert "Your username and password didn" in response.content.decode()
    response = sign_in(client, "ed", "wrong-password")
    assert response.status_code == 429
    page = response.content.decode()
    assert "Signing in is locked" in page
    assert "too many wrong passwords for this account" in page
    assert "locked for 30 minutes" in page
    assert "contact an administrator" in page

    response = sign_in(client, "ed")  # the right password
    assert response.status_code == 429
    assert not signed_in(client)
    # The account is locked, wherever the next try comes from.
    elsewhere = Client(REMOTE_ADDR="198.51.100.7")
    assert sign_in(elsewhere, "ed").status_code == 429
    assert not signed_in(elsewhere)


def test_nine_wrong_passwords_do_not_lock(editor):
    client = Client(REMOTE_ADDR="203.0.113.5")
    for _ in range(9):
        sign_in(client, "ed", "wrong-password")
    response = sign_in(client, "ed")
    assert response.status_code == 302
    assert signed_in(client)


def test_many_wrong_passwords_from_one_address_lock_the_address(editor, home):
    other = make_staff("someone-else")
    attacker = Client(REMOTE_ADDR="192.0.2.66")
    # Nine tries at each of several names: no account reaches its limit ...
    for name in ["alice", "bob", "carol"]:
        for _ in range(9):
            assert sign_in(attacker, name, "guess").status_code == 200
    # ... but the address reaches its limit of 30 with the third try at the fourth.
    assert sign_in(attacker, "dave", "guess").status_code == 200
    assert sign_in(attacker, "dave", "guess").status_code == 200
    response = sign_in(attacker, "dave", "guess")
    assert response.status_code == 429
    assert "from your network" in response.content.decode()
    # Any account, with its right password, is refused from that address ...
    response = sign_in(attacker, "someone-else")
    assert response.status_code == 429
    assert not signed_in(attacker)
    # ... while the same account signs in from another address.
    office = Client(REMOTE_ADDR="198.51.100.20")
    assert sign_in(office, other.username).status_code == 302
    assert signed_in(office)


def test_an_administrator_unlocks_an_account(editor, administrator):
    client = Client(REMOTE_ADDR="203.0.113.5")
    for _ in range(10):
        sign_in(client, "ed", "wrong-password")
    assert sign_in(client, "ed").status_code == 429

    admin = Client()
    force_login_verified(admin, administrator)
    page = admin.get("/admin/two-step/security/").content.decode()
    assert "Locked until" in page and ">ed</th>" in page
    response = admin.post("/admin/two-step/security/unlock/", {"username": "ed"}, follow=True)
    assert "The account “ed” can sign in again." in response.content.decode()

    response = sign_in(client, "ed")
    assert response.status_code == 302
    assert signed_in(client)


def test_an_administrator_unlocks_an_address(editor, administrator):
    attacker = Client(REMOTE_ADDR="192.0.2.66")
    for n in range(30):
        sign_in(attacker, f"name{n}", "guess")
    assert sign_in(attacker, "ed").status_code == 429
    admin = Client()
    force_login_verified(admin, administrator)
    admin.post("/admin/two-step/security/unlock/", {"address": "192.0.2.66"})
    assert sign_in(attacker, "ed").status_code == 302


def test_only_administrators_see_the_sign_in_security_page(editor, analyst):
    for user in (editor, analyst):
        client = Client()
        force_login_verified(client, user)
        assert client.get("/admin/two-step/security/").status_code in (302, 403)
        client.post("/admin/two-step/security/unlock/", {"username": "x"})
        assert "Sign-in security" not in client.get("/admin/").content.decode()


def request_from(rf, remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return rf.get("/admin/login/", **extra)


def test_the_address_ignores_forwarding_headers_unless_told_to_trust_one(rf):
    assert client_address(request_from(rf, "10.0.0.1", "203.0.113.9")) == "10.0.0.1"


@override_settings(TRUSTED_CLIENT_IP_HEADER="X-Forwarded-For", TRUSTED_PROXY_COUNT=1)
def test_behind_a_trusted_proxy_the_address_is_the_one_the_proxy_saw(rf):
    # The client wrote "1.2.3.4" itself; the proxy appended the address it saw.
    request = request_from(rf, "10.0.0.1", "1.2.3.4, 203.0.113.9")
    assert client_address(request) == "203.0.113.9"
    # No header (or nonsense in it): the connection's own address.
    assert client_address(request_from(rf, "10.0.0.1")) == "10.0.0.1"
    assert client_address(request_from(rf, "10.0.0.1", "not-an-address")) == "10.0.0.1"


@override_settings(TRUSTED_CLIENT_IP_HEADER="X-Forwarded-For")
def test_a_spoofed_forwarding_header_does_not_escape_the_address_lock(editor):
    for n in range(30):
        client = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=f"1.1.1.{n}, 192.0.2.66")
        sign_in(client, f"name{n}", "guess")
    client = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="9.9.9.9, 192.0.2.66")
    assert sign_in(client, "ed").status_code == 429
