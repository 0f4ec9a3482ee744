import logging

from django.core.mail import EmailMessage
from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from core import mail
from core.blocks import StandardBodyBlock

from .mixins import BasePage, BodyMixin, IntroductionMixin

logger = logging.getLogger(__name__)


class StandardPage(IntroductionMixin, BodyMixin, BasePage):
    """A page of text: the accessibility statement, privacy notice, cookies and
    any other page that is mostly words, pictures and tables."""

    content_panels = BasePage.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "core.StandardPage"]
    subpage_types = ["core.StandardPage"]
    search_label = gettext_lazy("Page")
    template = "pages/standard_page.html"

    class Meta:
        verbose_name = "Standard page"


class ContactPage(RoutablePageMixin, BasePage):
    """Contact the council and ask for a document in another format (large print,
    Easy Read, audio, Braille or another language). Each request is emailed to
    the address in "Council details"."""

    introduction = models.TextField(blank=True)
    body = StreamField(
        StandardBodyBlock(),
        blank=True,
        use_json_field=True,
        help_text="Other ways to get in touch, shown above the form.",
    )
    thank_you_text = RichTextField(
        features=["bold", "link"],
        blank=True,
        help_text="Shown after a request is sent. Say when the resident will hear back.",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("body"),
        FieldPanel("thank_you_text"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "pages/contact_page.html"
    search_label = gettext_lazy("Contact page")

    class Meta:
        verbose_name = "Contact and alternative formats page"

    @path("")
    def form_view(self, request):
        """A request over ``PUBLIC_CONTACT_REQUESTS_PER_HOUR`` from one client
        address is not sent; a filled-in honeypot is thanked and not sent."""
        from core.forms import AlternativeFormatsForm
        from core.templatetags.core_tags import govuk_datetime_text
        from limits import counters as limits

        form = AlternativeFormatsForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            if form.is_spam():
                # A honeypot field was filled in: thank the sender, send nothing.
                logger.info("Contact form: honeypot filled, request not sent")
                return redirect(self.get_url(request) + self.reverse_subpage("thanks"))
            verdict = limits.check(limits.CONTACT, limits.client_key(request))
            if not verdict.allowed:
                # Over the limit: the form comes back with everything typed
                # kept, a message, HTTP 429 and Retry-After.
                form.add_error(
                    None,
                    _(
                        "A lot of requests have been sent from your internet connection in the "
                        "last hour. What you typed is kept below: please try again after "
                        "%(time)s, or ring us."
                    )
                    % {"time": govuk_datetime_text(verdict.retry_at)},
                )
                context = self.get_context(request)
                context["form"] = form
                response = TemplateResponse(
                    request, self.get_template(request), context, status=429
                )
                return limits.with_retry_after(response, verdict)
            if self.send_request(request, form):
                limits.record(limits.CONTACT, limits.client_key(request))
                return redirect(self.get_url(request) + self.reverse_subpage("thanks"))
            form.add_error(
                None,
                _("Sorry, your request could not be sent. Please try again later or ring us."),
            )
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context)

    @path("thanks/", name="thanks")
    def thanks_view(self, request):
        return TemplateResponse(
            request, "pages/contact_page_thanks.html", self.get_context(request)
        )

    def send_request(self, request, form):
        from core.models.settings import CouncilSettings

        council = CouncilSettings.for_request(request)
        if not council.email:
            logger.error("Contact form: no council email address is set in Council details")
            return False
        message = EmailMessage(
            subject=form.email_subject(),
            body=form.email_body(),
            to=[council.email],
            reply_to=[form.cleaned_data["email"]] if form.cleaned_data.get("email") else None,
        )
        return mail.queue(message, "contact request")


def add_first_pictures(pages):
    """Each page's first Easy Read picture as ``page.easy_read_picture`` (or
    None): one query for them all, where reading each page's rows would make
    one a page."""
    from wagtail.images import get_image_model

    wanted = {}
    for page in pages:
        rows = page.easy_read.raw_data
        first = rows[0] if len(rows) else None
        if first and first.get("type") == "row":
            wanted[page.pk] = (first.get("value") or {}).get("picture")
    images = get_image_model().objects.in_bulk([pk for pk in wanted.values() if pk])
    for page in pages:
        page.easy_read_picture = images.get(wanted.get(page.pk))


class EasyReadIndexPage(BasePage):
    """Lists every page on the site that has an Easy Read version."""

    introduction = models.TextField(
        blank=True, help_text="One or two short sentences, in Easy Read style."
    )

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "pages/easy_read_index_page.html"
    search_label = gettext_lazy("Easy Read pages")

    class Meta:
        verbose_name = "Easy Read index"

    def easy_read_pages(self, request=None):
        """Live pages of this page's own site (the tree of its home page: an
        installation may serve several councils) that have an Easy Read
        version, in site order: the English site's, each in the resident's
        language where it is translated and in English (marked so) where not
        (core.links). One query per page type that can have one, and one for
        the translations."""
        from wagtail.models import get_page_models

        from core.easy_read import EasyReadMixin
        from core.links import localize
        from core.locales import default_locale

        home = self.get_parent()
        english_home = home.get_translation_or_none(default_locale()) or home
        found = []
        for model in get_page_models():
            if not issubclass(model, EasyReadMixin) or model._meta.abstract:
                continue
            pages = (
                model.objects.live()
                .public()
                .filter(locale=default_locale())
                .descendant_of(english_home, inclusive=True)
            )
            found.extend(pages.exact_type(model))
        shown = []
        for page in localize(sorted(found, key=lambda page: page.path), request, specific=True):
            if page.has_easy_read:
                page.local_easy_read_url = page.local_link.url + page.reverse_subpage("easy_read")
                shown.append(page)
        add_first_pictures(shown)
        return shown

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Looked up when the template reads it (the page is kept).
        context["easy_read_pages"] = SimpleLazyObject(lambda: self.easy_read_pages(request))
        return context
