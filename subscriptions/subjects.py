"""What a resident can follow, one class per kind: how its key is found from
what the resident was looking at, how it is named, and where it is in a
given language. The views, emails and counts ask these rather than
branching on the kind."""

import re
import uuid

from django.apps import apps
from django.utils.translation import gettext as _

from core.locales import active_locale, locale_for

from .models import CONSULTATION, PLAN, TOPIC

SLUG = re.compile(r"[-a-zA-Z0-9_]+")


class PageSubject:
    """A page followed in every language: its key is the translation key."""

    kind = ""
    model_label = ""

    def __init__(self, page):
        self.page = page

    @property
    def key(self):
        return str(self.page.translation_key)

    @property
    def name(self):
        return self.page.title

    @classmethod
    def model(cls):
        return apps.get_model(cls.model_label)

    @classmethod
    def find(cls, key, locale=None):
        """The live page in ``locale`` (the active language by default), or in
        any language when it has no translation there; None if there is none."""
        try:
            key = uuid.UUID(key)
        except ValueError:
            return None
        pages = cls.model().objects.live().filter(translation_key=key)
        return pages.filter(locale=locale or active_locale()).first() or pages.first()

    @classmethod
    def for_key(cls, key, language=None):
        page = cls.find(key, locale_for(language) if language else None)
        return cls(page) if page is not None else None

    def url(self, request=None):
        return self.page.get_url(request=request)


class ConsultationSubject(PageSubject):
    kind = CONSULTATION
    model_label = "consultations.ConsultationPage"

    def describe(self):
        return _("the consultation “%(title)s”") % {"title": self.name}


class PlanSubject(PageSubject):
    kind = PLAN
    model_label = "delivery.DeliveryPlanPage"

    def describe(self):
        return _("progress reports of “%(title)s”") % {"title": self.name}


class TopicSubject:
    """A consultation topic: every consultation that has it."""

    kind = TOPIC

    def __init__(self, topic, index=None):
        self.topic = topic
        self.index = index

    @property
    def key(self):
        return self.topic.slug

    @property
    def name(self):
        return self.topic.name

    @classmethod
    def for_key(cls, key, language=None):
        from consultations.models import ConsultationIndexPage, ConsultationTopic

        if not SLUG.fullmatch(key):
            return None
        topic = ConsultationTopic.objects.filter(slug=key).first()
        if topic is None:
            return None
        locale = locale_for(language) if language else active_locale()
        indexes = ConsultationIndexPage.objects.live()
        index = indexes.filter(locale=locale).first() or indexes.first()
        return cls(topic, index)

    def describe(self):
        return _("consultations about “%(topic)s”") % {"topic": self.name}

    def url(self, request=None):
        if self.index is None:
            return "/"
        return self.index.get_url(request=request) + "?topic=" + self.topic.slug


SUBJECTS = {cls.kind: cls for cls in (ConsultationSubject, TopicSubject, PlanSubject)}


def subject_for(kind, key, language=None):
    """The thing followed, in ``language`` where it is translated; None if
    the kind is unknown or the thing is gone."""
    subject = SUBJECTS.get(kind)
    if subject is None or not key or len(key) > 100:
        return None
    return subject.for_key(key, language)


def subject_of_page(page):
    for subject in (ConsultationSubject, PlanSubject):
        if isinstance(page, subject.model()):
            return subject(page)
    return None
