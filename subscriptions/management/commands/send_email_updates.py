"""Queue the date-based email updates that are due: consultations that have
opened, close soon or have closed (and results, should a publish have been
missed). Run it every few minutes beside the worker (scripts/demo.sh does, in
a loop; in production from cron or a timer). It only queues a fan-out task
where someone is still waiting, so running it often costs a few queries."""

from django.core.management.base import BaseCommand

from subscriptions.events import due_events, queue_if_pending


class Command(BaseCommand):
    help = "Queue the email updates due now (consultations opened, closing soon, closed)."

    def handle(self, *args, **options):
        queued = [event.key for event in due_events() if queue_if_pending(event)]
        for key in queued:
            self.stdout.write(f"Queued email updates: {key}")
        if not queued and options["verbosity"] > 1:
            self.stdout.write("No email updates are due.")
