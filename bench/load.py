"""Load against a running site on 127.0.0.1, for bench/run.sh and
bench/bakerydemo.sh. Not in CI.

    load.py stack STACK_DIR JOURNEY_JSON OUT_PREFIX [--quick]
        every page type through the proxy (cached) and straight to app server 1
        (uncached), a static file through the proxy as the reference, warm
        queries from a test client, then the survey journeys at a fixed
        arrival rate and a ramp; writes OUT_PREFIX.json and OUT_PREFIX.md
    load.py pages BASE_URL PGID OUT_PREFIX NAME=PATH... [--quick] [--static PATH]
        the same wrk measures for any site (bakerydemo), its server's CPU read
        from the processes of process group PGID

Each wrk run lasts a few seconds; requests carry Accept-Encoding: gzip, as a
browser's do, and the bytes are those of one such response.
"""

import argparse
import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TICKS = os.sysconf("SC_CLK_TCK")

# The page types, by address in the bench's data set (the demo's default
# council and bench/scale.py's pages). The survey step is filled in from
# the journey's consultation.
PAGES = [
    ("home", "/"),
    ("strategy part", "/communities-strategy-2014/supporting-vulnerable-people/"),
    ("case study index", "/case-studies/"),
    ("case study", "/case-studies/bench-case-study-1/"),
    ("consultation index", "/have-your-say/"),
    ("consultation", "/have-your-say/bench-consultation-1/"),
    ("survey step", None),
    ("search", "/search/?q=garden"),
    ("delivery plan", "/delivery-plan-2022-26/"),
    ("event list", "/events/"),
]

# The journey: the factory survey's steps and the answers the tests give.
STEPS = ["views", "group", "contact", "about_you", "equality"]


def say(line):
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


# --- Server CPU ----------------------------------------------------------------


def cpu_ticks(pgids=(), pids=()):
    """utime + stime of every process in those process groups, and of those
    processes and their children."""
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        pid, ppid, pgrp = int(entry), int(fields[1]), int(fields[2])
        if pgrp in pgids or pid in pids or ppid in pids:
            total += int(fields[11]) + int(fields[12])
    return total


# --- wrk -----------------------------------------------------------------------


def fetch(url, headers=None):
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    connection.request("GET", path, headers={"Accept-Encoding": "gzip", **(headers or {})})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def duration_ms(text):
    match = re.match(r"([\d.]+)(us|ms|s|m|h)", text)
    if not match:
        raise ValueError(f"wrk's latency {text!r}")
    value, unit = float(match[1]), match[2]
    return value * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000, "h": 3600000}[unit]


def wrk(url, seconds, connections, cpu):
    """One wrk run: requests a second, p50 and p99 in ms, CPU-ms a request."""
    host = urllib.parse.urlsplit(url).hostname
    assert host == "127.0.0.1", f"the bench only loads 127.0.0.1, not {host}"
    before = cpu()
    done = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "--latency",
            "-H",
            "Accept-Encoding: gzip",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=seconds + 30,
    )
    used = cpu() - before
    out = done.stdout
    if not re.search(r"^\s+50%\s+\d", out, re.M) or not re.search(r"^\s+99%\s+\d", out, re.M):
        say(f"  wrk gave no latency figures for {url}:\n{out}{done.stderr}")
        return {"status": "no figures", "wrk": out[-1000:]}
    requests = int(re.search(r"(\d+) requests in", out)[1])
    result = {
        "requests_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1]),
        "p50_ms": duration_ms(re.search(r"^\s+50%\s+(\S+)", out, re.M)[1]),
        "p99_ms": duration_ms(re.search(r"^\s+99%\s+(\S+)", out, re.M)[1]),
        "requests": requests,
        "cpu_ms_per_request": round(used * 1000 / TICKS / requests, 3) if requests else None,
    }
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    result["errors"] = int(errors[1]) if errors else 0
    socket_errors = re.search(r"Socket errors: (.*)", out)
    if socket_errors:
        result["socket_errors"] = socket_errors[1]
    return result


