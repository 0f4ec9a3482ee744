"""The resident's journey through a consultation's survey, as routes of the
consultation page:

- ``survey/`` start page;
- ``survey/<section>/`` one section per page;
- ``survey/check/`` check your answers, and send;
- ``survey/confirmation/`` the reference number;
- ``survey/save/`` save and come back later (an emailed link);
- ``survey/resume/<token>/`` the emailed link.

The Easy Read survey has the same steps under ``easy-read/survey/`` (start,
sections, check, confirmation; not save and return). It is the same survey with
its Easy Read wording (``survey_from_stream(..., easy_read=True)``): the same
forms, journey rules and storage, its own progress in the session, its own
templates, and responses stored with the version "easy_read".

Every step checks that the consultation is open at that moment, and none is
ever cached.
"""

import logging
import secrets
from functools import cached_property

from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.core.validators import validate_email
from django.http import Http404
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.contrib.routable_page.models import path

from .survey.forms import answer_lines, field_id
from .survey.journey import Journey
from .survey.storage import store_response
from .survey.structure import survey_from_stream
from .survey.types import registry

logger = logging.getLogger(__name__)

BAD_EMAIL = gettext_lazy("Enter an email address in the correct format, like name@example.com")

TEMPLATES = "pages/survey/"
EASY_READ = "easy_read_"  # the Easy Read routes' and templates' names begin so


def no_cache(response):
    add_never_cache_headers(response)
    return response


