from django.core.management.base import BaseCommand, CommandError

from events.upgrade import consultations_with_event_blocks, move_consultation_events


class Command(BaseCommand):
    help = (
        "Move the events written on consultation pages (before events were pages of their own) "
        "to event pages under the site's events page, translations included. Run it once after "
        "`migrate` when upgrading; running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be moved; change nothing."
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help="Change nothing; fail if any consultation page still has events to move.",
        )

    def handle(self, *args, **options):
        if options["check"]:
            remaining = consultations_with_event_blocks()
            if remaining:
                raise CommandError(
                    f"{remaining} consultation page(s) still have events written on the page: "
                    "run `manage.py move_consultation_events`."
                )
            self.stdout.write("No consultation page has events left to move.")
            return
        report = move_consultation_events(dry_run=options["dry_run"])
        for line in report.lines():
            self.stdout.write(line)
        if not (report.moved or report.left):
            self.stdout.write("No consultation page has events to move.")
        elif report.left:
            self.stdout.write(
                self.style.WARNING(
                    f"{len(report.left)} event(s) left on their consultation page, still shown "
                    "there: see above."
                )
            )
