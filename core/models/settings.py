import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin

from core.chrome_cache import remembered
from core.colours import validate_brand_colour
from core.locales import active_locale, all_locales, default_locale

DEFAULT_COUNCIL_NAME = "County Council"

# Answers to the area question are stored as a district's code. These are the
# answers that are not a district, so no district may take their codes.
NOT_A_DISTRICT = {"elsewhere", "prefer_not_to_say", "other"}
# The same shape as the survey's keys and option codes.
DISTRICT_CODE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")


def parse_districts(text):
    """The districts written one a line, as (code, name) pairs in their order.

    A line is the district's name, and its code is made from the name
    ("North West Leicestershire" is ``north_west_leicestershire``), or the name,
    a bar and the code ("Hinckley and Bosworth | hinckley_bosworth"), which
    keeps the code that answers are stored under when the name changes."""
    pairs = []
    for line in (text or "").splitlines():
        name, _bar, code = line.partition("|")
        name, code = name.strip(), code.strip()
        if not name:
            continue
        pairs.append((code or slugify(name).replace("-", "_"), name))
    return pairs


def validate_districts(text):
    problems = []
    seen = set()
    for code, name in parse_districts(text):
        if not DISTRICT_CODE.match(code):
            problems.append(
                f"'{name}' needs a code after a bar: small letters, digits and underscores, "
                f"starting with a letter, for example '{name} | north'."
            )
        elif code in NOT_A_DISTRICT:
            problems.append(f"The code '{code}' is kept for an answer that is not a district.")
        elif code in seen:
            problems.append(f"Two districts have the code '{code}': give each its own.")
        seen.add(code)
    if problems:
        raise ValidationError(problems)


