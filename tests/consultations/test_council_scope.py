"""Several councils on one installation: nobody on one council's staff gets
anything of another council's responses from any officers' page or export.

Two councils (two Wagtail Sites), each with two consultations and responses
whose answers, free text and references are their own. For every role of each
council, every address of the officers' URL module (found by walking the URL
resolver, so a new officer address is covered without editing this test) is
asked for with the other council's ids, by GET and by POST, and so are the
admin's pages that could show responses; no body or file holds anything of
the other council's. Then each role's own council: what it may see, it sees.
"""

import io
import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from openpyxl import load_workbook
from wagtail.models import Site

from consultations.factories import ConsultationIndexPageFactory, ConsultationPageFactory
from consultations.models import CouncilStaffGroup, Response, Theme
from consultations.officers import urls as officer_urls
from consultations.officers.councils import ROLES, make_staff_groups
from home.factories import HomePageFactory
from tests.signing_in import force_login_verified

from .officers import make_response, staff

pytestmark = pytest.mark.django_db

NAMESPACE = "consultation_responses"
ANALYST_ROLES = ("analyst", "equality", "limited")
ROLE_GROUPS = {
    "editor": ["editors"],
    "analyst": ["consultation analysts"],
    "equality": ["consultation analysts", "equality data"],
    "data_entry": ["data entry"],
    "limited": ["limited analysts"],  # an analyst limited to the council's first consultation
}


class Council:
    """One council's site, its two consultations, their responses and staff groups."""

    def __init__(self, slug, site):
        self.slug = slug
        self.site = site
        index = ConsultationIndexPageFactory(parent=site.root_page, slug=f"{slug}-have-your-say")
        self.first = ConsultationPageFactory(parent=index, title=f"{slug.title()} libraries plan")
        self.second = ConsultationPageFactory(parent=index, title=f"{slug.title()} parks plan")
        self.responses = {self.first: [], self.second: []}
        for page in (self.first, self.second):
            for n in range(3):
                self.responses[page].append(
                    make_response(
                        page,
                        [
                            text_answer("comments", "long_text", self.secret(page, "comment", n)),
                            text_answer("group_name", "short_text", self.secret(page, "group", n)),
                            {
                                "question_key": "activities",
                                "question_type": "multiple_choice",
                                "option_code": "other",
                                "text": self.secret(page, "other", n),
                            },
                        ],
                        equality=[("age_band", "35_44"), ("sex", "female")],
                    )
                )
        self.groups = {
            role.replace(" ", "_"): group for role, group in make_staff_groups(site).items()
        }
        limited = Group.objects.create(name=f"{slug} limited analysts")
        limited.permissions.set(self.groups["consultation_analysts"].permissions.all())
        link = CouncilStaffGroup.objects.create(group=limited, site=site)
        link.consultations.set([self.first])
        self.groups["limited_analysts"] = limited

    def secret(self, page, kind, n):
        return f"{self.slug}-{page.slug}-{kind}-{n}-kestrel"

    def user(self, role):
        user = staff(f"{self.slug}-{role}")
        for name in ROLE_GROUPS[role]:
            user.groups.add(self.groups[name.replace(" ", "_")])
        return user

    def pages(self):
        return [self.first, self.second]

    def secrets(self, pages):
        """What must never show outside these consultations: titles, response
        ids (as addresses), references, answers, free and 'other' texts."""
        found = []
        for page in pages:
            found.append(page.title)
            for n, response in enumerate(self.responses[page]):
                found += [
                    response.reference,
                    reverse(f"{NAMESPACE}:response", args=[response.pk]),
                    *(self.secret(page, kind, n) for kind in ("comment", "group", "other")),
                ]
        return found


def text_answer(key, kind, text):
    return {"question_key": key, "question_type": kind, "text": text}


@pytest.fixture
def councils(home):
    first_site = Site.objects.get(is_default_site=True)
    other_home = HomePageFactory(parent=home.get_parent(), title="Staffordshire", slug="staffs")
    other_site = Site.objects.create(
        hostname="staffordshire.localhost", root_page=other_home, site_name="Staffordshire"
    )
    return {"rutland": Council("rutland", first_site), "staffs": Council("staffs", other_site)}


# Walking every officers' address ---------------------------------------------------------

# What each kind of URL parameter is filled with: (page, response) -> values.
FILL = {
    "page_id": lambda page, response: [page.pk],
    "response_id": lambda page, response: [response.pk],
    "question_key": lambda page, response: ["comments", "activities"],
    "file_format": lambda page, response: ["csv", "xlsx"],
}
# Form data sent with every POST: a theme, tags, a keyed response's start.
POST_DATA = {
    "action": "add_theme",
    "name": "leaked-theme",
    "channel": "phone",
    "language": "en",
    "version": "standard",
}


