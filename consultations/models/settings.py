"""The site setting of consultations: how the council handles what residents
tell it."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="form")
class ConsultationSettings(BaseSiteSetting):
    """How the council handles what residents tell it: protecting small groups
    in equality figures, and when results are due."""

    small_number_threshold = models.PositiveSmallIntegerField(
        default=10,
        help_text="Counts below this number are shown as 'fewer than' it, and the rest rounded "
        "to the nearest 5, in every summary, chart, export of figures and public figure, so "
        "that no small group can be singled out.",
    )
    results_due_weeks = models.PositiveSmallIntegerField(
        default=12,
        help_text="How many weeks after a consultation closes the council promises to "
        "publish what it heard and did. The dashboard lists the ones that are late.",
    )

    panels = [FieldPanel("small_number_threshold"), FieldPanel("results_due_weeks")]

    class Meta:
        verbose_name = "Consultation rules"
