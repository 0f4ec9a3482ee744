"""A Content-Security-Policy on the admin (relaxed: Wagtail needs inline
scripts) and the strict one on public pages."""

import pytest
from django.test import Client

from tests.signing_in import force_login_verified

pytestmark = pytest.mark.django_db


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split("; ")}


def test_the_admin_sends_its_own_policy(administrator):
    client = Client()
    for response in [client.get("/admin/login/")]:
        policy = directives(response)
        assert policy["object-src"] == ["'none'"]
        assert policy["base-uri"] == ["'self'"]
        assert policy["frame-ancestors"] == ["'self'"]  # the preview panel frames the admin
        assert "'unsafe-inline'" in policy["script-src"]
    force_login_verified(client, administrator)
    response = client.get("/admin/pages/")
    assert response.status_code == 200
    assert directives(response)["default-src"] == ["'self'"]
    assert directives(client.get("/admin/two-step/security/"))["object-src"] == ["'none'"]


def test_public_pages_keep_the_strict_policy(home):
    policy = directives(Client().get("/"))
    assert policy["script-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
