"""Erase one email address from every email-update list, for a resident who
asks for their data to be deleted. The officers' log records the count, never
the address."""

from django.core.management.base import BaseCommand

from subscriptions.retention import erase_address


class Command(BaseCommand):
    help = "Delete every email-update subscription of one email address."

    def add_arguments(self, parser):
        parser.add_argument("email", help="The address to erase (any case).")

    def handle(self, *args, email, **options):
        count = erase_address(email)
        self.stdout.write(f"Erased {count} email-update subscription(s) of that address.")
