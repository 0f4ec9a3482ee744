"""Prints, for every public page type, its warm query count and in-process time
(not collected by the suite; run it by name, on SQLite or PostgreSQL):

    pytest -q -p no:randomly -s tests/core/measure_public_pages.py

A page is asked for once (cold), then 20 more times; the count is that of the
second request and the time the median of the last 20."""

import gzip
import os
import re
import statistics
import sys
import time
import traceback
from pathlib import Path
from urllib.parse import urljoin

from django.conf import settings
from django.contrib.staticfiles import finders
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.core.public_pages import build_public_pages, public_paths

ROOT = Path(__file__).resolve().parents[2]
REPEATS = int(os.environ.get("REPEATS", "20"))


def say(line):
    sys.stdout.write(line + "\n")


def test_measure(home):
    paths = public_paths(build_public_pages(home))
    say(f"\n{connection.vendor}")
    say(f"{'page':34} {'status':>6} {'cold':>5} {'warm':>5} {'ms':>7} {'KB gz':>6}  repeated")
    for name, path in paths.items():
        # The log keeps the last 9,000 queries only: building the site filled it.
        connection.queries_log.clear()
        # A fresh visitor for each page (a survey step's session is its own).
        client = Client()
        with CaptureQueriesContext(connection) as cold:
            response = client.get(path)
        origins = []
        with (
            CaptureQueriesContext(connection) as warm,
            connection.execute_wrapper(
                lambda execute, *args, seen=origins: seen.append(origin()) or execute(*args)
            ),
        ):
            client.get(path)
        # Read now: the next request empties Django's query log.
        cold, sqls = len(cold), [q["sql"] for q in warm.captured_queries]
        times = []
        for _ in range(REPEATS):
            start = time.perf_counter()
            client.get(path)
            times.append((time.perf_counter() - start) * 1000)
        repeated = len(sqls) - len(set(sqls))
        say(
            f"{name:34} {response.status_code:>6} {cold:>5} {len(sqls):>5} "
            f"{statistics.median(times):>7.1f} {sent_kb(response):>6.1f}  {repeated}"
        )
        if os.environ.get("SHOW_SQL") and name in os.environ["SHOW_SQL"].split(","):
            for sql, where in zip(sqls, origins, strict=True):
                say(f"    {where} | {sql[:70]} ... {sql[-150:]}")


def origin():
    """The project's own lines that led to a query (the last three)."""
    frames = [
        f"{frame.filename.removeprefix(str(ROOT) + '/')}:{frame.lineno} {frame.name}"
        for frame in traceback.extract_stack()[:-3]
        if str(ROOT) in frame.filename
        and ".venv" not in frame.filename
        and "tests/" not in frame.filename
    ]
    where = " < ".join(reversed(frames[-3:]))
    frame = sys._getframe()
    while frame is not None:
        node = frame.f_locals.get("self")
        if frame.f_code.co_name == "render_annotated" and getattr(node, "token", None):
            name = str(getattr(node.origin, "template_name", node.origin))
            return f"{name}:{node.token.lineno} {node.token.contents[:40]!r} | {where}"
        frame = frame.f_back
    return where


def sent_kb(response):
    """HTML, CSS and JavaScript of a cold visit, each gzipped (as the caching
    proxy and WhiteNoise send them), in KB."""
    html = response.content
    total = len(gzip.compress(html, 9))
    assets = re.findall(rb'<(?:link rel="stylesheet"|script[^>]*) (?:href|src)="([^"?]+)', html)
    seen = set()
    while assets:
        url = assets.pop().decode()
        if url in seen or not url.startswith(settings.STATIC_URL):
            continue
        seen.add(url)
        found = finders.find(url.removeprefix(settings.STATIC_URL))
        if not found:
            continue
        body = Path(found).read_bytes()
        total += len(gzip.compress(body, 9))
        for module in re.findall(rb'from "([^"]+)"', body):
            assets.append(urljoin(url, module.decode()).encode())
    return total / 1000
