from django.core.management.base import BaseCommand
from django.db import transaction

from demo import responses
from demo.loader import CONTENT_DIR, COUNCILS, DemoLoader
from demo.translate import (
    TRANSLATIONS_DIR,
    add_missing_entries,
    missing_translations,
    translate_pages,
)


class Command(BaseCommand):
    help = (
        "Build the demo site for a county council from the YAML and PO files in "
        "demo/. Safe to run again: it updates what is there and adds nothing twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--council",
            action="append",
            help="A council's folder under the content folder (repeat for more); "
            "all the demo's councils when not given.",
        )
        parser.add_argument("--content", default=str(CONTENT_DIR), help="The content folder.")
        parser.add_argument(
            "--translations", default=str(TRANSLATIONS_DIR), help="The PO files' folder."
        )
        parser.add_argument(
            "--missing-translations",
            action="store_true",
            help="After loading, list each English text of a translated page that a PO file "
            "has no translation for, with where it is used.",
        )
        parser.add_argument(
            "--add-missing-translations",
            action="store_true",
            help="After loading, add each such text to its PO file as an empty entry, with "
            "where it is used, for a translator to fill in.",
        )

    def handle(self, *args, **options):
        loader = DemoLoader(stdout=self.stdout, content_dir=options["content"])
        councils = options["council"] or COUNCILS
        self.stdout.write(f"Demo content: {', '.join(councils)}")
        with transaction.atomic():
            for council in councils:
                loader.load_council(council)
                responses.load(loader, council)
        # Translations come last, outside that transaction: wagtail-localize
        # publishes each translation when its transaction commits, so inside one
        # long transaction a translated parent would be published from a copy
        # taken before its children existed.
        pages = [page.specific for page in _in_order(loader.to_translate)]
        for page in pages:
            page.demo_languages = loader.translate_into.get(page.pk)
        found = translate_pages(pages + loader.to_translate_objects, options["translations"])
        self.stdout.write(
            f"Demo translations: {len(pages)} pages and {len(loader.to_translate_objects)} "
            f"snippets (the council's name and opening hours, measures) in {len(found)} languages"
        )
        for catalogue in found:
            for _old, new in catalogue.changed:
                self.stdout.write(
                    f"  {catalogue.language}: kept the translation of an edited sentence, "
                    f"marked fuzzy for review in {catalogue.path.name}: {new[:60]!r}"
                )
        if options["missing_translations"] or options["add_missing_translations"]:
            self.missing(pages + loader.to_translate_objects, options)
        loader.finish()

    def missing(self, objects, options):
        report = missing_translations(objects, options["translations"])
        for catalogue, missing in report:
            self.stdout.write(
                f"{catalogue.path.name}: {len(missing)} English texts with no translation"
            )
            if options["missing_translations"]:
                for text, places in missing.items():
                    self.stdout.write(f"  {' '.join(places)}")
                    self.stdout.write(f"    {text[:100]!r}")
        if options["add_missing_translations"]:
            add_missing_entries(report)
            self.stdout.write("Added them to the PO files as empty entries.")


def _in_order(pks):
    from wagtail.models import Page

    pages = Page.objects.in_bulk(pks)
    return [pages[pk] for pk in pks]
