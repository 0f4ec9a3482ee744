from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class CouncilSettings(BaseSiteSetting):
    """Who runs this site: the council's name, logo and contact details.

    Shown in the header and footer of every page, in the "help in your
    language" line, and used as the address for alternative-format requests.
    """

    council_name = models.CharField(
        max_length=120,
        default="County Council",
        help_text="The council's name as residents know it, for example "
        "'Leicestershire County Council'. Shown in the header of every page.",
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown beside the council's name in the header. "
        "Leave empty to show the name only.",
    )
    phone = models.CharField(
        max_length=40,
        blank=True,
        help_text="The number residents ring for help, including help in another language.",
    )
    email = models.EmailField(
        blank=True,
        help_text="Requests for alternative formats and contact messages are sent here.",
    )
    postal_address = models.TextField(
        blank=True, help_text="Where residents can send letters and paper responses."
    )
    opening_hours = models.CharField(
        max_length=120,
        blank=True,
        help_text="When the phone line is answered, for example 'Monday to Friday, 8.30am to 5pm'.",
    )

    accessibility_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    cookies_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The contact and alternative formats page.",
    )

    panels = [
        MultiFieldPanel([FieldPanel("council_name"), FieldPanel("logo")], heading="The council"),
        MultiFieldPanel(
            [
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("opening_hours"),
                FieldPanel("postal_address"),
            ],
            heading="Contact details",
        ),
        MultiFieldPanel(
            [
                FieldPanel("accessibility_page"),
                FieldPanel("privacy_page"),
                FieldPanel("cookies_page"),
                FieldPanel("contact_page"),
            ],
            heading="Footer links",
        ),
    ]

    class Meta:
        verbose_name = "Council details"

    def __str__(self):
        return self.council_name

    @property
    def phone_href(self):
        return "tel:" + "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")
