"""The resident's progress through a survey, kept on the server in the session.

Only the posted values of questions that were showing are kept, per section.
Which sections show, and whether each is complete, is worked out again from
those values every time, so a changed answer that hides a section also stops
its answers from being stored.
"""

import uuid

from django.utils import timezone

from .forms import SectionForm

SESSION_PREFIX = "survey:"
# The Easy Read survey keeps its own progress, so that a resident can have both
# versions under way at once without one overwriting the other.
EASY_READ_PREFIX = "survey-easy-read:"


class Journey:
    def __init__(self, session, consultation_key, survey, easy_read=False):
        self.session = session
        self.easy_read = easy_read
        prefix = EASY_READ_PREFIX if easy_read else SESSION_PREFIX
        self.session_key = f"{prefix}{consultation_key}"
        self.survey = survey
        self.state = session.get(self.session_key) or {}

    # State ------------------------------------------------------------------

    @property
    def started(self):
        return bool(self.state.get("token"))

    @property
    def token(self):
        return self.state.get("token")

    @property
    def reference(self):
        return self.state.get("reference")

    @property
    def answers(self):
        return self.state.setdefault("answers", {})

    @property
    def seconds_taken(self):
        """Seconds since the first section was opened, measured on the server;
        None for a journey restored from a saved link or begun before this
        was kept."""
        started_at = self.state.get("started_at")
        if started_at is None:
            return None
        return int(timezone.now().timestamp() - started_at)

    def start(self):
        if not self.started or self.reference:
            self.state = {
                "token": uuid.uuid4().hex,
                "answers": {},
                "done": [],
                "started_at": timezone.now().timestamp(),
            }
            self.save()

    def start_again(self):
        """Forget this journey, finished or not: the next step starts a new one."""
        self.state = {}
        self.session.pop(self.session_key, None)
        self.session.modified = True

    def restore(self, token, answers, done):
        self.state = {"token": token, "answers": answers, "done": done}
        self.save()

    def save(self):
        self.session[self.session_key] = self.state
        self.session.modified = True

    def finish(self, reference, receipt_not_sent=False):
        """Forget the answers once stored; remember the reference for replays,
        and whether the receipt asked for could not be sent."""
        self.state = {"token": self.token, "reference": reference, "answers": {}, "done": []}
        if receipt_not_sent:
            self.state["receipt_not_sent"] = True
        self.save()

    def record(self, section, form):
        self.answers[section.key] = form.kept_data()
        done = self.state.setdefault("done", [])
        if section.key not in done:
            done.append(section.key)
        self.save()

    # Working out what shows ---------------------------------------------------

    def _flat(self, sections):
        flat = {}
        for section in sections:
            raw = self.answers.get(section.key) or {}
            for question in section.questions:
                values = raw.get(question.key) or []
                if values:
                    flat[question.key] = values[0]
        return flat

    def visible_sections(self):
        visible = []
        for section in self.survey.sections:
            condition = section.condition
            if condition is not None:
                earlier = self._flat(visible)
                if earlier.get(condition.question) != condition.option:
                    continue
            visible.append(section)
        return visible

    def context_for(self, section):
        others = [s for s in self.visible_sections() if s.key != section.key]
        return self._flat(others)

    def form(self, section, data=None):
        if data is None:
            stored = self.answers.get(section.key)
            return SectionForm(section, stored, self.context_for(section))
        return SectionForm(section, data, self.context_for(section))

    def is_done(self, section):
        return section.key in (self.state.get("done") or [])

    def first_incomplete(self):
        for section in self.visible_sections():
            if not self.is_done(section):
                return section
        return None

    def can_visit(self, section):
        """A section may be opened once every visible section before it is done."""
        for visible in self.visible_sections():
            if visible.key == section.key:
                return True
            if not self.is_done(visible):
                return False
        return False

    def position(self, section):
        visible = self.visible_sections()
        keys = [s.key for s in visible]
        return keys.index(section.key) + 1, len(visible)

    def previous(self, section):
        visible = self.visible_sections()
        keys = [s.key for s in visible]
        index = keys.index(section.key)
        return visible[index - 1] if index > 0 else None

    def next(self, section):
        visible = self.visible_sections()
        keys = [s.key for s in visible]
        index = keys.index(section.key)
        return visible[index + 1] if index + 1 < len(visible) else None

    def validated_forms(self):
        """Every showing section's kept answers, checked again. Returns the forms,
        or the first section that is not complete and valid."""
        forms = []
        for section in self.visible_sections():
            form = self.form(section)
            if not self.is_done(section) or not form.is_valid():
                return None, section
            forms.append(form)
        return forms, None
