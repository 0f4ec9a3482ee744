"""Measures of success: what a plan counts to show it is working.

A measure is a translatable snippet (its name, unit and description are words
to translate; one measure can be moved by several actions, and a snippet is
chosen from each of them rather than written again). It holds its baseline
and target; its dated values are the figures given in the progress updates
of the actions that move it (``ProgressUpdate.measure`` and ``value``), so
that staff add a value from the action's own page, a CSV row of the bulk
update is one progress update, and each figure is stored once.
"""

from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ..numbers import figure_text


class Measure(TranslatableMixin, index.Indexed, models.Model):
    """A measure of success, such as 'Voluntary groups supported'."""

    name = models.CharField(
        max_length=200, help_text="What is counted, for example 'Voluntary groups supported'."
    )
    slug = models.SlugField(
        max_length=100,
        help_text="A short name for the bulk update's CSV file and the open data, for example "
        "'groups-supported'. Do not change it once it is in use.",
    )
    description = models.TextField(
        blank=True,
        help_text="What counts, where the figure comes from and how often it is measured.",
    )
    prefix = models.CharField(
        max_length=5, blank=True, help_text="Written before the number, for example '£'."
    )
    unit = models.CharField(
        max_length=60,
        blank=True,
        help_text="Written after the number, for example 'groups' or 'volunteers'. Leave empty "
        "for amounts of money.",
    )
    baseline = models.DecimalField(
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Where it started. Leave empty if nobody measured it.",
    )
    baseline_date = models.DateField(null=True, blank=True, verbose_name="date of the baseline")
    target = models.DecimalField(
        max_digits=14, decimal_places=2, null=True, blank=True, help_text="What the plan aims for."
    )
    target_date = models.DateField(null=True, blank=True, verbose_name="target date")

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldRowPanel(
            [FieldPanel("prefix"), FieldPanel("unit")], heading="How figures are written"
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("baseline"), FieldPanel("baseline_date")]),
                FieldRowPanel([FieldPanel("target"), FieldPanel("target_date")]),
            ],
            heading="Baseline and target",
        ),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    # The number's words are translated; the slug and the figures stay the same
    # in every language.
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        TranslatableField("unit"),
        SynchronizedField("slug"),
        SynchronizedField("prefix"),
        SynchronizedField("baseline"),
        SynchronizedField("baseline_date"),
        SynchronizedField("target"),
        SynchronizedField("target_date"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = "measure of success"
        verbose_name_plural = "measures of success"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="delivery_measure_slug_locale")
        ]

    def __str__(self):
        return self.name

    def figure(self, value):
        """A value of this measure in words: '£450,000', '847 groups'."""
        return figure_text(value, self.prefix, self.unit)
