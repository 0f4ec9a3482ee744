from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

PICTURE_HELP = (
    "Choose a picture from the 'Easy Read pictures' collection that shows this idea. "
    "It is shown beside the sentence and has no alt text, since the sentence says the "
    "same. Leave empty for no picture."
)


def picture(sentence):
    return models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=sentence,
        help_text=PICTURE_HELP,
    )


@register_setting(icon="image")
class EasyReadSurveyPictures(BaseSiteSetting):
    """The pictures beside each idea on the Easy Read survey's start, "check
    your answers" and confirmation pages. Their sentences are the same for
    every consultation (and translated with the site's own words), so their
    pictures are chosen once, here, for the whole site."""

    start_sections = picture("Start: 'The questions are in 3 sections.'")
    start_time = picture("Start: 'It takes 10 minutes.'")
    start_help = picture("Start: 'You can ask someone to help you.'")
    start_change = picture("Start: 'You can go back and change your answers.'")
    start_closing = picture("Start: 'You can answer until 1 March.'")
    start_privacy = picture("Start: 'We keep your answers safe.'")
    start_phone = picture("Start: 'If you need help, ring us.'")
    check_answers = picture("Check: 'Look at your answers below. You can change an answer.'")
    check_send = picture("Check: 'Press the button to send us your answers.'")
    confirmation_thanks = picture("Confirmation: 'Thank you for telling us what you think.'")
    confirmation_reference = picture("Confirmation: 'Keep your reference number.'")
    confirmation_read = picture("Confirmation: 'We will read all the answers.'")
    confirmation_results = picture(
        "Confirmation: 'Then we will say on this website what we are going to do.'"
    )

    PAGES = {
        "start": [
            "start_sections",
            "start_time",
            "start_help",
            "start_change",
            "start_closing",
            "start_privacy",
            "start_phone",
        ],
        "check": ["check_answers", "check_send"],
        "confirmation": [
            "confirmation_thanks",
            "confirmation_reference",
            "confirmation_read",
            "confirmation_results",
        ],
    }

    panels = [
        MultiFieldPanel([FieldPanel(name) for name in PAGES["start"]], heading="Start page"),
        MultiFieldPanel(
            [FieldPanel(name) for name in PAGES["check"]], heading="Check your answers page"
        ),
        MultiFieldPanel(
            [FieldPanel(name) for name in PAGES["confirmation"]], heading="Confirmation page"
        ),
    ]

    class Meta:
        verbose_name = "Easy Read survey pictures"

    def picture_ids(self, page):
        """The chosen picture's id (or None) for each idea on one page."""
        return {name: getattr(self, f"{name}_id") for name in self.PAGES[page]}