def officer_patterns():
    """Every pattern of the officers' URL module, as the admin's resolver has
    it (so that one added to ``officers/urls.py`` is walked too)."""
    found = []

    def walk(resolver):
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                if entry.namespace == NAMESPACE:
                    found.extend(p for p in entry.url_patterns if isinstance(p, URLPattern))
                else:
                    walk(entry)

    walk(get_resolver())
    assert {p.name for p in found} == {p.name for p in officer_urls.urlpatterns}
    return found


def addresses(page, response):
    """Every officers' address filled with this consultation's and response's
    ids, with the response's reference in the query (for "find")."""
    filled = []
    for pattern in officer_patterns():
        names = list(pattern.pattern.converters)
        missing = [name for name in names if name not in FILL]
        if missing:
            pytest.fail(
                f"Cannot fill {missing} in the officers' URL {pattern.name!r}: add them to FILL"
            )
        combinations = [{}]
        for name in names:
            combinations = [
                {**combo, name: value}
                for combo in combinations
                for value in FILL[name](page, response)
            ]
        for kwargs in combinations:
            address = reverse(f"{NAMESPACE}:{pattern.name}", kwargs=kwargs)
            filled.append((pattern.name, bool(names), f"{address}?reference={response.reference}"))
    return filled


def admin_addresses(page):
    """The admin's own pages that could show a response: the dashboard, page
    search, the consultation's history and the site history."""
    return [
        "/admin/",
        f"/admin/pages/search/?q={page.slug}",
        "/admin/pages/search/?q=kestrel",
        f"/admin/pages/{page.pk}/history/",
        "/admin/reports/site-history/",
    ]


def content(response):
    """What a response sends, as text: a page, a CSV file, or an Excel workbook's cells."""
    data = b"".join(response.streaming_content) if response.streaming else response.content
    if response.get("Content-Type", "").startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    ):
        book = load_workbook(io.BytesIO(data), read_only=True)
        return "\n".join(
            str(cell)
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
            for cell in row
            if cell is not None
        )
    return data.decode("utf-8-sig", errors="replace")


def expected_for_others(role, name):
    """How an address with another council's ids must answer this role: 404
    where the role may use that kind of address at all (nothing says the
    consultation exists), otherwise the 403 (or redirect) of no permission."""
    keying = name.startswith("key_in")
    if (role in ANALYST_ROLES and not keying) or (role == "data_entry" and keying):
        return {404}
    return {302, 403}


@pytest.mark.parametrize("role", list(ROLE_GROUPS))
@pytest.mark.parametrize("mine", ["rutland", "staffs"])
def test_no_role_of_one_council_gets_anything_of_another(councils, role, mine):
    council = councils[mine]
    other = councils["staffs" if mine == "rutland" else "rutland"]
    client = Client()
    force_login_verified(client, council.user(role))
    forbidden = other.secrets(other.pages())
    targets = [(page, other.responses[page][0]) for page in other.pages()]
    if role == "limited":
        # Nor the other consultation of the analyst's own council.
        forbidden += council.secrets([council.second])
        targets.append((council.second, council.responses[council.second][0]))
    themes_before = Theme.objects.count()

    asked = 0
    for page, response in targets:
        for name, takes_ids, address in addresses(page, response):
            # Every address by GET; those of one consultation or response by POST too.
            for method in ("get", "post") if takes_ids else ("get",):
                reply = getattr(client, method)(address, POST_DATA if method == "post" else None)
                asked += 1
                assert reply.status_code < 500, (role, method, address)
                if takes_ids:
                    expected = expected_for_others(role, name)
                    if method == "post":
                        # A page that takes no POST refuses it before looking
                        # up any consultation, whoever's it is.
                        expected = expected | {405}
                    assert reply.status_code in expected, (role, method, address, reply.status_code)
                # The reference put in the query comes back as it was typed (in
                # the search box, and in "No response has the reference ...", as
                # for one that never was); the response's other references and
                # its address are still looked for.
                text = content(reply).replace(response.reference, "")
                leaked = [secret for secret in forbidden if secret in text]
                assert not leaked, (role, method, address, leaked)
        for address in admin_addresses(page):
            text = content(client.get(address, follow=True))
            leaked = [secret for secret in forbidden if secret in text]
            assert not leaked, (role, address, leaked)

    assert asked >= len(officer_urls.urlpatterns) * len(targets)
    # Nothing was deleted, tagged or keyed into the other council's consultations.
    for page, responses in other.responses.items():
        assert Response.objects.filter(pk__in=[r.pk for r in responses]).count() == 3, page
    assert Theme.objects.count() == themes_before
    assert "consultations:keying" not in client.session


# Each role's own council ------------------------------------------------------------------


def url(name, *args):
    return reverse(f"{NAMESPACE}:{name}", args=args)


def signed_in(council, role):
    client = Client()
    force_login_verified(client, council.user(role))
    return client


