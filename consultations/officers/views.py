"""The officers' side of consultations in the Wagtail admin: the summary of
responses with charts and filters, the free-text answers and their themes,
single responses and their deletion, and the exports.

Who sees what is ``response_permission_policy`` (``officers.permissions``):
every view asks it for its ``permission`` (an action: "view_answers", or
"delete" for deleting a response); the equality answers need "view_equality".
Anyone else, editors who build the surveys included, gets a 403 from every URL.

Which consultations and responses are theirs is ``officers.councils``: only
their own councils' (or named consultations'), with "not found" for any other.
"""

import re

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from core.validators import whole_number

from ..models.pages import ConsultationPage
from ..models.responses import Answer, Response, Theme
from ..models.settings import ConsultationSettings
from ..survey import definitions as d
from ..survey.types import registry
from . import exports
from .councils import may, visible_consultations, visible_log_entries, visible_responses
from .log_actions import (
    DELETE_RESPONSE,
    EXPORT_EQUALITY,
    EXPORT_RESPONSE,
    EXPORT_RESPONSES,
    describe,
    record,
)
from .permissions import response_permission_policy
from .results import (
    FLAGGED,
    ResponseFilterForm,
    Summary,
    responses_to,
    source_page,
    summary_rows,
)

PER_PAGE = 25


def language_names():
    from django.conf import settings

    return dict(settings.LANGUAGES)


class OfficerView(WagtailAdminTemplateMixin, TemplateView):
    permission_policy = response_permission_policy
    permission = "view_answers"  # the policy's action this view needs
    header_icon = "form"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated or not self.user_can(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def user_can(self, action):
        return self.permission_policy.user_has_permission(self.request.user, action)

    def user_may(self, action, consultation_key):
        """The action on the responses to one consultation (of the user's councils)."""
        return may(self.request.user, action, consultation_key)

    @property
    def sees_equality(self):
        return self.user_may("view_equality", self.consultation_key)

    @property
    def consultation_key(self):
        return None

    def index_crumb(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("consultation_responses:index"), "label": "Consultation responses"},
        ]


