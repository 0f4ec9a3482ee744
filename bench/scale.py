"""The bench's scale data set, built on the database of DATABASE_URL after the
demo content (three councils, every language) has been loaded into it:

    .venv/bin/python bench/scale.py [--case-studies N] [--consultations N] [--responses N]

It adds, under the default council's site (Leicestershire in the demo), that
many case studies and consultations, copied from the demo's own and written
straight into the page tree in bulk (one INSERT a table, no revisions: they are
published as they are, as a large import would leave them), that many stored
responses with their answers, a sample of the new pages translated into every
language with wagtail-localize, and a consultation open for the bench's
survey journeys (the factory's survey, whose answers the tests know). Prints
one JSON line: the journey's survey address and its consultation key.
Run by bench/run.sh; not in CI.
"""

import argparse
import datetime
import json
import os
import random
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "council_site.settings.dev")

import django  # noqa: E402

django.setup()

from django.db import transaction  # noqa: E402
from django.db.models import F  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Locale, Page, Site  # noqa: E402
from wagtail.search.backends import get_search_backend  # noqa: E402

from case_studies.models import CaseStudyIndexPage, CaseStudyPage  # noqa: E402
from consultations.factories import ConsultationPageFactory  # noqa: E402
from consultations.models import (  # noqa: E402
    Answer,
    ConsultationIndexPage,
    ConsultationPage,
    Response,
)
from consultations.models.responses import REFERENCE_ALPHABET  # noqa: E402

PLACES = [
    ("Loughborough", "Charnwood"),
    ("Birstall", "Charnwood"),
    ("Market Harborough", "Harborough"),
    ("Lutterworth", "Harborough"),
    ("Hinckley", "Hinckley and Bosworth"),
    ("Coalville", "North West Leicestershire"),
    ("Melton Mowbray", "Melton"),
    ("Oadby", "Oadby and Wigston"),
    ("Blaby", "Blaby"),
]
TOPICS = [
    "community garden",
    "youth club",
    "lunch club",
    "village hall",
    "repair café",
    "walking group",
    "community library",
    "good neighbour scheme",
    "timebank",
    "dementia café",
]


def say(line):
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


def bulk_children(parent, template, count, values):
    """``count`` new live pages of the template's type under ``parent``, in one
    INSERT for the page rows and one for the type's own rows. ``values(n)``
    gives the fields that differ from the template's (title and slug at least).
    Returns the new pages' ids."""
    model = type(template)
    assert list(model._meta.parents) == [Page], f"{model.__name__} is not a direct Page subclass"
    parent = Page.objects.get(pk=parent.pk)  # numchild and path as they are now
    last = parent.get_last_child()
    start = Page._str2int(last.path[-Page.steplen :]) if last else 0
    now = timezone.now()
    page_fields = [field for field in Page._meta.concrete_fields if not field.primary_key]
    own_fields = [field for field in model._meta.local_concrete_fields if not field.primary_key]
    pages, own_rows = [], []
    for n in range(count):
        changed = values(n)
        row = Page(**{field.attname: getattr(template, field.attname) for field in page_fields})
        row.path = Page._get_path(parent.path, parent.depth + 1, start + n + 1)
        row.depth = parent.depth + 1
        row.numchild = 0
        row.translation_key = uuid.uuid4()
        row.live = True
        row.has_unpublished_changes = False
        row.latest_revision_id = None
        row.live_revision_id = None
        row.locked = False
        row.first_published_at = row.last_published_at = row.latest_revision_created_at = now
        row.title = row.draft_title = changed.pop("title")
        row.slug = changed.pop("slug")
        row.seo_title = ""
        row.url_path = parent.url_path + row.slug + "/"
        pages.append(row)
        own_rows.append(
            {**{field.attname: getattr(template, field.attname) for field in own_fields}, **changed}
        )
    Page.objects.bulk_create(pages, batch_size=500)
    objects = []
    for row, own in zip(pages, own_rows, strict=True):
        page = model(**{field.attname: getattr(row, field.attname) for field in page_fields})
        page.id = page.page_ptr_id = row.pk
        for name, value in own.items():
            setattr(page, name, value)
        objects.append(page)
    # Only the type's own table: its page rows are already in.
    for batch in range(0, len(objects), 500):
        model._base_manager._insert(
            objects[batch : batch + 500],
            fields=model._meta.local_concrete_fields,
            using="default",
        )
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + count)
    get_search_backend().add_bulk(model, objects)
    return objects


def reference(number):
    """HYS-XXXX-XXXX, different for each number (the real ones are random)."""
    letters = []
    for _ in range(8):
        number, digit = divmod(number, len(REFERENCE_ALPHABET))
        letters.append(REFERENCE_ALPHABET[digit])
    body = "".join(reversed(letters))
    return f"HYS-{body[:4]}-{body[4:]}"


