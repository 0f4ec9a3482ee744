"""Small abstract pieces that the site's page types are built from."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index


class ListingFieldsMixin(models.Model):
    """How a page looks when it is listed elsewhere: a short summary and a picture."""

    listing_summary = models.TextField(
        blank=True,
        max_length=300,
        help_text="One or two sentences shown where this page is listed, and in search results.",
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown where this page is listed. "
        "Give the picture alt text in the image library.",
    )

    listing_panels = [
        MultiFieldPanel(
            [FieldPanel("listing_summary"), FieldPanel("listing_image")],
            heading="How this page is listed",
        )
    ]

    search_fields = [index.SearchField("listing_summary")]

    class Meta:
        abstract = True


class BasePage(ListingFieldsMixin, Page):
    """The base of every public page on the site."""

    content_panels = Page.content_panels
    promote_panels = Page.promote_panels + ListingFieldsMixin.listing_panels
    search_fields = Page.search_fields + ListingFieldsMixin.search_fields

    class Meta:
        abstract = True

    @property
    def summary(self):
        return self.listing_summary or self.search_description
