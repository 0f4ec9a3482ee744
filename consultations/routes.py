"""The resident's journey through a consultation's survey, as routes of the
consultation page (``ConsultationPage`` mixes this class in):

- ``survey/`` start page;
- ``survey/<section>/`` one section per page;
- ``survey/check/`` check your answers, and send;
- ``survey/confirmation/`` the reference number;
- ``survey/save/`` save and come back later (an emailed link);
- ``survey/resume/<token>/`` the emailed link;
- ``survey/print/`` the whole survey on paper, to print (and key in later);
- the same under ``easy-read/survey/`` for the Easy Read survey (start,
  sections, check, confirmation; not save and return).

Each route only says which step it is and whether the page offers it; what
the step does is in ``consultations.views``, the emails in
``consultations.notifications``.
"""

from functools import cached_property

from django.http import Http404
from wagtail.contrib.routable_page.models import path

from . import views
from .survey.journey import Journey
from .survey.structure import survey_from_stream


class SurveyRoutesMixin:
    """Routes of ConsultationPage, and what the steps ask of the page: its
    survey's addresses and the resident's journey through it."""

    # The Easy Read consultation page offers the Easy Read survey.
    easy_read_template = "pages/consultation_easy_read_page.html"

    # What the steps ask of the page ----------------------------------------------------

    def survey_url(self, name="survey_start", *args, request=None, easy_read=False):
        if easy_read:
            name = views.EASY_READ + name
        if request is None:
            # A path on the page's own Site, where these links are shown: with
            # several councils, get_url() without a request is an absolute
            # address on the Site's own host, which may not be the one asked for.
            parts = self.get_url_parts()
            base = parts[2] if parts is not None else ""
        else:
            base = self.get_url(request)
        return base + self.reverse_subpage(name, args=args)

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
            districts=self.council_districts,
        )

    @property
    def has_easy_read_survey(self):
        """A consultation with a survey and an Easy Read version offers its
        survey in Easy Read, from its Easy Read page."""
        return self.has_survey and self.has_easy_read

    @property
    def easy_read_survey_url(self):
        return self.survey_url(easy_read=True)

    def _require_survey(self):
        if not self.has_survey:
            raise Http404

    def _require_easy_read_survey(self):
        if not self.has_easy_read_survey:
            raise Http404

    # The survey (its sections last: their pattern would match the routes above) --------

    @path("survey/", name="survey_start")
    def survey_start(self, request):
        self._require_survey()
        return views.start(self, request)

    @path("survey/check/", name="survey_check")
    def survey_check(self, request):
        return views.check(self, request)

    @path("survey/confirmation/", name="survey_confirmation")
    def survey_confirmation(self, request):
        return views.confirmation(self, request)

    @path("survey/save/", name="survey_save")
    def survey_save(self, request):
        return views.save(self, request)

    @path("survey/resume/<str:token>/", name="survey_resume")
    def survey_resume(self, request, token):
        return views.resume(self, request, token)

    @path("survey/print/", name="survey_print")
    def survey_print(self, request):
        self._require_survey()
        return views.print_version(self, request)

    @path("survey/<slug:section_key>/", name="survey_section")
    def survey_section(self, request, section_key):
        return views.answer_section(self, request, section_key)

    # The Easy Read survey (its sections last, as above) ---------------------------------

    @path("easy-read/survey/", name="easy_read_survey_start")
    def easy_read_survey_start(self, request):
        self._require_easy_read_survey()
        return views.start(self, request, easy_read=True)

    @path("easy-read/survey/check/", name="easy_read_survey_check")
    def easy_read_survey_check(self, request):
        self._require_easy_read_survey()
        return views.check(self, request, easy_read=True)

    @path("easy-read/survey/print/", name="easy_read_survey_print")
    def easy_read_survey_print(self, request):
        self._require_easy_read_survey()
        return views.print_version(self, request, easy_read=True)

    @path("easy-read/survey/confirmation/", name="easy_read_survey_confirmation")
    def easy_read_survey_confirmation(self, request):
        self._require_easy_read_survey()
        return views.confirmation(self, request, easy_read=True)

    @path("easy-read/survey/<slug:section_key>/", name="easy_read_survey_section")
    def easy_read_survey_section(self, request, section_key):
        self._require_easy_read_survey()
        return views.answer_section(self, request, section_key, easy_read=True)