class CouncilTexts(TranslatableMixin, models.Model):
    """The council's own words that residents read on every page, in each
    language: its name (header, footer, page titles, emails) and when its phone
    line is answered (footer, "other ways to respond").

    A translatable snippet, as Wagtail and wagtail-localize translate anything
    that is not a page: "Translate" in the snippets list makes the Polish (or
    Urdu...) copy, translated in the same editor, PO files and "Sync translated
    snippets" as pages, and flagged when the English changes after it was last
    synced. Settings themselves cannot be translated (there is one per site,
    not per language), so "Council details" points at the English copy and each
    page shows the copy in its own language, or the English where there is
    none yet."""

    council_name = models.CharField(
        max_length=120,
        default=DEFAULT_COUNCIL_NAME,
        help_text="The council's name as residents know it, for example "
        "'Leicestershire County Council'. Shown in the header of every page.",
    )
    opening_hours = models.CharField(
        max_length=120,
        blank=True,
        help_text="When the phone line is answered, for example 'Monday to Friday, 8.30am to 5pm'.",
    )
    # When the English words last changed (translations older than this are
    # out of date): not translated, not shown.
    updated_at = models.DateTimeField(auto_now=True)

    panels = [FieldPanel("council_name"), FieldPanel("opening_hours")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = "council's name and opening hours"
        verbose_name_plural = "council's name and opening hours"

    def __str__(self):
        return self.council_name

    @property
    def language_code(self):
        from core.locales import language_of

        return language_of(self.locale_id)


def _texts_property(name):
    def get(self):
        texts = self.local_texts()
        if texts is None:
            return CouncilTexts._meta.get_field(name).get_default()
        return getattr(texts, name)

    def set_(self, value):
        setattr(self.source_texts(create=True), name, value)
        self._texts_changed = True

    return property(
        get, set_, doc=f"The council's {name.replace('_', ' ')}, in the active language."
    )


def all_languages():
    """Every language the installation has, in its order: a new council's default."""
    return [code for code, _name in settings.LANGUAGES]


class LanguagesField(forms.MultipleChoiceField):
    """The languages a council offers, as boxes to tick; English always."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.pop("max_length", None)
        kwargs.pop("encoder", None)
        kwargs.pop("decoder", None)
        super().__init__(choices=settings.LANGUAGES, **kwargs)

    def prepare_value(self, value):
        return value if isinstance(value, list | tuple) else []

    def clean(self, value):
        chosen = set(super().clean(value)) | {settings.LANGUAGE_CODE}
        return [code for code, _name in settings.LANGUAGES if code in chosen]


class CouncilSettingsForm(WagtailAdminModelForm):
    languages = LanguagesField(
        required=False,
        label="Languages",
        help_text="The languages this council offers residents. English is always offered. "
        "The language switcher, the alternate-language links and the sitemap show only "
        "these, and addresses in another language are not found on this site.",
    )


@register_setting(icon="site")
class CouncilSettings(BaseSiteSetting):
    """Who runs this site: the council's name, logo and contact details.

    Shown in the header and footer of every page, in the "help in your
    language" line, and used as the address for alternative-format requests.
    The name and opening hours are words residents read in their language: they
    are a translatable snippet (CouncilTexts), read here as ``council_name``
    and ``opening_hours`` in the active language.
    """

    texts = models.ForeignKey(
        CouncilTexts,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="name and opening hours",
        help_text="The council's name and phone opening hours, in English. Edit and translate "
        'them under Snippets, "Council\'s name and opening hours" (Translate, then Sync '
        "translated snippets when the English changes). Made for you when you first save.",
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
        blank=True,
        help_text="Where residents can send letters and paper responses. Written as Royal "
        "Mail delivers it, so it is the same in every language.",
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
    footer_links = StreamField(
        [("page", blocks.PageChooserBlock(label="Page"))],
        blank=True,
        help_text="More pages linked from the footer of every page, after the four above, "
        "each under its own title in the resident's language.",
    )

    languages = models.JSONField(
        default=all_languages,
        help_text="The languages this council offers residents (English always).",
    )
    districts = models.TextField(
        blank=True,
        validators=[validate_districts],
        help_text="The council's districts (or boroughs), one a line, in the order residents "
        "should see them: the choices of the survey's area question, the officers' area "
        "filter, the case-study filter and the areas a consultation covers. Answers are kept "
        "under a code made from the name (Hinckley and Bosworth: hinckley_and_bosworth); to "
        "rename a district that has answers, keep its code after a bar: "
        "'Hinckley & Bosworth | hinckley_and_bosworth'.",
    )
    brand_colour = models.CharField(
        max_length=7,
        blank=True,
        validators=[validate_brand_colour],
        help_text="The council's colour, as # and six hexadecimal digits (for example "
        "#1d70b8), drawn as the stripe under the header. It must have a contrast ratio of "
        "at least 3:1 (WCAG 2.2, non-text contrast and focus appearance) against both the "
        "text colour #0b0c0c and the yellow focus colour #ffdd00. Leave empty for GOV.UK "
        "blue.",
    )

    base_form_class = CouncilSettingsForm

    panels = [
        MultiFieldPanel(
            [
                HelpPanel(
                    content="<p>The council's name and opening hours are translated like "
                    "pages: edit them under <strong>Snippets → Council's name and opening "
                    "hours</strong>.</p>"
                ),
                FieldPanel("texts"),
                FieldPanel("logo"),
            ],
            heading="The council",
        ),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email"), FieldPanel("postal_address")],
            heading="Contact details",
        ),
        MultiFieldPanel(
            [
                FieldPanel("accessibility_page"),
                FieldPanel("privacy_page"),
                FieldPanel("cookies_page"),
                FieldPanel("contact_page"),
                FieldPanel("footer_links"),
            ],
            heading="Footer links",
        ),
        MultiFieldPanel(
            [FieldPanel("languages"), FieldPanel("districts"), FieldPanel("brand_colour")],
            heading="Languages, districts and colour",
        ),
    ]

    class Meta:
        verbose_name = "Council details"

    council_name = _texts_property("council_name")
    opening_hours = _texts_property("opening_hours")

    def __str__(self):
        return self.source_texts().council_name if self.texts_id else DEFAULT_COUNCIL_NAME

    @classmethod
    def for_site(cls, site):
        """The Site's details with their words in every language, kept in
        Django's cache until anything changes (core/chrome_cache.py)."""
        if site is None:
            return super().for_site(site)
        return remembered("council", lambda: cls._with_every_language(site), site.pk)

    @classmethod
    def _with_every_language(cls, site):
        council = super().for_site(site)
        # Kept with them: the logo every page's header shows.
        council.logo  # noqa: B018
        source = council.source_texts()
        if source is not None:
            translations = {
                texts.locale_id: texts
                for texts in CouncilTexts.objects.filter(translation_key=source.translation_key)
            }
            council.__dict__["_local_texts"] = {
                locale.pk: translations.get(locale.pk, source) for locale in all_locales().values()
            }
        return council

    def source_texts(self, create=False):
        """The English words (made, unsaved, when asked to and there are none)."""
        if self.texts_id is not None:
            return self.texts
        if create and getattr(self, "_new_texts", None) is None:
            self._new_texts = CouncilTexts(locale=default_locale())
        return getattr(self, "_new_texts", None)

    def local_texts(self):
        """The council's words in the active language, or the English until they
        are translated (one query per language, kept for the request)."""
        source = self.source_texts()
        if source is None:
            return None
        locale = active_locale()
        cache = self.__dict__.setdefault("_local_texts", {})
        if locale.pk not in cache:
            if source.locale_id == locale.pk:
                cache[locale.pk] = source
            else:
                cache[locale.pk] = source.get_translation_or_none(locale) or source
        return cache[locale.pk]

    def save(self, *args, **kwargs):
        """Saves the English words too when they were set here, and makes them
        the first time the details are saved."""
        texts = self.source_texts(create=True)
        if texts.pk is None or getattr(self, "_texts_changed", False):
            texts.save()
            self.texts = texts
        self._new_texts = None
        self._texts_changed = False
        self.__dict__.pop("_local_texts", None)
        super().save(*args, **kwargs)

    @property
    def offered_languages(self):
        """The language codes this council offers, in the installation's order,
        English always first."""
        chosen = set(self.languages or []) | {settings.LANGUAGE_CODE}
        return [code for code in all_languages() if code in chosen]

    @property
    def district_list(self):
        """The districts' names, in the council's order."""
        return [name for _code, name in self.district_choices]

    @property
    def district_choices(self):
        """The districts as (code, name) pairs, in the council's order."""
        return parse_districts(self.districts)

    @property
    def phone_href(self):
        return "tel:" + "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")


