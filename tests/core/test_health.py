"""The health check load balancers and the caching proxy ask (/health/), and
the settings that let several app servers share one cache, sessions and media."""

from unittest import mock

import pytest
from django.db import OperationalError

from council_site.settings.base import cache_settings, frontend_cache_settings, media_storage

pytestmark = pytest.mark.django_db


def test_a_healthy_server_says_so_and_is_never_cached(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies


def test_a_server_that_cannot_reach_the_database_answers_503(client):
    with mock.patch("core.health.connection.cursor", side_effect=OperationalError("down")):
        response = client.get("/health/")
    assert response.status_code == 503
    assert response.json() == {"status": "failing", "database": "failing", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_a_server_that_cannot_reach_the_cache_answers_503(client):
    with mock.patch("core.health.cache.set", side_effect=ConnectionError("Redis is down")):
        response = client.get("/health/")
    assert response.status_code == 503
    assert response.json() == {"status": "failing", "database": "ok", "cache": "failing"}


def test_the_health_check_is_answered_over_plain_http_in_production(client, settings):
    """The proxy's probes do not speak HTTPS: no redirect for them alone."""
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/health/").status_code == 200
    assert client.get("/").status_code == 301


def test_with_redis_every_app_server_shares_the_cache_and_sessions():
    caches, session_engine = cache_settings({"REDIS_URL": "redis://127.0.0.1:6379/0"})
    assert caches["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert caches["default"]["LOCATION"] == "redis://127.0.0.1:6379/0"
    # Sessions are kept in the database, read through the shared cache.
    assert session_engine == "django.contrib.sessions.backends.cached_db"


def test_without_redis_every_process_shares_a_file_cache_of_its_database():
    caches, session_engine = cache_settings({"DATABASE_URL": "postgres://db/council"})
    assert caches["default"]["BACKEND"] == "django.core.cache.backends.filebased.FileBasedCache"
    other, _ = cache_settings({"DATABASE_URL": "postgres://db/another"})
    # Two sites on one machine never read each other's entries.
    assert caches["default"]["LOCATION"] != other["default"]["LOCATION"]
    assert cache_settings({"CACHE_DIR": "/srv/cache"})[0]["default"]["LOCATION"] == "/srv/cache"
    assert session_engine == "django.contrib.sessions.backends.db"


def test_media_go_to_object_storage_when_a_bucket_is_named():
    storage = media_storage(
        {
            "MEDIA_S3_BUCKET": "council-media",
            "MEDIA_S3_ENDPOINT_URL": "https://s3.example.net",
            "MEDIA_S3_REGION": "eu-west-2",
        }
    )
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"]["bucket_name"] == "council-media"
    assert storage["OPTIONS"]["endpoint_url"] == "https://s3.example.net"
    assert storage["OPTIONS"]["region_name"] == "eu-west-2"
    assert "access_key" not in storage["OPTIONS"]  # the instance's own role, if none given


def test_media_stay_on_the_file_system_without_a_bucket():
    assert media_storage({}) == {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def test_each_caching_proxy_named_is_told_of_changes():
    assert frontend_cache_settings({}) == {}
    backends = frontend_cache_settings(
        {"FRONTEND_CACHE_URL": "http://127.0.0.1:6081, http://10.0.0.2:6081"}
    )
    assert [b["LOCATION"] for b in backends.values()] == [
        "http://127.0.0.1:6081",
        "http://10.0.0.2:6081",
    ]
    assert {b["BACKEND"] for b in backends.values()} == {"core.frontend_cache.HostBanBackend"}
