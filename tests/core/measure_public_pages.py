"""Prints, for every public page type, its warm query count and in-process time
(not collected by the suite; run it by name, on SQLite or PostgreSQL):

    pytest -q -p no:randomly -s tests/core/measure_public_pages.py

A page is asked for once (cold), then 20 more times; the count is that of the
second request and the time the median of the last 20."""

import os
import statistics
import sys
import time
import traceback
from pathlib import Path

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.core.public_pages import build_public_pages, public_paths

ROOT = Path(__file__).resolve().parents[2]
REPEATS = int(os.environ.get("REPEATS", "20"))


def test_measure(home):
    paths = public_paths(build_public_pages(home))
    client = Client()
    print(f"\n{connection.vendor}")
    print(f"{'page':34} {'status':>6} {'cold':>5} {'warm':>5} {'ms':>7}  repeated")
    for name, path in paths.items():
        # The log keeps the last 9,000 queries only: building the site filled it.
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as cold:
            response = client.get(path)
        origins = []
        with CaptureQueriesContext(connection) as warm, connection.execute_wrapper(
            lambda execute, *args: origins.append(origin()) or execute(*args)
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
        print(
            f"{name:34} {response.status_code:>6} {cold:>5} {len(sqls):>5} "
            f"{statistics.median(times):>7.1f}  {repeated}"
        )
        if os.environ.get("SHOW_SQL") and name in os.environ["SHOW_SQL"].split(","):
            for sql, where in zip(sqls, origins, strict=True):
                print("   ", where, "|", sql[:70], "...", sql[-150:])



def origin():
    """The project's own lines that led to a query (the last three)."""
    frames = [
        f"{frame.filename.removeprefix(str(ROOT) + '/')}:{frame.lineno} {frame.name}"
        for frame in traceback.extract_stack()[:-3]
        if str(ROOT) in frame.filename and ".venv" not in frame.filename and "tests/" not in frame.filename
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