class SurveyRoutesMixin:
    """Routes of ConsultationPage; kept apart so the model file stays readable."""

    # The Easy Read consultation page offers the Easy Read survey.
    easy_read_template = "pages/consultation_easy_read_page.html"

    # Helpers ------------------------------------------------------------------

    def survey_url(self, name="survey_start", *args, request=None, easy_read=False):
        if easy_read:
            name = EASY_READ + name
        return self.get_url(request) + self.reverse_subpage(name, args=args)

    def section_url(self, section, request=None, easy_read=False):
        return self.survey_url("survey_section", section.key, request=request, easy_read=easy_read)

    def journey(self, request, easy_read=False):
        survey = self.easy_read_survey_definition if easy_read else self.survey_definition
        return Journey(request.session, str(self.translation_key), survey, easy_read=easy_read)

    @cached_property
    def easy_read_survey_definition(self):
        """The same survey in its Easy Read words (the standard words where staff
        gave none), with the same keys, codes and conditions."""
        return survey_from_stream(
            self.survey,
            about_you=self.ask_about_you,
            equality=self.ask_equality,
            easy_read=True,
        )

    @property
    def has_easy_read_survey(self):
        """A consultation with a survey and an Easy Read version offers its
        survey in Easy Read, from its Easy Read page."""
        return self.has_survey and self.has_easy_read

    @property
    def easy_read_survey_url(self):
        return self.survey_url(easy_read=True)

    def survey_context(self, request, **extra):
        context = self.get_context(request)
        context.update(extra)
        return context

    def render_survey(self, request, template, status=200, easy_read=False, **extra):
        if easy_read:
            template = EASY_READ + template
        response = TemplateResponse(
            request,
            TEMPLATES + template,
            self.survey_context(request, easy_read=easy_read, **extra),
            status=status,
        )
        return no_cache(response)

    def not_open_response(self, request, easy_read=False):
        """The clear page shown at any step before opening or after closing."""
        status = self.status
        if status == "open":
            return None
        if not self.has_survey:
            raise Http404
        return self.render_survey(
            request, "not_open.html", easy_read=easy_read, consultation_status=status
        )

    def _require_easy_read_survey(self):
        if not self.has_easy_read_survey:
            raise Http404

    def _redirect(self, url):
        return no_cache(redirect(url))

    # Start --------------------------------------------------------------------

    @path("survey/", name="survey_start")
    def survey_start(self, request):
        if not self.has_survey:
            raise Http404
        return self._start(request)

    def _start(self, request, easy_read=False):
        closed = self.not_open_response(request, easy_read)
        if closed:
            return closed
        journey = self.journey(request, easy_read)
        sections = journey.visible_sections()
        in_progress = journey.started and not journey.reference and journey.state.get("done")
        resume_at = journey.first_incomplete() if in_progress else None
        return self.render_survey(
            request,
            "start.html",
            easy_read=easy_read,
            first_url=self.section_url(sections[0], request, easy_read),
            in_progress=in_progress,
            resume_url=self.section_url(resume_at, request, easy_read)
            if resume_at
            else self.survey_url("survey_check", request=request, easy_read=easy_read),
            total=len(sections),
        )

    # One section ----------------------------------------------------------------

    @path("survey/check/", name="survey_check")
    def survey_check(self, request):
        return self._check(request)

    def _check(self, request, easy_read=False):
        closed = self.not_open_response(request, easy_read)
        if closed:
            return closed
        journey = self.journey(request, easy_read)
        if journey.reference:
            return self._redirect(
                self.survey_url("survey_confirmation", request=request, easy_read=easy_read)
            )
        forms, incomplete = journey.validated_forms()
        if incomplete is not None:
            return self._redirect(self.section_url(incomplete, request, easy_read))
        receipt_email = ""
        errors = []
        if request.method == "POST":
            # The Easy Read check page sends straight away: it offers no receipt.
            receipt_email = "" if easy_read else request.POST.get("receipt_email", "").strip()
            if receipt_email:
                try:
                    validate_email(receipt_email)
                except ValidationError:
                    errors.append(("f-receipt_email", BAD_EMAIL))
            if not errors:
                return self.submit_response(request, journey, forms, receipt_email)
        return self.render_survey(
            request,
            "check.html",
            status=200,
            easy_read=easy_read,
            summary=self.answer_summary(forms, request, easy_read),
            back_url=self.section_url(forms[-1].section, request, easy_read),
            errors=errors,
            receipt_email=receipt_email,
        )

    def answer_summary(self, forms, request, easy_read=False):
        summary = []
        for form in forms:
            form.is_valid()
            rows = []
            for question in form.active_questions():
                rows.append(
                    {
                        "label": question.label,
                        "lines": answer_lines(question, form.cleaned, form.other_text),
                        "change_url": self.section_url(form.section, request, easy_read)
                        + "?return=check#"
                        + field_id(_first_input(question)),
                    }
                )
            summary.append({"section": form.section, "rows": rows})
        return summary

    def submit_response(self, request, journey, forms, receipt_email):
        from .models import VERSION_EASY_READ, VERSION_STANDARD, SavedSurvey

        response, created = store_response(
            self,
            forms,
            journey.token,
            language=translation.get_language() or "en",
            version=VERSION_EASY_READ if journey.easy_read else VERSION_STANDARD,
        )
        token = journey.token
        summary = self.answer_summary(forms, request, journey.easy_read)
        journey.finish(response.reference)
        SavedSurvey.objects.filter(journey_token=token).delete()
        if created and receipt_email:
            self.send_receipt(request, response, summary, receipt_email)
        return self._redirect(
            self.survey_url("survey_confirmation", request=request, easy_read=journey.easy_read)
        )

    def send_receipt(self, request, response, summary, email):
        """A receipt as plain text and accessible HTML. If it fails, the response
        is already stored: log it and carry on."""
        from core.models import CouncilSettings

        context = {
            "page": self,
            "response": response,
            "summary": [s for s in summary if s["section"].kind == "main"],
            "council": CouncilSettings.for_request(request),
            "page_url": self.get_full_url(request),
        }
        message = EmailMultiAlternatives(
            subject=_("Your response to %(title)s: %(reference)s")
            % {"title": self.title, "reference": response.reference},
            body=render_to_string("emails/survey_receipt.txt", context, request=request),
            to=[email],
        )
        message.attach_alternative(
            render_to_string("emails/survey_receipt.html", context, request=request), "text/html"
        )
        try:
            message.send()
        except Exception:
            logger.exception("Survey receipt could not be sent for %s", response.reference)

    @path("survey/confirmation/", name="survey_confirmation")
    def survey_confirmation(self, request):
        return self._confirmation(request)

    def _confirmation(self, request, easy_read=False):
        journey = self.journey(request, easy_read)
        if not journey.reference:
            return self._redirect(self.survey_url(request=request, easy_read=easy_read))
        return self.render_survey(
            request, "confirmation.html", easy_read=easy_read, reference=journey.reference
        )

    # Save and come back later ---------------------------------------------------

    @path("survey/save/", name="survey_save")
    def survey_save(self, request):
        from .models import SavedSurvey

        closed = self.not_open_response(request)
        if closed:
            return closed
        journey = self.journey(request)
        if not journey.started or journey.reference:
            return self._redirect(self.survey_url(request=request))
        errors = []
        email = ""
        if request.method == "POST":
            email = request.POST.get("email", "").strip()
            try:
                validate_email(email)
            except ValidationError:
                errors.append(
                    (
                        "f-email",
                        _("Enter an email address in the correct format, like name@example.com")
                        if email
                        else _("Enter your email address"),
                    )
                )
            if not errors:
                SavedSurvey.delete_expired()
                saved = SavedSurvey.objects.filter(journey_token=journey.token).first()
                if saved is None:
                    saved = SavedSurvey(
                        token=secrets.token_urlsafe(32),
                        journey_token=journey.token,
                        consultation_key=self.translation_key,
                        page=self,
                    )
                saved.email = email
                saved.answers = journey.answers
                saved.done = journey.state.get("done") or []
                saved.expires_at = self.closes_at
                saved.save()
                self.send_resume_link(request, saved)
                return self.render_survey(request, "saved.html", email=email)
        return self.render_survey(
            request, "save.html", errors=errors, email=email, back_url=self._back_to(journey)
        )

    def _back_to(self, journey):
        section = journey.first_incomplete()
        if section is None:
            return self.survey_url("survey_check")
        return self.section_url(section)

    def send_resume_link(self, request, saved):
        context = {
            "page": self,
            "link": request.build_absolute_uri(
                self.survey_url("survey_resume", saved.token, request=request)
            ),
            "closes_at": self.closes_at,
        }
        message = EmailMultiAlternatives(
            subject=_("Your saved answers: %(title)s") % {"title": self.title},
            body=render_to_string("emails/survey_resume.txt", context, request=request),
            to=[saved.email],
        )
        message.attach_alternative(
            render_to_string("emails/survey_resume.html", context, request=request), "text/html"
        )
        try:
            message.send()
        except Exception:
            logger.exception("Save-and-return link could not be sent")

    @path("survey/resume/<str:token>/", name="survey_resume")
    def survey_resume(self, request, token):
        from .models import SavedSurvey

        closed = self.not_open_response(request)
        if closed:
            SavedSurvey.objects.filter(consultation_key=self.translation_key).delete()
            return closed
        saved = SavedSurvey.objects.filter(
            token=token, consultation_key=self.translation_key, expires_at__gt=timezone.now()
        ).first()
        if saved is None:
            return self.render_survey(request, "resume_invalid.html", status=404)
        journey = self.journey(request)
        journey.restore(saved.journey_token, saved.answers, saved.done)
        return self._redirect(self._back_to(journey))

    # Sections (last: its pattern would match the routes above) --------------------

    @path("survey/<slug:section_key>/", name="survey_section")
    def survey_section(self, request, section_key):
        return self._section(request, section_key)

    def _section(self, request, section_key, easy_read=False):
        journey = self.journey(request, easy_read)
        section = journey.survey.section(section_key)
        if section is None:
            raise Http404
        closed = self.not_open_response(request, easy_read)
        if closed:
            return closed
        journey.start()

        def url(name):
            return self.survey_url(name, request=request, easy_read=easy_read)

        if not journey.can_visit(section):
            target = journey.first_incomplete()
            if target is None:
                return self._redirect(url("survey_check"))
            return self._redirect(self.section_url(target, request, easy_read))
        returning = request.GET.get("return") == "check" or request.POST.get("return") == "check"
        show_errors = False
        if request.method == "POST":
            form = journey.form(section, request.POST)
            # Save and come back later is in the standard survey only.
            if request.POST.get("action") == "save" and not easy_read:
                journey.answers[section.key] = form.kept_data()
                journey.save()
                return self._redirect(url("survey_save"))
            if form.is_valid():
                journey.record(section, form)
                following = None if returning else journey.next(section)
                if following is None:
                    return self._redirect(url("survey_check"))
                return self._redirect(self.section_url(following, request, easy_read))
            # Keep what was typed, on the server, and mark the section unfinished.
            journey.answers[section.key] = form.kept_data()
            done = journey.state.get("done") or []
            if section.key in done:
                done.remove(section.key)
            journey.save()
            show_errors = True
        else:
            form = journey.form(section)
        number, total = journey.position(section)
        previous = journey.previous(section)
        if returning:
            back_url = url("survey_check")
        elif previous:
            back_url = self.section_url(previous, request, easy_read)
        else:
            back_url = url("survey_start")
        questions = form.display(show_errors=show_errors)
        return self.render_survey(
            request,
            "section.html",
            easy_read=easy_read,
            section=section,
            questions=questions,
            single_question=questions[0] if len(questions) == 1 else None,
            errors=form.error_list() if show_errors else [],
            number=number,
            total=total,
            back_url=back_url,
            returning=returning,
        )

    # The Easy Read survey (its sections last, as above) ------------------------------

    @path("easy-read/survey/", name="easy_read_survey_start")
    def easy_read_survey_start(self, request):
        self._require_easy_read_survey()
        return self._start(request, easy_read=True)

    @path("easy-read/survey/check/", name="easy_read_survey_check")
    def easy_read_survey_check(self, request):
        self._require_easy_read_survey()
        return self._check(request, easy_read=True)

    @path("easy-read/survey/confirmation/", name="easy_read_survey_confirmation")
    def easy_read_survey_confirmation(self, request):
        self._require_easy_read_survey()
        return self._confirmation(request, easy_read=True)

    @path("easy-read/survey/<slug:section_key>/", name="easy_read_survey_section")
    def easy_read_survey_section(self, request, section_key):
        self._require_easy_read_survey()
        return self._section(request, section_key, easy_read=True)


def _first_input(question):
    return registry.type_of(question).first_input(question)
