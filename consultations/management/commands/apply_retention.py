"""Remove residents' personal details from consultations past their retention
period. Safe to run daily, for example from cron: what was removed once is not
counted again."""

from django.core.management.base import BaseCommand

from consultations.retention import apply_retention
from subscriptions.retention import remove_unconfirmed


class Command(BaseCommand):
    help = (
        "Remove email addresses, postcodes, free text marked as personal, equality answers "
        "and saved part-way surveys from consultations past their retention period, and "
        "email-update addresses never confirmed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Say what would be removed, and change nothing.",
        )

    def handle(self, *args, dry_run=False, **options):
        unconfirmed = remove_unconfirmed(dry_run=dry_run)
        if unconfirmed:
            verb = "Would delete" if dry_run else "Deleted"
            self.stdout.write(f"{verb} {unconfirmed} unconfirmed email-update address(es).")
        removals = apply_retention(dry_run=dry_run)
        prefix = "Would remove personal data from " if dry_run else "Removed personal data from "
        for removal in removals:
            self.stdout.write(prefix + removal.describe() + ".")
        if not removals:
            self.stdout.write("No consultation has personal data past its retention period.")
        elif dry_run:
            self.stdout.write("Dry run: nothing was changed.")