def case_studies(site, count, rng):
    index = CaseStudyIndexPage.objects.descendant_of(site.root_page).get(
        locale=site.root_page.locale
    )
    template = CaseStudyPage.objects.child_of(index).order_by("path").first()
    priorities = list(template.priorities.values_list("pk", flat=True))
    blocks = list(template.building_blocks.values_list("pk", flat=True))

    def values(n):
        place, district = PLACES[n % len(PLACES)]
        topic = TOPICS[(n // len(PLACES)) % len(TOPICS)]
        title = f"{place} {topic} {n + 1}"
        return {
            "title": title.capitalize(),
            "slug": f"bench-case-study-{n + 1}",
            "place": place,
            "district": district,
            "listing_summary": f"How people in {place} started a {topic}.",
            "funding_amount": rng.choice([None, 500, 2500, 12000]),
        }

    made = bulk_children(index, template, count, values)
    links = []
    for page in made:
        if priorities:
            links.append(
                CaseStudyPage.priorities.through(
                    casestudypage_id=page.pk, prioritypage_id=rng.choice(priorities)
                )
            )
    CaseStudyPage.priorities.through.objects.bulk_create(links, batch_size=1000)
    if blocks:
        CaseStudyPage.building_blocks.through.objects.bulk_create(
            [
                CaseStudyPage.building_blocks.through(
                    casestudypage_id=page.pk, buildingblockpage_id=rng.choice(blocks)
                )
                for page in made
            ],
            batch_size=1000,
        )
    return made


def consultations(site, count, rng):
    index = ConsultationIndexPage.objects.descendant_of(site.root_page).get(
        locale=site.root_page.locale
    )
    # The demo's consultation with stored responses: its survey and answers
    # are the copies'.
    keys = Response.objects.values_list("consultation_key", flat=True).distinct()
    template = (
        ConsultationPage.objects.child_of(index).filter(translation_key__in=keys).first()
        or ConsultationPage.objects.child_of(index).first()
    )
    now = timezone.now()

    def values(n):
        closed = n % 3 == 0
        opens = (
            now - datetime.timedelta(days=400 - n)
            if closed
            else now - datetime.timedelta(days=n % 20)
        )
        return {
            "title": f"Bench consultation {n + 1}: {TOPICS[n % len(TOPICS)]}",
            "slug": f"bench-consultation-{n + 1}",
            "opens_at": opens,
            "closes_at": opens + datetime.timedelta(days=60 if closed else 90),
            "results_published": closed and template.results_published,
        }

    return template, bulk_children(index, template, count, values)


def responses(template, pages, count, rng):
    """``count`` responses spread over ``pages`` (a tenth on the first), each
    with the answers of one of the template's stored responses."""
    models = list(
        Response.objects.filter(consultation_key=template.translation_key).prefetch_related(
            "answers"
        )[:200]
    )
    answer_fields = [
        "question_key",
        "question_type",
        "item_key",
        "option_code",
        "text",
        "number",
        "date",
    ]
    patterns = [
        (
            response,
            [
                {name: getattr(answer, name) for name in answer_fields}
                for answer in response.answers.all()
            ],
        )
        for response in models
    ]
    if not patterns:
        say("The template consultation has no responses: the copies get answer-less ones")
        patterns = [(Response(language="en"), [])]
    now = timezone.now()
    first = count // 10
    made = 0
    chunk = 5000
    while made < count:
        batch = []
        for n in range(made, min(count, made + chunk)):
            page = pages[0] if n < first else pages[n % len(pages)]
            source, _ = patterns[n % len(patterns)]
            batch.append(
                Response(
                    consultation_key=page.translation_key,
                    page_id=page.pk,
                    reference=reference(1_000_000 + n),
                    submission_token=uuid.uuid4().hex,
                    language=source.language,
                    version=source.version,
                    submitted_at=now - datetime.timedelta(minutes=rng.randrange(60 * 24 * 90)),
                    respondent_type=source.respondent_type,
                    district=source.district,
                )
            )
        Response.objects.bulk_create(batch, batch_size=1000)
        Answer.objects.bulk_create(
            [
                Answer(response_id=response.pk, **row)
                for number, response in enumerate(batch, start=made)
                for row in patterns[number % len(patterns)][1]
            ],
            batch_size=5000,
        )
        made += len(batch)
    return made


def translate_sample(pages, per_type):
    """The first few new pages of each type translated into every language,
    with their parents, as wagtail-localize's "Translate" does."""
    from wagtail_localize.models import TranslationSource

    done = 0
    for locale in Locale.objects.exclude(language_code="en"):
        for page in pages:
            for sample in page[:per_type]:
                source, _ = TranslationSource.get_or_create_from_instance(sample)
                source.create_or_update_translation(locale, copy_parent_pages=True, fallback=True)
                done += 1
    return done


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--case-studies", type=int, default=2000)
    parser.add_argument("--consultations", type=int, default=300)
    parser.add_argument("--responses", type=int, default=60000)
    parser.add_argument("--translated", type=int, default=3, help="new pages of each type")
    options = parser.parse_args()
    rng = random.Random(20)
    site = Site.objects.get(is_default_site=True)
    started = time.perf_counter()
    with transaction.atomic():
        studies = case_studies(site, options.case_studies, rng)
        say(f"{len(studies)} case studies in {time.perf_counter() - started:.0f} s")
        template, pages = consultations(site, options.consultations, rng)
        say(f"{len(pages)} consultations in {time.perf_counter() - started:.0f} s")
        stored = responses(template, pages, options.responses, rng)
        say(f"{stored} responses in {time.perf_counter() - started:.0f} s")
        index = ConsultationIndexPage.objects.descendant_of(site.root_page).get(
            locale=site.root_page.locale
        )
        journey = ConsultationPageFactory(
            parent=index,
            title="Bench: the survey journey",
            slug="bench-survey-journey",
            closes_at=timezone.now() + datetime.timedelta(days=365),
        )
    translated = translate_sample(
        [
            [CaseStudyPage.objects.get(pk=page.pk) for page in studies[: options.translated]],
            [ConsultationPage.objects.get(pk=page.pk) for page in pages[-options.translated :]],
        ],
        options.translated,
    )
    say(f"{translated} translations in {time.perf_counter() - started:.0f} s")
    sys.stdout.write(
        json.dumps(
            {
                "journey_survey": journey.url_path[len(site.root_page.url_path) - 1 :] + "survey/",
                "journey_key": str(journey.translation_key),
            }
        )
        + "\n"
    )


if __name__ == "__main__":
    main()
