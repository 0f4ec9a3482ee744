"""How much memory and time the officers' exports take for many responses.

    .venv/bin/python bench/export_memory.py [RESPONSES]   # default 20000

Builds a throwaway SQLite database (or uses DATABASE_URL) with the demo's
closed 2014 consultation and RESPONSES generated responses, then runs the CSV
and the Excel export through the real views' code, reporting the peak Python
memory (tracemalloc) and the time of each. Exports stream: the peak should
stay about the same whatever the number of responses.
"""

import os
import sys
import tempfile
import time
import tracemalloc
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "council_site.settings.dev")
workdir = tempfile.mkdtemp(prefix="export-bench-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3")
os.environ.setdefault("MEDIA_ROOT", f"{workdir}/media")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from consultations.models import Answer, ConsultationPage, Response  # noqa: E402
from consultations.officers import exports  # noqa: E402
from consultations.officers.results import responses_to  # noqa: E402


def say(line):
    sys.stdout.write(line + "\n")


def build(count):
    call_command("migrate", verbosity=0)
    call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    page = ConsultationPage.objects.get(
        slug="communities-strategy-2014", locale__language_code="en"
    )
    have = responses_to(page).count()
    batch = []
    for n in range(have, count):
        batch.append(
            Response(
                consultation_key=page.translation_key,
                page=page,
                reference=f"BENCH-{n:06d}",
                submission_token=uuid.uuid4().hex,
                language="en",
                district="blaby",
                respondent_type="individual",
            )
        )
        if len(batch) == 2000 or n == count - 1:
            made = Response.objects.bulk_create(batch)
            made = list(Response.objects.filter(reference__in=[r.reference for r in batch]))
            Answer.objects.bulk_create(
                Answer(
                    response=response,
                    question_key=key,
                    question_type=kind,
                    item_key=item,
                    option_code=code,
                    text=text,
                )
                for response in made
                for key, kind, item, code, text in [
                    ("priority_agreement", "grid", "priority_1", "agree", ""),
                    ("priority_agreement", "grid", "priority_2", "disagree", ""),
                    (
                        "community_could_do",
                        "long_text",
                        "",
                        "",
                        "A lunch club in the village hall " * 8,
                    ),
                ]
            )
            batch = []
    return page


def measure(label, make_response):
    tracemalloc.start()
    started = time.perf_counter()
    response = make_response()
    size = sum(len(chunk) for chunk in response.streaming_content)
    seconds = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    megabytes = size / 1e6
    say(f"{label}: {megabytes:.1f} MB file, {seconds:.1f} s, peak memory {peak / 1e6:.1f} MB")


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    page = build(count)
    responses = responses_to(page)
    say(f"{responses.count()} responses")
    columns = exports.survey_columns(page.survey_definition, equality=True)
    measure("CSV", lambda: exports.csv_response(exports.rows(responses, columns, True), "bench"))
    measure(
        "Excel",
        lambda: exports.xlsx_response(responses, columns, "bench", True),
    )


if __name__ == "__main__":
    main()
