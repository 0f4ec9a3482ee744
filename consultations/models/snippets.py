"""The snippet of consultations: the topics residents filter them by."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet


@register_snippet
class ConsultationTopic(models.Model):
    """A subject residents can filter consultations by, such as 'Communities'."""

    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, unique=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        ordering = ["name"]
        verbose_name = "Consultation topic"

    def __str__(self):
        return self.name
