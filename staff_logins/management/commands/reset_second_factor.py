from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from staff_logins.devices import reset_second_factor


class Command(BaseCommand):
    help = (
        "Remove a person's authenticator app and recovery codes (for a lost phone): "
        "they set up a new app when they next sign in."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"There is no account named {username!r}.")
        removed = reset_second_factor(user)
        if removed:
            self.stdout.write(
                f"Two-step verification for {username!r} was reset: they will set up "
                "an authenticator app when they next sign in."
            )
        else:
            self.stdout.write(f"{username!r} had no two-step verification set up.")
