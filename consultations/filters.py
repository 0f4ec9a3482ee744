"""The consultations finder's filters: status, topic and area, as a GET form
that works without JavaScript, so every filtered list has an address residents
can share. A value the finder does not know is left out, never an error page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.filters import ChosenFiltersMixin

FILTER_FIELDS = ["status", "topic", "area"]


class ConsultationFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False)
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    area = forms.ChoiceField(label=_("Area"), required=False)

    def __init__(self, data, statuses=(), topics=(), districts=()):
        super().__init__(data)
        self.fields["status"].choices = [("", _("Any status")), *statuses]
        self.fields["topic"].choices = [("", _("Any topic")), *topics]
        self.fields["area"].choices = [("", _("Anywhere in the county")), *districts]


class ConsultationFilter(ChosenFiltersMixin):
    """The filters chosen on the finder's address. ``districts`` are the
    council's, (code, name) pairs; a district shows the consultations about it
    and those about the whole county."""

    def __init__(self, params, statuses=(), topics=(), districts=()):
        self.form = ConsultationFilterForm(
            {name: params.get(name, "") for name in FILTER_FIELDS},
            statuses=statuses,
            topics=topics,
            districts=districts,
        )
        self.form.is_valid()
        self.values = {
            name: self.form.cleaned_data[name]
            for name in FILTER_FIELDS
            if self.form.cleaned_data.get(name)
        }

    def covering(self, consultations):
        """The consultations about the chosen district (or the whole county)."""
        area = self.values.get("area")
        if not area:
            return list(consultations)
        return [page for page in consultations if page.covers(area)]
