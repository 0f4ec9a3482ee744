"""Delete saved part-way surveys (and their email addresses) once their
consultation has closed. Run daily, for example from cron."""

from django.core.management.base import BaseCommand

from consultations.models import SavedSurvey


class Command(BaseCommand):
    help = "Delete saved part-way surveys whose consultation has closed."

    def handle(self, *args, **options):
        deleted, _by_model = SavedSurvey.delete_expired()
        self.stdout.write(f"Deleted {deleted} saved surveys.")