class ConsultationMixin:
    """Views of one consultation, addressed by the id of any of its translations."""

    @cached_property
    def page(self):
        page = get_object_or_404(
            visible_consultations(self.request.user, self.permission), pk=self.kwargs["page_id"]
        )
        return source_page(page)

    @property
    def consultation_key(self):
        return self.page.translation_key

    @cached_property
    def filters(self):
        return ResponseFilterForm(
            self.request.GET if self.request.GET else None, districts=self.page.council_districts
        )

    @cached_property
    def responses(self):
        return self.filters.apply(responses_to(self.page))

    @property
    def threshold(self):
        # The rules of the council the consultation belongs to.
        site = self.page.get_site()
        if site is None:
            return ConsultationSettings.for_request(self.request).small_number_threshold
        return ConsultationSettings.for_site(site).small_number_threshold

    def summary(self):
        """The figures of the filtered responses, withheld where the filters
        single out a few responses (``ResponseFilterForm.leaves_out_few``)."""
        threshold = self.threshold
        return Summary(
            self.page,
            self.responses,
            threshold=threshold,
            equality=self.sees_equality,
            withheld=self.filters.leaves_out_few(responses_to(self.page), threshold),
        )

    def get_page_subtitle(self):
        return self.page.title

    def consultation_crumbs(self):
        return [
            *self.index_crumb(),
            {
                "url": reverse("consultation_responses:summary", args=[self.page.pk]),
                "label": self.page.title,
            },
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        querystring = self.filters.querystring()
        context.update(
            consultation=self.page,
            filters=self.filters,
            applied_filters=self.filters.described(),
            querystring=querystring,
            suffix=f"?{querystring}" if querystring else "",
        )
        return context


# Every consultation ---------------------------------------------------------------


class ResponsesIndexView(OfficerView):
    template_name = "consultations/admin/index.html"
    page_title = "Consultation responses"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = (
            Response.objects.filter(consultation_key=OuterRef("translation_key"))
            .order_by()
            .values("consultation_key")
            .annotate(n=Count("id"))
            .values("n")
        )
        pages = (
            visible_consultations(self.request.user)
            .filter(locale=Locale.get_default())
            .defer_streamfields()
            .annotate(responses=Coalesce(Subquery(counts), 0))
            .order_by("-closes_at")
        )
        context["consultations"] = pages
        context["find"] = FindResponseForm()
        return context


class FindResponseForm(forms.Form):
    reference = forms.CharField(
        label="Find a response by its reference",
        help_text="As the resident was given it, for example HYS-AB12-CD34",
        max_length=40,
        error_messages={"required": "Enter the response's reference"},
    )

    def clean_reference(self):
        """The reference as stored: upper case, spaces and dashes in any place."""
        typed = re.sub(r"[\s\-‐-―]", "", self.cleaned_data["reference"]).upper()
        if typed.startswith("HYS"):
            typed = typed[3:]
        if not re.fullmatch(r"[0-9A-Z]{8}", typed):
            raise forms.ValidationError(
                "Enter a reference like HYS-AB12-CD34: the letters HYS and 8 letters or numbers"
            )
        return f"HYS-{typed[:4]}-{typed[4:]}"


class FindResponseView(ResponsesIndexView):
    """A response by its reference, when a resident asks to see or delete theirs."""

    def get(self, request, *args, **kwargs):
        form = FindResponseForm(request.GET)
        if form.is_valid():
            found = (
                visible_responses(request.user)
                .filter(reference=form.cleaned_data["reference"])
                .first()
            )
            if found:
                return redirect("consultation_responses:response", found.pk)
            form.add_error(
                "reference",
                f"No response has the reference {form.cleaned_data['reference']}: it may "
                "have been deleted, or the reference was mistyped",
            )
        context = self.get_context_data(**kwargs)
        context["find"] = form
        return self.render_to_response(context)


# One consultation -----------------------------------------------------------------


class SummaryView(ConsultationMixin, OfficerView):
    template_name = "consultations/admin/summary.html"
    page_title = "Responses"

    def get_breadcrumbs_items(self):
        return [*self.index_crumb(), {"url": "", "label": self.page.title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        summary = self.summary()
        context.update(
            summary=summary,
            total=summary.total,
            daily=summary.daily(),
            questions=summary.questions(),
            about_you=summary.about_you(),
            equality=summary.equality(),
            # Officers without equality rights see only this total.
            equality_total=None if self.sees_equality else summary.equality_total(),
            sees_equality=self.sees_equality,
            threshold=self.threshold,
            can_delete=self.user_may("delete", self.consultation_key),
        )
        return context


class ResponseListView(ConsultationMixin, OfficerView):
    template_name = "consultations/admin/response_list.html"
    page_title = "Every response"

    def get_breadcrumbs_items(self):
        return [*self.consultation_crumbs(), {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        paginator = Paginator(self.responses.order_by("-submitted_at", "-pk"), PER_PAGE)
        page = paginator.get_page(self.request.GET.get("p"))
        languages = language_names()
        respondent_types = dict(d.RESPONDENT_TYPES)
        districts = d.district_labels(self.page.council_districts)
        for response in page:
            response.language_name = languages.get(response.language, response.language)
            response.respondent_type_label = respondent_types.get(response.respondent_type, "")
            response.district_label = districts.get(response.district, response.district)
        flagged = self.responses.filter(FLAGGED)
        context.update(responses=page, paginator=paginator, flagged_count=flagged.count())
        return context


class TextAnswersView(ConsultationMixin, OfficerView):
    """The free-text answers to one question (or the 'other, please specify'
    texts of a choice question), paged and searchable, with the question's
    themes to tag them with."""

    template_name = "consultations/admin/text_answers.html"
    page_title = "Free-text answers"

    @cached_property
    def question(self):
        question = self.page.survey_definition.question(self.kwargs["question_key"])
        if question is None or not (registry.type_of(question).free_text or question.allow_other):
            raise Http404("No free-text question with that key")
        return question

    def get_breadcrumbs_items(self):
        return [*self.consultation_crumbs(), {"url": "", "label": self.page_title}]

    @cached_property
    def themes(self):
        return list(
            Theme.objects.filter(
                consultation_key=self.page.translation_key, question_key=self.question.key
            )
        )

    def answers(self):
        answers = Answer.objects.filter(
            response__in=self.responses, question_key=self.question.key
        ).exclude(text="")
        if not registry.type_of(self.question).free_text:
            answers = answers.filter(option_code=d.OTHER_CODE)
        search = self.request.GET.get("q", "").strip()[:200]
        if search:
            answers = answers.filter(text__icontains=search)
        theme = self.request.GET.get("theme", "")
        if theme == "none":
            answers = answers.filter(themes__isnull=True)
        elif (theme_id := whole_number(theme)) is not None:
            answers = answers.filter(themes__pk=theme_id)
        return (
            answers.select_related("response")
            .prefetch_related("themes")
            .order_by("-response__submitted_at", "-pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        paginator = Paginator(self.answers(), PER_PAGE)
        page = paginator.get_page(self.request.GET.get("p"))
        theme_counts = dict(
            Theme.objects.filter(pk__in=[t.pk for t in self.themes])
            .annotate(n=Count("answers"))
            .values_list("pk", "n")
        )
        languages = language_names()
        for answer in page:
            answer.theme_ids = {theme.pk for theme in answer.themes.all()}
            answer.language_name = languages.get(answer.response.language, answer.response.language)
        keep = {name: self.request.GET.get(name, "") for name in ("q", "theme")}
        base = self.request.GET.copy()
        base.pop("p", None)
        context.update(
            question=self.question,
            free_text=registry.type_of(self.question).free_text,
            answers=page,
            paginator=paginator,
            themes=[(theme, theme_counts.get(theme.pk, 0)) for theme in self.themes],
            search=keep["q"],
            selected_theme=keep["theme"],
            keep=keep,
            filter_values={name: str(value) for name, value in self.filters.values.items()},
            base_querystring=base.urlencode(),
        )
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        if action == "add_theme":
            name = " ".join(request.POST.get("name", "").split())[:100]
            if not name:
                messages.error(request, "Give the new theme a name.")
            elif not name.isprintable():
                messages.error(
                    request, "A theme's name can have letters, numbers and punctuation only."
                )
            else:
                try:
                    with transaction.atomic():
                        Theme.objects.create(
                            consultation_key=self.page.translation_key,
                            question_key=self.question.key,
                            name=name,
                        )
                    messages.success(request, f"Theme '{name}' added.")
                except IntegrityError:
                    messages.error(request, f"There is already a theme called '{name}'.")
        elif action == "delete_theme":
            theme = next((t for t in self.themes if str(t.pk) == request.POST.get("theme")), None)
            if theme is not None:
                theme.delete()
                messages.success(request, f"Theme '{theme.name}' deleted.")
        elif action == "tag":
            self.save_tags(request)
            messages.success(request, "Themes saved.")
        url = request.path
        if request.GET:
            url += "?" + request.GET.urlencode()
        return redirect(url)

    def save_tags(self, request):
        allowed = {theme.pk: theme for theme in self.themes}
        ids = [whole_number(pk) for pk in request.POST.getlist("answer")]
        answers = Answer.objects.filter(
            pk__in=[pk for pk in ids if pk is not None],
            question_key=self.question.key,
            response__consultation_key=self.page.translation_key,
        )
        for answer in answers:
            chosen = {
                whole_number(pk) for pk in request.POST.getlist(f"themes-{answer.pk}")
            } & allowed.keys()
            answer.themes.set([allowed[pk] for pk in chosen])


# One response ---------------------------------------------------------------------


class ResponseMixin:
    @cached_property
    def response(self):
        return get_object_or_404(
            visible_responses(self.request.user, self.permission), pk=self.kwargs["response_id"]
        )

    @property
    def consultation_key(self):
        return self.response.consultation_key

    @cached_property
    def page(self):
        page = ConsultationPage.objects.filter(
            translation_key=self.response.consultation_key
        ).first()
        return source_page(page) if page else None

    def get_breadcrumbs_items(self):
        crumbs = self.index_crumb()
        if self.page:
            crumbs.append(
                {
                    "url": reverse("consultation_responses:summary", args=[self.page.pk]),
                    "label": self.page.title,
                }
            )
        return [*crumbs, {"url": "", "label": self.response.reference}]

    def get_page_subtitle(self):
        return self.response.reference


class ResponseDetailView(ResponseMixin, OfficerView):
    template_name = "consultations/admin/response_detail.html"
    page_title = "Response"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        response = self.response
        answers = list(response.answers.prefetch_related("themes"))
        survey = self.page.survey_definition if self.page else d.Survey([])
        sections = []
        for section in survey.sections:
            if section.kind != "main":
                continue
            rows = []
            for question in section.questions:
                mine = [a for a in answers if a.question_key == question.key]
                if mine:
                    rows.append((question, describe_answers(question, mine)))
            if rows:
                sections.append((section, rows))
        equality = []
        if self.sees_equality:
            questions = {q.key: q for q in d.equality_section().questions}
            for answer in response.equality_answers.all():
                question = questions.get(answer.question_key)
                if question:
                    equality.append((question, question.option_label(answer.option_code)))
        context.update(
            r=response,
            sections=sections,
            equality=equality,
            sees_equality=self.sees_equality,
            language=language_names().get(response.language, response.language),
            respondent_type=dict(d.RESPONDENT_TYPES).get(response.respondent_type, ""),
            district=d.district_labels(self.page.council_districts if self.page else ()).get(
                response.district, response.district
            ),
            can_delete=self.user_may("delete", self.consultation_key),
        )
        return context


class ResponseDocumentView(ResponseDetailView):
    """One response as a document of its own that prints cleanly (for a
    resident's subject access request): the same content as the response's
    page, without the admin around it. It is an export: the officers' log
    records who made it and the reference."""

    template_name = "consultations/admin/response_document.html"

    def get(self, request, *args, **kwargs):
        record(request.user, EXPORT_RESPONSE, self.page, {"reference": self.response.reference})
        return super().get(request, *args, **kwargs)


def describe_answers(question, answers):
    """A stored answer in words, as the resident read it on check your
    answers: (text, themes) lines. Themes are tagged on written text, which is
    the last line (a choice's "other" text comes after its options)."""
    kind = registry.type_of(question)
    value, other_text = kind.from_rows(question, answers)
    lines = [[text, []] for text in kind.words(question, value, other_text)]
    themes = [theme.name for answer in answers for theme in answer.themes.all()]
    if lines:
        lines[-1][1] = themes
    return [tuple(line) for line in lines]


class ResponseDeleteView(ResponseMixin, OfficerView):
    """Deleting a response at a resident's request. The audit log records who
    did it and the reference, never the answers."""

    permission = "delete"
    template_name = "consultations/admin/response_delete.html"
    page_title = "Delete response"

    def post(self, request, *args, **kwargs):
        response = self.response
        reference = response.reference
        page = self.page
        with transaction.atomic():
            record(request.user, DELETE_RESPONSE, page, {"reference": reference})
            response.delete()
        messages.success(request, f"Response {reference} deleted.")
        if page:
            return redirect("consultation_responses:list", page.pk)
        return redirect("consultation_responses:index")


# Exports -------------------------------------------------------------------------


class ExportView(ConsultationMixin, OfficerView):
    """The responses, one row each. Never with equality answers, even for
    those who may see them: those are a file of their own
    (``EqualityExportView``), so that no file holds them beside an email
    address, a postcode or free text."""

    def get(self, request, *args, **kwargs):
        file_format = kwargs["file_format"]
        if file_format not in {"csv", "xlsx"}:
            raise Http404("Exports are CSV or Excel")
        columns = exports.survey_columns(self.page.survey_definition)
        stamp = slugify(self.page.title)[:60] or "responses"
        record(
            request.user,
            EXPORT_RESPONSES,
            self.page,
            {
                "format": file_format,
                "filters": self.filters.described(),
                "equality": False,
                "responses": self.responses.count(),
            },
        )
        if file_format == "csv":
            return exports.csv_response(exports.rows(self.responses, columns), stamp)
        return exports.xlsx_response(self.responses, columns, stamp)


class EqualityExportView(ConsultationMixin, OfficerView):
    """The equality answers alone, for the "Equality data" group: no
    reference, time, email address, postcode, area or any other answer, and
    the rows in a random order, so that the file cannot be matched row by row
    with the export of responses (``exports.equality_rows``)."""

    def get(self, request, *args, **kwargs):
        if not self.sees_equality:
            raise PermissionDenied
        record(
            request.user,
            EXPORT_EQUALITY,
            self.page,
            {
                "format": "csv",
                "filters": self.filters.described(),
                "equality": True,
                "responses": self.responses.count(),
            },
        )
        stamp = (slugify(self.page.title)[:50] or "consultation") + "-equality"
        return exports.csv_response(exports.equality_rows(self.responses), stamp)


class SummaryExportView(ConsultationMixin, OfficerView):
    """The summary's figures as CSV: aggregate figures only, small numbers
    hidden and the rest rounded as on the page."""

    def get(self, request, *args, **kwargs):
        summary = self.summary()
        record(
            request.user,
            EXPORT_RESPONSES,
            self.page,
            {
                "format": "summary csv",
                "filters": self.filters.described(),
                "equality": self.sees_equality,
                "responses": summary.total,
            },
        )
        stamp = (slugify(self.page.title)[:50] or "consultation") + "-figures"
        return exports.csv_response(summary_rows(summary), stamp)


# The officers' audit log ----------------------------------------------------------


class AuditLogView(OfficerView):
    """Who exported or deleted responses, when, and with which filters: the
    officers' own log (``OfficerLogEntry``), which editors never see."""

    template_name = "consultations/admin/audit_log.html"
    page_title = "Officers' audit log"
    header_icon = "history"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        entries = visible_log_entries(self.request.user).select_related("page")
        paginator = Paginator(entries, 50)
        page = paginator.get_page(self.request.GET.get("p"))
        for entry in page:
            entry.message = describe(entry)
        context.update(entries=page, paginator=paginator)
        return context