@pytest.mark.parametrize("mine", ["rutland", "staffs"])
def test_analysts_see_their_own_councils_responses_everywhere(councils, mine):
    council = councils[mine]
    client = signed_in(council, "analyst")
    index = content(client.get(url("index")))
    assert council.first.title in index and council.second.title in index
    for page in council.pages():
        response = council.responses[page][0]
        summary = client.get(url("summary", page.pk))
        assert summary.status_code == 200
        listing = content(client.get(url("list", page.pk)))
        assert all(r.reference in listing for r in council.responses[page])
        assert council.secret(page, "comment", 0) in content(
            client.get(url("text", page.pk, "comments"))
        )
        assert council.secret(page, "other", 0) in content(
            client.get(url("text", page.pk, "activities"))
        )
        assert council.secret(page, "comment", 0) in content(
            client.get(url("response", response.pk))
        )
        found = client.get(url("find") + f"?reference={response.reference}")
        assert found.status_code == 302
        assert found["Location"] == url("response", response.pk)
        for file_format in ("csv", "xlsx"):
            exported = content(client.get(url("export", page.pk, file_format)))
            assert all(r.reference in exported for r in council.responses[page])
            assert council.secret(page, "group", 2) in exported
    audit = content(client.get(url("audit")))
    assert "Exported 3 responses as XLSX" in audit


def test_equality_holders_export_their_own_councils_equality_answers(councils):
    council = councils["staffs"]
    client = signed_in(council, "equality")
    reply = client.get(url("export_equality", council.first.pk))
    assert reply.status_code == 200
    rows = content(reply).strip().splitlines()
    assert len(rows) == 1 + 3  # a heading and one row per response
    assert all(re.search(r"35.44", row) for row in rows[1:])
    detail = content(client.get(url("response", council.responses[council.first][0].pk)))
    assert "Female" in detail
    # An analyst of the same council without equality rights gets none.
    analyst = signed_in(council, "analyst")
    assert analyst.get(url("export_equality", council.first.pk)).status_code in (302, 403)


def test_an_analyst_limited_to_one_consultation_sees_only_that_one(councils):
    council = councils["rutland"]
    client = signed_in(council, "limited")
    index = content(client.get(url("index")))
    assert council.first.title in index
    assert council.second.title not in index
    assert client.get(url("summary", council.first.pk)).status_code == 200
    assert client.get(url("summary", council.second.pk)).status_code == 404
    mine = council.responses[council.first][0]
    assert client.get(url("response", mine.pk)).status_code == 200


def test_data_entry_keys_in_only_for_its_own_council(councils):
    council, other = councils["staffs"], councils["rutland"]
    client = signed_in(council, "data_entry")
    listing = content(client.get(url("key_in_index")))
    assert council.first.title in listing
    assert other.first.title not in listing
    assert client.get(url("key_in", council.first.pk)).status_code == 200
    started = client.post(
        url("key_in", council.first.pk),
        {"channel": "phone", "language": "en", "version": "standard"},
    )
    assert started.status_code == 302
    assert client.get(url("key_in", other.first.pk)).status_code == 404
    # Keying in is all it does: no responses of its own council either.
    assert client.get(url("summary", council.first.pk)).status_code in (302, 403)


def test_editors_edit_their_own_councils_pages_only(councils):
    council, other = councils["staffs"], councils["rutland"]
    client = signed_in(council, "editor")
    assert client.get(f"/admin/pages/{council.first.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{other.first.pk}/edit/").status_code in (302, 403)
    # And, as before councils, no responses at all.
    assert client.get(url("summary", council.first.pk)).status_code in (302, 403)


def test_superusers_and_groups_without_a_council_see_every_council(councils):
    everyone = [staff("root", superuser=True), staff("old-analyst", ["Consultation analysts"])]
    for user in everyone:
        client = Client()
        force_login_verified(client, user)
        index = content(client.get(url("index")))
        for council in councils.values():
            assert council.first.title in index, user
            page = council.second
            assert council.secret(page, "comment", 1) in content(
                client.get(url("text", page.pk, "comments"))
            )


def test_every_role_of_a_council_is_walked():
    # The council's groups (from make_staff_groups) are the roles tested above.
    tested = {name for names in ROLE_GROUPS.values() for name in names}
    assert set(ROLES) <= tested


def test_the_responses_button_on_a_page_shows_only_for_the_users_councils(councils):
    rutland, staffs = councils["rutland"], councils["staffs"]
    edit = f"/admin/pages/{rutland.first.pk}/edit/"
    # Rutland's editor who is Staffordshire's analyst: no way to Rutland's responses.
    elsewhere = staff("editor-and-other-analyst")
    elsewhere.groups.add(rutland.groups["editors"], staffs.groups["consultation_analysts"])
    client = Client()
    force_login_verified(client, elsewhere)
    page = client.get(edit)
    assert page.status_code == 200
    assert url("summary", rutland.first.pk) not in content(page)

    both = staff("editor-and-analyst")
    both.groups.add(rutland.groups["editors"], rutland.groups["consultation_analysts"])
    force_login_verified(client, both)
    assert url("summary", rutland.first.pk) in content(client.get(edit))
