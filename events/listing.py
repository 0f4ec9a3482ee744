"""The events listing: what is coming up, or on the second tab what has been
held, with filters in a GET form that works without JavaScript, so every
filtered list has an address residents can share.

A filter value the site does not know is left out, and the form says why;
the tab falls back to "Coming up". The number of queries does not grow with
the number of events shown.
"""

from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _

from core.filters import ChosenFiltersMixin
from core.locales import active_locale, default_locale

from .models import (
    EventPage,
    EventRelatedPage,
    in_resident_language,
    localized_pages,
    most_recent_first,
    upcoming_first,
)

UPCOMING, PAST = "upcoming", "past"
TABS = [(UPCOMING, _("Coming up")), (PAST, _("Past events"))]
IN_PERSON, ONLINE = "in_person", "online"
EVENTS_PER_PAGE = 10
FILTER_FIELDS = ["part_of", "format"]


class EventFilterForm(forms.Form):
    part_of = forms.ChoiceField(label=_("Part of"), required=False)
    format = forms.ChoiceField(
        label=_("How to take part"),
        required=False,
        choices=[("", _("Any")), (IN_PERSON, _("In person")), (ONLINE, _("Online"))],
    )

    def __init__(self, data, part_of_choices):
        super().__init__(data)
        self.fields["part_of"].choices = [("", _("Any"))] + part_of_choices
        for name in FILTER_FIELDS:
            self.fields[name].error_messages["invalid_choice"] = _(
                "Choose one of the options in the list"
            )


class EventListing(ChosenFiltersMixin):
    """What the events index shows for one request."""

    def __init__(self, index, request):
        self.index = index
        params = request.GET
        self.tab = params.get("when") if params.get("when") in dict(TABS) else UPCOMING
        scope = self.events_in_scope()
        self.pages_by_value = self.part_of_options(scope)
        choices = [(value, page.title) for value, (page, _key) in self.pages_by_value.items()]
        self.form = EventFilterForm({name: params.get(name, "") for name in FILTER_FIELDS}, choices)
        self.form.is_valid()
        self.values = {
            name: self.form.cleaned_data[name]
            for name in FILTER_FIELDS
            if self.form.cleaned_data.get(name)
        }
        ordered = upcoming_first if self.tab == UPCOMING else most_recent_first
        self.paginator = Paginator(ordered(self.apply(scope)), EVENTS_PER_PAGE)
        self.results = self.paginator.get_page(params.get("page"))
        self.items = self.cards(list(self.results.object_list))

    # Queries ---------------------------------------------------------------------

    def events_in_scope(self):
        """Live events under this index, in the resident's language and in
        English where not translated."""
        locales = {active_locale().pk, default_locale().pk}
        paths = (
            type(self.index)
            .objects.filter(translation_key=self.index.translation_key, locale_id__in=locales)
            .values_list("path", flat=True)
        )
        under = Q(pk__in=[])
        for path in paths:
            under |= Q(path__startswith=path)
        events = EventPage.objects.live().public().filter(under, depth=self.index.depth + 1)
        return in_resident_language(events)

    def part_of_options(self, events):
        """The pages events are part of, by the value the filter uses: the page's
        English id where it has one, so that a filtered address works in every
        language."""
        links = EventRelatedPage.objects.filter(event__in=events).select_related("page")
        by_key = {}
        english = default_locale().pk
        for link in links:
            chosen = by_key.get(link.page.translation_key)
            if chosen is None or (link.page.locale_id == english != chosen.locale_id):
                by_key[link.page.translation_key] = link.page
        shown = localized_pages(list(by_key.values()))
        options = {
            str(page.pk): (label, page.translation_key)
            for page, label in zip(by_key.values(), shown, strict=True)
        }
        return dict(sorted(options.items(), key=lambda item: item[1][0].title.lower()))

    def apply(self, events):
        if "part_of" in self.values:
            _page, key = self.pages_by_value[self.values["part_of"]]
            events = events.filter(
                pk__in=EventRelatedPage.objects.filter(page__translation_key=key).values("event_id")
            )
        if self.values.get("format") == IN_PERSON:
            events = events.filter(~Q(place_name="") | ~Q(address=""))
        elif self.values.get("format") == ONLINE:
            events = events.exclude(online_link="")
        return events.defer_streamfields().prefetch_related(
            Prefetch("related_pages", queryset=EventRelatedPage.objects.select_related("page"))
        )

    def cards(self, events):
        """The events as cards, each with the pages it is part of in the
        resident's language (one query for all of them)."""
        links = [[link.page for link in event.related_pages.all()] for event in events]
        shown = iter(localized_pages([page for pages in links for page in pages]))
        part_of = [[next(shown) for _page in pages] for pages in links]
        return event_cards(events, self.index.locale_id, part_of)

    # Addresses -------------------------------------------------------------------

    def querystring(self, tab=None, without=None):
        params = {"when": tab or self.tab}
        if params["when"] == UPCOMING:
            del params["when"]
        params.update({name: value for name, value in self.values.items() if name != without})
        return urlencode(params)

    @property
    def clear_query(self):
        """What "Clear all filters" keeps: the tab."""
        return "?when=past" if self.tab == PAST else ""

    def tabs(self):
        return [
            {
                "label": label,
                "url": "?" + self.querystring(tab=code) if self.querystring(tab=code) else "?",
                "current": code == self.tab,
            }
            for code, label in TABS
        ]

    @property
    def hidden_fields(self):
        """What the filter form keeps on the address: the tab."""
        return [] if self.tab == UPCOMING else [("when", self.tab)]

    @property
    def page_query(self):
        return self.querystring()


def event_cards(events, around_locale_id, part_of=None):
    """Events as the cards ``components/events/event_card.html`` shows: each
    with the pages it is part of, and its language where it differs from the
    page around it (an English event not yet translated, in a Polish list)."""
    languages = {locale.pk: locale.language_code for locale in (active_locale(), default_locale())}
    return [
        {
            "event": event,
            "part_of": pages,
            "lang": ""
            if event.locale_id == around_locale_id
            else languages.get(event.locale_id, ""),
        }
        for event, pages in zip(events, part_of or [[] for _event in events], strict=True)
    ]
