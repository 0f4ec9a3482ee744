"""Publishing a consultation's results or a progress report queues the
email updates (``events.queue_if_pending``): the editor's request only adds
one task to the queue."""

import logging

from django.dispatch import receiver
from wagtail.signals import page_published

from .events import ReportPublished, ResultsPublished, queue_if_pending

logger = logging.getLogger(__name__)


@receiver(page_published)
def queue_updates(sender, instance, **kwargs):
    from consultations.models import ConsultationPage
    from delivery.models import ProgressReportPage

    if isinstance(instance, ConsultationPage) and instance.results_published:
        event = ResultsPublished(instance)
    elif isinstance(instance, ProgressReportPage):
        event = ReportPublished(instance)
    else:
        return
    try:
        queue_if_pending(event)
    except Exception:
        # Publishing must never fail because of email updates; the periodic
        # command catches results it missed.
        logger.exception("Could not queue the email updates for %s", event.key)
