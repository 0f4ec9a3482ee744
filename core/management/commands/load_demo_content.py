from django.core.management.base import BaseCommand
from django.db import transaction

from core.demo import DEMO_APPS, DemoLoader


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
        loader.finish()