def measure(name, url, seconds, connections, cpu, warm=True):
    response, body = fetch(url)
    if response.status != 200:
        say(f"  {name}: {url} answered {response.status}; left out")
        return {"status": response.status}
    if warm:
        fetch(url)
    result = wrk(url, seconds, connections, cpu)
    if "requests_per_s" not in result:
        return result
    result["bytes"] = len(body)
    result["encoding"] = response.getheader("Content-Encoding") or "identity"
    result["cache"] = response.getheader("X-Cache") or ""
    say(
        f"  {name}: {result['requests_per_s']:.0f}/s p50 {result['p50_ms']:.1f} ms "
        f"p99 {result['p99_ms']:.1f} ms cpu {result['cpu_ms_per_request']} ms "
        f"{result['bytes']} B {result['encoding']}"
    )
    return result


def static_path(base):
    """The site's stylesheet, as its pages link it (hashed name and all)."""
    for _ in range(50):
        response, body = fetch(base + "/", {"Accept-Encoding": "identity"})
        match = re.search(rb'href="(/static/[^"]+\.css)"', body)
        if response.status == 200 and match:
            return match[1].decode()
        time.sleep(0.2)
    return None


# --- Warm queries ----------------------------------------------------------------

QUERIES = r"""
import json, sys, time
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
host, paths = sys.argv[1], json.loads(sys.argv[2])
client = Client(HTTP_HOST=host)
out = {}
for name, path in paths:
    for _ in range(2):
        client.get(path)
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    out[name] = {"status": response.status_code, "queries": len(queries),
                 "render_ms": round((time.perf_counter() - started) * 1000, 1)}
print(json.dumps(out))
"""


