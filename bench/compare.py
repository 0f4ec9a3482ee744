"""Two bench results side by side, as Markdown:

    .venv/bin/python bench/compare.py bench/results/A.json bench/results/B.json

Two runs of bench/run.sh: every page type and route, before and after. A run
of ours and one of bench/bakerydemo.sh: our pages straight to an app server
against bakerydemo's comparable ones (home with home, a listing with a
listing, a content page with a content page, search with search).
"""

import json
import sys
from pathlib import Path

# Our page type and bakerydemo's comparable one.
COMPARABLE = [
    ("home", "home"),
    ("case study index", "blog index"),
    ("consultation index", "breads index"),
    ("case study", "blog page"),
    ("strategy part", "bread page"),
    ("consultation", "blog page"),
    ("search", "search"),
]


def figures(result):
    if not result or "requests_per_s" not in result:
        return None
    return result["requests_per_s"], result["cpu_ms_per_request"], result["p50_ms"]


def ratio(a, b):
    return f"{a / b:.2f}" if a and b else ""


def rows(a, b):
    """(label, figures of A, figures of B) for what both runs measured."""
    if "site" in b:  # bakerydemo's run: its pages straight to its server
        for ours, theirs in COMPARABLE:
            yield (
                f"{ours} / {theirs}",
                figures(a["pages"].get(ours, {}).get("app server")),
                figures(b["pages"].get(theirs, {}).get("app server")),
            )
        return
    for name, routes in a["pages"].items():
        for route, result in routes.items():
            if route != "path":
                yield (
                    f"{name} ({route})",
                    figures(result),
                    figures(b["pages"].get(name, {}).get(route)),
                )


def main():
    first, second = (json.loads(Path(path).read_text()) for path in sys.argv[1:3])
    lines = [
        f"A: {sys.argv[1]} ({first.get('when')}); B: {sys.argv[2]} ({second.get('when')})",
        "",
        "| Page | A req/s | B req/s | A/B | A CPU-ms | B CPU-ms | B/A CPU | A p50 ms | B p50 ms |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for label, a, b in rows(first, second):
        if a is None or b is None:
            lines.append(
                f"| {label} | {'' if a is None else a[0]} | {'' if b is None else b[0]} "
                "| | | | | | |"
            )
            continue
        lines.append(
            f"| {label} | {a[0]:.1f} | {b[0]:.1f} | {ratio(a[0], b[0])} | {a[1]} | {b[1]} | "
            f"{ratio(b[1], a[1])} | {a[2]:.1f} | {b[2]:.1f} |"
        )
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
