from django.core.management.base import BaseCommand
from django.db import transaction

from core.demo import DEMO_APPS, DemoLoader, finish


class Command(BaseCommand):
    help = (
        "Build the demo site for a county council from the facts in the council's "
        "documents. Safe to run again: it updates what is there and adds nothing twice."
    )

    def handle(self, *args, **options):
        loader = DemoLoader(stdout=self.stdout, style=self.style)
        with transaction.atomic():
            for app_label, load in DEMO_APPS():
                self.stdout.write(f"Demo content: {app_label}")
                load(loader)
        # Menu order and translations come last, outside that transaction:
        # wagtail-localize publishes each translation when its transaction
        # commits, so inside one long transaction a translated parent would be
        # published from a copy taken before its children existed.
        self.stdout.write("Demo content: menu order and translations")
        finish.load(loader)
        loader.finish()
