from django.db import models
from wagtail.admin.panels import FieldPanel


class ImageCredit(models.Model):
    """Where a picture comes from and under what licence, for pictures the
    council did not make itself. The attribution is shown where the picture is
    used when the licence asks for it."""

    image = models.OneToOneField(
        "wagtailimages.Image", on_delete=models.CASCADE, related_name="credit"
    )
    creator = models.CharField(max_length=200, blank=True)
    licence = models.CharField(
        max_length=100, help_text="For example 'CC BY-SA 4.0' or 'Council's own'."
    )
    source_url = models.URLField(blank=True, help_text="Where the picture was found.")
    attribution = models.CharField(
        max_length=250,
        blank=True,
        help_text="The credit line shown beside the picture, where the licence asks for one.",
    )

    panels = [
        FieldPanel("image"),
        FieldPanel("creator"),
        FieldPanel("licence"),
        FieldPanel("source_url"),
        FieldPanel("attribution"),
    ]

    class Meta:
        verbose_name = "image credit"

    def __str__(self):
        return f"{self.image.title} ({self.licence})"


def whole_pixels(sender, instance, **kwargs):
    """Widths and heights in whole pixels. An SVG's size is read as a decimal
    (80.0), which SQLite stores as it is and the image tag then writes as
    width="80.0": not a valid HTML dimension. Connected to the image and
    rendition models when they are made, read and saved (core/apps.py)."""
    for name in ("width", "height"):
        value = getattr(instance, name, None)
        if isinstance(value, float):
            setattr(instance, name, round(value))


def whole_pixel_dimensions(read_dimensions):
    """Wagtail's reading of an image file's size, in whole pixels: a
    rendition's size is read again from its file when the file is saved,
    after any signal could round it."""

    def get_image_dimensions(self):
        dimensions = read_dimensions(self)
        if not dimensions or None in dimensions:
            return dimensions
        return tuple(round(value) for value in dimensions)

    return get_image_dimensions
