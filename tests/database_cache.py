"""The test database on PostgreSQL, built through the migrations once and then
restored from a dump.

Building it through every migration (about 270, most of them Wagtail's) took
30 s per pytest-xdist worker, the largest single cost of the fast suite, and
almost all of it Django rendering historical models, not SQL. So the first
worker to need it migrates as usual and dumps the result with ``pg_dump``;
every other worker, in this run and later ones, restores that dump (a second
or two). The dump is named by a hash of every migration file and the server's
version, so a new or changed migration builds a new one, and it lives in the
user's cache directory (``COUNCIL_TEST_CACHE`` to move it, ``=off`` to build
through the migrations every time). SQLite is left as it was.
"""

import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

from django.db import connections


def cache_dir():
    setting = os.environ.get("COUNCIL_TEST_CACHE", "")
    if setting == "off":
        return None
    if setting:
        return Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "council-site-tests"


def server_version(connection):
    with connection._nodb_cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        return int(cursor.fetchone()[0])


def migrations_hash(version):
    """A hash of every migration file Django would apply, and the server's version."""
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(None, ignore_no_migrations=True)
    digest = hashlib.sha256(str(version).encode())
    for key in sorted(loader.disk_migrations):
        digest.update("/".join(key).encode())
        module = sys.modules[loader.disk_migrations[key].__module__]
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()[:16]


def client_env(settings_dict):
    env = dict(os.environ)
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    return env


def client_args(settings_dict, name):
    args = ["--dbname", name, "--no-password"]
    if settings_dict.get("HOST"):
        args += ["--host", str(settings_dict["HOST"])]
    if settings_dict.get("PORT"):
        args += ["--port", str(settings_dict["PORT"])]
    if settings_dict.get("USER"):
        args += ["--username", str(settings_dict["USER"])]
    return args


def postgres_tools(version):
    """pg_dump and pg_restore of the server's major version (or newer), or None."""
    major = version // 10000
    for folder in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if int(folder.parent.name) >= major and (folder / "pg_restore").exists():
            return folder / "pg_dump", folder / "pg_restore"
    dump, restore = shutil.which("pg_dump"), shutil.which("pg_restore")
    return (Path(dump), Path(restore)) if dump and restore else None


@contextmanager
def locked(path):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def setup_databases_from_cache(setup_databases, **kwargs):
    """Django's ``setup_databases``, with the default PostgreSQL test database
    restored from the cached dump when there is one (and the dump made when
    there is not)."""
    connection = connections["default"]
    folder = cache_dir()
    if folder is None or connection.vendor != "postgresql":
        return setup_databases(**kwargs)
    version = server_version(connection)
    tools = postgres_tools(version)
    if tools is None:
        return setup_databases(**kwargs)
    pg_dump, pg_restore = tools
    settings_dict = connection.settings_dict
    test_name = connection.creation._get_test_db_name()
    dump = folder / f"postgres-{migrations_hash(version)}.dump"
    with locked(dump):
        if dump.exists():
            with connection._nodb_cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{test_name}"')
                cursor.execute(f'CREATE DATABASE "{test_name}"')
            subprocess.run(
                [
                    pg_restore,
                    "--no-owner",
                    "--exit-on-error",
                    *client_args(settings_dict, test_name),
                    dump,
                ],
                check=True,
                env=client_env(settings_dict),
            )
            # The database exists and is migrated: Django keeps it, and its
            # migrate finds nothing to do.
            return setup_databases(**kwargs, keepdb=True)
        config = setup_databases(**kwargs)
        connection.close()
        partial = dump.with_suffix(".partial")
        subprocess.run(
            [
                pg_dump,
                "--format=custom",
                "--no-owner",
                *client_args(settings_dict, test_name),
                "--file",
                partial,
            ],
            check=True,
            env=client_env(settings_dict),
        )
        partial.rename(dump)
        return config