def council_settings(site_or_request):
    """The Council details of a Site, or of the Site a request is for (kept
    for the request)."""
    if hasattr(site_or_request, "META"):
        return CouncilSettings.for_request(site_or_request)
    return CouncilSettings.for_site(site_or_request)


def districts_for(site_or_request):
    """The council's districts in its own order: a Site's, or a request's Site's."""
    return council_settings(site_or_request).district_list


def district_choices_for(site_or_request):
    """The council's districts as (code, name) pairs: a Site's, or a request's Site's."""
    return council_settings(site_or_request).district_choices


def district_choices_of_page(page):
    """The districts of the council a page (in any language) belongs to, as
    (code, name) pairs; the default Site's for a page outside every Site.
    Wagtail keeps the Sites' root paths in its cache, and the list is kept in
    Django's cache until anything changes (core/chrome_cache.py)."""
    parts = page.get_url_parts()
    where = {"site_id": parts[0]} if parts is not None else {"site__is_default_site": True}
    text = remembered(
        "districts",
        lambda: CouncilSettings.objects.filter(**where).values_list("districts", flat=True).first(),
        where.get("site_id", "default"),
    )
    return parse_districts(text)


def languages_for(site_or_request):
    """The language codes the council offers: a Site's, or a request's Site's."""
    return council_settings(site_or_request).offered_languages
