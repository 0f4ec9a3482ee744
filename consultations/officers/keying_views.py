"""Keying in paper, phone, email and event responses (``consultations.keying``):
the consultations open for keying, and the form that starts one."""

import re

from django import forms
from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, translate_url
from django.utils.functional import cached_property
from wagtail.models import Locale

from .. import keying
from ..models.responses import CHANNEL_ONLINE, CHANNELS, VERSION_EASY_READ, VERSIONS, Response
from .councils import visible_consultations
from .views import OfficerView

SERIAL = re.compile(r"[A-Za-z0-9][A-Za-z0-9 /._-]{0,39}")


def keyable(user):
    """The consultations of the user's councils with a survey, in the site's
    default language, newest first."""
    return [
        page
        for page in visible_consultations(user, "key_in")
        .live()
        .filter(locale=Locale.get_default())
        .order_by("-closes_at")
        if page.has_survey
    ]


class KeyInIndexView(OfficerView):
    permission = "key_in"
    template_name = "consultations/admin/key_in_index.html"
    page_title = "Key in responses"
    header_icon = "edit"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "consultations": keyable(self.request.user)}


def single_line(value):
    if re.search(r"[\x00-\x1f\x7f]", value):
        raise forms.ValidationError("Use letters, numbers, spaces and - / . _ only")
    return value


class KeyInForm(forms.Form):
    channel = forms.ChoiceField(
        label="How the response came",
        choices=[choice for choice in CHANNELS if choice[0] != CHANNEL_ONLINE],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how the response came"},
    )
    language = forms.ChoiceField(
        label="Language of the form", help_text="The language the resident answered in"
    )
    version = forms.ChoiceField(label="Version", choices=VERSIONS, widget=forms.RadioSelect)
    batch = forms.CharField(
        label="Batch (optional)",
        required=False,
        max_length=40,
        validators=[single_line],
        help_text="For example the drop-in or library the forms came from, or the date",
    )
    serial = forms.CharField(
        label="Serial number",
        required=False,
        max_length=40,
        help_text="Written or stamped on the paper form. Needed for paper forms; "
        "one response per serial number",
    )

    def __init__(self, *args, page, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        self.fields["language"].choices = settings.LANGUAGES
        if not page.has_easy_read_survey:
            self.fields["version"].choices = [VERSIONS[0]]
        self.initial.setdefault("version", VERSIONS[0][0])

    def clean_serial(self):
        serial = self.cleaned_data["serial"].strip()
        if serial and not SERIAL.fullmatch(serial):
            raise forms.ValidationError(
                "Use up to 40 letters, numbers, spaces and - / . _ for the serial number"
            )
        return serial

    def clean(self):
        cleaned = super().clean()
        serial = cleaned.get("serial")
        if cleaned.get("channel") == "paper" and not serial and "serial" not in self.errors:
            self.add_error("serial", "Enter the serial number written on the paper form")
        keyed = keying.already_keyed(self.page, serial)
        if keyed:
            self.add_error(
                "serial",
                f"Serial number {serial} was keyed in already, as response {keyed.reference}",
            )
        return cleaned


class KeyInView(OfficerView):
    """Start keying one response: how it came, its language and version; then
    the survey opens in that language and version."""

    permission = "key_in"
    template_name = "consultations/admin/key_in.html"
    page_title = "Key in a response"
    header_icon = "edit"

    @cached_property
    def page(self):
        page = get_object_or_404(
            visible_consultations(self.request.user, "key_in"), pk=self.kwargs["page_id"]
        )
        if not page.has_survey:
            raise Http404("This consultation has no survey")
        return page

    def get_page_subtitle(self):
        return self.page.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("consultation_responses:key_in_index"), "label": "Key in responses"},
            {"url": "", "label": self.page.title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", KeyInForm(page=self.page))
        context["page"] = self.page
        context["keyed_count"] = self.page_responses().exclude(channel=CHANNEL_ONLINE).count()
        return context

    def page_responses(self):
        return Response.objects.filter(consultation_key=self.page.translation_key)

    def post(self, request, *args, **kwargs):
        form = KeyInForm(request.POST, page=self.page)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        data = form.cleaned_data
        easy_read = data["version"] == VERSION_EASY_READ
        keying.start(
            request,
            self.page,
            data["channel"],
            data["language"],
            easy_read,
            batch=data["batch"],
            serial=data["serial"],
        )
        return redirect(survey_in_language(self.page, data["language"], easy_read, request))


def survey_in_language(page, language, easy_read, request):
    """The survey's start in that language: the consultation's translation
    where there is one, else the same page under the language's prefix."""
    translated = (
        page.get_translations(inclusive=True).live().filter(locale__language_code=language).first()
    )
    if translated is not None:
        url = translated.specific.get_url(request)
    else:
        url = translate_url(page.get_url(request), language)
    name = "easy_read_survey_start" if easy_read else "survey_start"
    return url + page.reverse_subpage(name)