def warm_queries(env, host, pages):
    code = "import os, sys, django; sys.path.insert(0, os.getcwd()); django.setup()\n" + QUERIES
    done = subprocess.run(
        [str(ROOT / ".venv/bin/python"), "-c", code, host, json.dumps(pages)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode:
        say(f"Warm queries failed: {done.stderr[-2000:]}")
        return {}
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- Survey journeys -----------------------------------------------------------


class Journey:
    """One resident's survey, start to confirmation, on its own connection,
    keeping its cookies."""

    def __init__(self, port, survey, answers, timings, deadline):
        self.port = port
        self.deadline = deadline
        self.survey = survey
        self.answers = answers
        self.timings = timings
        self.cookies = {}
        self.connection = None

    def request(self, label, path, data=None):
        headers = {"Accept-Encoding": "gzip"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.perf_counter()
        if started > self.deadline:
            raise TimeoutError("the run's time was up before this journey ended")
        for attempt in range(2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            try:
                self.connection.request("POST" if body else "GET", path, body, headers)
                response = self.connection.getresponse()
                content = response.read()
                break
            except (http.client.HTTPException, ConnectionError):
                self.connection.close()
                self.connection = None
                if attempt:
                    raise
        self.timings.append((label, time.perf_counter() - started))
        for header in response.msg.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        if response.getheader("Content-Encoding") == "gzip":
            import gzip

            content = gzip.decompress(content)
        return response, content.decode()

    @staticmethod
    def token(text):
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text)[1]

    def run(self):
        """Returns the reference shown on the confirmation page."""
        try:
            for step in STEPS:
                path = f"{self.survey}{step}/"
                response, text = self.request(f"{step} GET", path)
                assert response.status == 200, (path, response.status)
                response, _ = self.request(
                    f"{step} POST",
                    path,
                    {**self.answers[step], "csrfmiddlewaretoken": self.token(text)},
                )
                assert response.status == 302, (path, "POST", response.status)
            response, text = self.request("check GET", f"{self.survey}check/")
            assert response.status == 200, ("check", response.status)
            response, _ = self.request(
                "check POST", f"{self.survey}check/", {"csrfmiddlewaretoken": self.token(text)}
            )
            assert response.status == 302, ("submit", response.status)
            location = urllib.parse.urlsplit(response.getheader("Location")).path
            response, text = self.request("confirmation GET", location)
            return re.search(r"HYS-[A-Z0-9]{4}-[A-Z0-9]{4}", text)[0]
        finally:
            if self.connection:
                self.connection.close()


def journeys_at(port, survey, answers, rate, seconds):
    """Journeys started at ``rate`` a second for ``seconds``: each step's
    p50 and p95, and the references of those completed."""
    timings, references, failures = [], [], []
    lock = threading.Lock()
    total = int(rate * seconds)
    # Journeys still going a minute after the last one started are cut short.
    deadline = time.perf_counter() + seconds + 60

    def one():
        local = []
        try:
            reference = Journey(port, survey, answers, local, deadline).run()
            with lock:
                references.append(reference)
        except Exception as error:  # counted and shown, the run goes on
            with lock:
                failures.append(repr(error)[:200])
        with lock:
            timings.extend(local)

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=min(200, max(16, int(rate * 20)))) as pool:
        for n in range(total):
            delay = started + n / rate - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            pool.submit(one)
        pool.shutdown(wait=True)
    elapsed = time.perf_counter() - started
    steps = {}
    for label in dict.fromkeys(label for label, _ in timings):
        values = sorted(t * 1000 for name, t in timings if name == label)
        steps[label] = {
            "count": len(values),
            "p50_ms": round(statistics.median(values), 1),
            "p95_ms": round(values[min(len(values) - 1, int(len(values) * 0.95))], 1),
        }
    return {
        "rate": rate,
        "seconds": seconds,
        "started": total,
        "completed": len(references),
        "failed": len(failures),
        "failures": failures[:5],
        "elapsed_s": round(elapsed, 1),
        "completed_per_s": round(len(references) / elapsed, 2),
        "worst_p95_ms": max((step["p95_ms"] for step in steps.values()), default=None),
        "steps": steps,
        "references": references,
    }


STORED = r"""
import json, sys
from consultations.models import Response
key, references = sys.argv[1], json.loads(sys.argv[2])
rows = list(Response.objects.filter(consultation_key=key).values_list("reference", flat=True))
print(json.dumps({"stored": len(rows), "distinct": len(set(rows)),
                  "completed_found": len(set(references) & set(rows))}))
"""


def stored(env, key, references):
    code = "import os, sys, django; sys.path.insert(0, os.getcwd()); django.setup()\n" + STORED
    done = subprocess.run(
        [str(ROOT / ".venv/bin/python"), "-c", code, key, json.dumps(references)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return json.loads(done.stdout.strip().splitlines()[-1]) if not done.returncode else {}


ANSWERS = r"""
import json
from tests.consultations.conftest import ABOUT, CONTACT, EQUALITY, GROUP, VIEWS
print(json.dumps([VIEWS, GROUP, CONTACT, ABOUT, EQUALITY]))
"""


def journey_answers(env):
    """The answers the tests give to the factory's survey, step by step."""
    code = "import os, sys, django; sys.path.insert(0, os.getcwd()); django.setup()\n" + ANSWERS
    done = subprocess.run(
        [str(ROOT / ".venv/bin/python"), "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    answers = json.loads(done.stdout.strip().splitlines()[-1])
    return dict(zip(STEPS, answers, strict=True))


# --- Reports ---------------------------------------------------------------------


def page_table(results, static):
    lines = [
        "| Page | Route | Requests/s | p50 ms | p99 ms | CPU-ms/request | × static | Bytes "
        "| Errors |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, routes in results.items():
        for route, result in routes.items():
            if "requests_per_s" not in result:
                lines.append(f"| {name} | {route} | status {result.get('status')} | | | | | | |")
                continue
            ratio = result["requests_per_s"] / static if static else 0
            lines.append(
                f"| {name} | {route} | {result['requests_per_s']:.0f} | {result['p50_ms']:.1f} | "
                f"{result['p99_ms']:.1f} | {result['cpu_ms_per_request']} | {ratio:.2%} | "
                f"{result['bytes']} {result['encoding']} | {result['errors']} |"
            )
    return lines


def write(prefix, report, lines):
    Path(prefix).parent.mkdir(parents=True, exist_ok=True)
    Path(f"{prefix}.json").write_text(json.dumps(report, indent=2))
    Path(f"{prefix}.md").write_text("\n".join(lines) + "\n")
    say(f"Wrote {prefix}.json and {prefix}.md")


def stack_command(options):
    directory = Path(options.directory)
    env = {**os.environ}
    for line in (directory / "env").read_text().splitlines():
        name, _, value = line.partition("=")
        env[name] = value
    env["DJANGO_SETTINGS_MODULE"] = "council_site.settings.production"
    proxy = int((directory / "proxy.port").read_text())
    app = int((directory / "app1.port").read_text())
    app_groups = [int(path.read_text()) for path in (directory / "pids").glob("app*")]
    varnish = int((directory / "pids" / "varnish").read_text())
    journey = json.loads(Path(options.journey).read_text())
    seconds = 3 if options.quick else 8
    connections = 8

    pages = [(name, path or journey["journey_survey"] + "views/") for name, path in PAGES]
    report = {"quick": options.quick, "when": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())}
    proxy_base, app_base = f"http://127.0.0.1:{proxy}", f"http://127.0.0.1:{app}"

    parts = options.parts.split(",")
    static = static_path(proxy_base)
    results = {}
    if "pages" in parts:
        pages_part(
            report,
            results,
            pages,
            proxy_base,
            app_base,
            seconds,
            connections,
            env,
            proxy,
            app_groups,
            varnish,
            static,
        )
    if "journeys" in parts:
        journeys_part(report, options, env, journey, proxy)
    lines = [f"# Bench {report['when']}{' (quick)' if options.quick else ''}", ""]
    if "pages" in parts:
        lines += pages_lines(report, results, pages, static, seconds, connections)
    if "journeys" in parts:
        lines += journeys_lines(report, options)
    write(options.out, report, lines)


def pages_part(
    report,
    results,
    pages,
    proxy_base,
    app_base,
    seconds,
    connections,
    env,
    proxy,
    app_groups,
    varnish,
    static,
):
    say("Static file through the proxy")
    report["static"] = measure(
        "static", proxy_base + static, seconds, connections, lambda: cpu_ticks(pids=[varnish])
    )
    report["static"]["path"] = static
    say("Pages through the proxy (cached where they may be) and straight to an app server")
    for name, path in pages:
        results[name] = {
            "proxy": measure(
                name, proxy_base + path, seconds, connections, lambda: cpu_ticks(app_groups)
            ),
            # Two connections for each of its two workers.
            "app server": measure(name, app_base + path, seconds, 4, lambda: cpu_ticks(app_groups)),
        }
        results[name]["path"] = path
    report["pages"] = results
    say("Warm queries (a test client with the production settings, same database)")
    report["queries"] = warm_queries(env, f"127.0.0.1:{proxy}", pages)
    for name, found in report["queries"].items():
        say(f"  {name}: {found['queries']} queries, {found['render_ms']} ms in-process")


def journeys_part(report, options, env, journey, proxy):
    answers = journey_answers(env)
    survey = journey["journey_survey"]
    rate, minutes = options.rate, (1 if options.quick else 5)
    say(f"Survey journeys: {rate} a second for {minutes} minute(s)")
    sustained = journeys_at(proxy, survey, answers, rate, minutes * 60)
    counted = stored(env, journey["journey_key"], sustained["references"])
    sustained["database"] = counted
    say(
        f"  {sustained['completed']} of {sustained['started']} completed, "
        f"{sustained['failed']} failed, worst step p95 {sustained['worst_p95_ms']} ms; "
        f"database: {counted}"
    )
    report["journeys"] = sustained
    # No reference twice, and every one a resident was shown is stored; a
    # journey cut short after its submission is stored (once) unconfirmed.
    counted["exactly_once"] = (
        counted.get("stored") == counted.get("distinct")
        and counted.get("completed_found") == sustained["completed"]
    )

    say("Ramp: the highest rate held with every step's p95 under 300 ms")
    ramp, best = [], None
    step_seconds = 15 if options.quick else 20
    for rate in [3, 4, 6, 8] if not options.quick else [2, 4]:
        before = len(sustained["references"])
        result = journeys_at(proxy, survey, answers, rate, step_seconds)
        held = (
            result["failed"] == 0
            and result["completed"] == result["started"]
            and result["worst_p95_ms"] is not None
            and result["worst_p95_ms"] < 300
        )
        result["held"] = held
        say(
            f"  {rate}/s: {result['completed']}/{result['started']} completed, "
            f"worst p95 {result['worst_p95_ms']} ms, {'held' if held else 'not held'}"
        )
        result.pop("references")
        ramp.append(result)
        del before
        if not held:
            break
        best = rate
    report["ramp"] = ramp
    report["highest_sustained_rate"] = best
    sustained["references"] = len(sustained["references"])


def pages_lines(report, results, pages, static, seconds, connections):
    static_rate = report["static"].get("requests_per_s")
    lines = []
    lines.append(
        f"Static file `{static}` through the proxy: {static_rate:.0f} requests/s, "
        f"p50 {report['static']['p50_ms']:.1f} ms, p99 {report['static']['p99_ms']:.1f} ms, "
        f"{report['static']['bytes']} B ({report['static']['encoding']})."
    )
    lines += ["", f"wrk: {seconds} s a run, {connections} connections, Accept-Encoding: gzip.", ""]
    lines += page_table(
        {name: {k: v for k, v in r.items() if k != "path"} for name, r in results.items()},
        static_rate,
    )
    lines += ["", "| Page | Path | Warm queries | In-process ms |", "|---|---|---:|---:|"]
    for name, path in pages:
        found = report["queries"].get(name, {})
        lines.append(
            f"| {name} | `{path}` | {found.get('queries', '')} | {found.get('render_ms', '')} |"
        )
    return lines


def journeys_lines(report, options):
    sustained, ramp, best = report["journeys"], report["ramp"], report["highest_sustained_rate"]
    minutes = 1 if options.quick else 5
    counted = sustained["database"]
    once = counted.get("exactly_once")
    lines = [
        "",
        f"## Survey journeys at {options.rate} a second for {minutes} minute(s)",
        "",
        f"{sustained['completed']} of {sustained['started']} journeys completed "
        f"({sustained['failed']} failed). In the database: {counted.get('stored')} responses "
        f"({counted.get('distinct')} distinct references), {counted.get('completed_found')} of "
        f"the {sustained['completed']} references shown to residents; stored exactly once: "
        f"{'yes' if once else 'NO'}. Stored but never confirmed to the resident (the "
        f"journey failed after its submission): "
        f"{(counted.get('stored') or 0) - (counted.get('completed_found') or 0)}.",
        "",
        "| Step | Count | p50 ms | p95 ms |",
        "|---|---:|---:|---:|",
    ]
    for label, step in sustained["steps"].items():
        lines.append(f"| {label} | {step['count']} | {step['p50_ms']} | {step['p95_ms']} |")
    lines += [
        "",
        "| Rate/s | Completed | Failed | Worst step p95 ms | Held |",
        "|---:|---:|---:|---:|---|",
    ]
    for result in ramp:
        lines.append(
            f"| {result['rate']} | {result['completed']}/{result['started']} "
            f"| {result['failed']} | {result['worst_p95_ms']} "
            f"| {'yes' if result['held'] else 'no'} |"
        )
    lines += [
        "",
        f"Highest sustained rate: {best} journeys a second."
        if best
        else "Highest sustained rate: below the lowest rate tried.",
    ]
    return lines


def pages_command(options):
    """wrk for any site on 127.0.0.1: bakerydemo's under bench/bakerydemo.sh."""
    seconds = 3 if options.quick else 8
    cpu = lambda: cpu_ticks([options.pgid])  # noqa: E731
    base = options.base.rstrip("/")
    report = {"site": base, "when": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())}
    static = options.static or static_path(base)
    report["static"] = measure("static", base + static, seconds, 8, cpu) if static else {}
    results = {}
    for item in options.pages:
        name, _, path = item.partition("=")
        name = name.replace("_", " ")
        # As straight to one of our app servers: two connections a worker.
        results[name] = {"app server": measure(name, base + path, seconds, 4, cpu)}
    report["pages"] = results
    lines = [f"# {options.title} {report['when']}", ""]
    lines += page_table(results, report["static"].get("requests_per_s"))
    write(options.out, report, lines)


def main():
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command", required=True)
    stack = commands.add_parser("stack")
    stack.add_argument("directory")
    stack.add_argument("journey")
    stack.add_argument("out")
    stack.add_argument("--quick", action="store_true")
    stack.add_argument("--rate", type=float, default=2)
    stack.add_argument(
        "--parts", default="pages,journeys", help="pages (wrk and queries), journeys (and ramp)"
    )
    pages = commands.add_parser("pages")
    pages.add_argument("base")
    pages.add_argument("pgid", type=int)
    pages.add_argument("out")
    pages.add_argument("pages", nargs="+")
    pages.add_argument("--quick", action="store_true")
    pages.add_argument("--static")
    pages.add_argument("--title", default="Pages")
    options = parser.parse_args()
    {"stack": stack_command, "pages": pages_command}[options.command](options)


if __name__ == "__main__":
    main()
