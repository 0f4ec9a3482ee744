"""The case study index's filters: a GET form that works without JavaScript,
so every filtered list has an address residents can share."""

from django import forms
from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from core.filters import ChosenFiltersMixin
from core.locales import active_locale
from core.sites import site_pages

FILTER_FIELDS = ["priority", "building_block", "district", "funding"]


class CaseStudyFilterForm(forms.Form):
    priority = forms.TypedChoiceField(
        label=_("Priority"), required=False, coerce=int, empty_value=None
    )
    building_block = forms.TypedChoiceField(
        label=_("Building block"), required=False, coerce=int, empty_value=None
    )
    district = forms.ChoiceField(label=_("District"), required=False)
    funding = forms.ChoiceField(label=_("Funding source"), required=False)

    def __init__(self, data, options):
        super().__init__(data)
        any_choice = [("", _("Any"))]
        for name in FILTER_FIELDS:
            self.fields[name].choices = any_choice + options[name]
            self.fields[name].error_messages["invalid_choice"] = _(
                "Choose one of the options in the list"
            )


def filter_options(case_studies, site=None, districts=()):
    """The choices of each filter, as (value, label) pairs: the priorities and
    building blocks of the site in the resident's language, and the districts
    and funding sources the case studies name."""
    locale = active_locale()
    options = {}
    for name, model_name in (
        ("priority", "PriorityPage"),
        ("building_block", "BuildingBlockPage"),
    ):
        model = apps.get_model("strategy", model_name)
        pages = (
            site_pages(model.objects.live(), site)
            .filter(locale=locale)
            .order_by("path")
            .values_list("pk", "title")
        )
        options[name] = [(str(pk), title) for pk, title in pages]
    values = case_studies.order_by().values_list("district", "funding_source")
    # The council's own list first, in its order, then any other a case study names.
    found = {district for district, _source in values if district}
    districts = [*districts, *sorted(found - set(districts))]
    options["district"] = [(d, d) for d in districts]
    options["funding"] = [
        (s, s) for s in sorted({source for _district, source in values if source})
    ]
    return options


def same_page(pk):
    """The translation key of a page, in any language, as a subquery."""
    return Page.objects.filter(pk=pk).values("translation_key")


class CaseStudyFilter(ChosenFiltersMixin):
    def __init__(self, params, case_studies, options):
        self.params = params
        self.form = CaseStudyFilterForm(
            {name: params.get(name, "") for name in FILTER_FIELDS}, options
        )
        self.form.is_valid()
        # A filter with a value we do not know is left out, and the form says why.
        self.values = {
            name: self.form.cleaned_data.get(name)
            for name in FILTER_FIELDS
            if self.form.cleaned_data.get(name) not in (None, "")
        }
        self.results = self.apply(case_studies)

    def apply(self, queryset):
        # A translated case study keeps pointing at the English priorities and
        # building blocks: match the chosen page by its translation key.
        if "priority" in self.values:
            queryset = queryset.filter(
                priorities__translation_key__in=same_page(self.values["priority"])
            )
        if "building_block" in self.values:
            queryset = queryset.filter(
                building_blocks__translation_key__in=same_page(self.values["building_block"])
            )
        if "district" in self.values:
            queryset = queryset.filter(district=self.values["district"])
        if "funding" in self.values:
            queryset = queryset.filter(funding_source=self.values["funding"])
        return queryset.distinct()
