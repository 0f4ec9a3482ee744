"""One council's staff, in a real browser, on an installation of three:
Staffordshire's editor publishes a change to a Staffordshire page through
the admin, it shows on Staffordshire's site, and Leicestershire's pages stay
exactly as they were; Leicestershire's pages are out of the editor's reach.
Staffordshire's analyst exports the responses to CSV, and the file holds
Staffordshire's responses and nothing of Leicestershire's.

Both sign in with the demo's logins for Staffordshire
(demo/content/staffordshire/council.yaml), in its own staff groups."""

import csv
import io
import json
from urllib.parse import urlsplit

from .conftest import DESKTOP, live_manage, signed_in_staff

# Leicestershire's pages compared before and after, among them its own
# privacy notice: the page of the same slug that Staffordshire's editor changes.
LEICESTERSHIRE_PAGES = ["/", "/privacy/", "/have-your-say/", "/case-studies/", "/pl/privacy/"]


def main_content(page, address):
    """The main content of a page as a resident gets it."""
    response = page.goto(address)
    assert response.status == 200, address
    return page.locator("main").inner_html()


def leicestershire_page_id(slug):
    return live_manage(
        "from wagtail.models import Page, Site;"
        "home = Site.objects.get(is_default_site=True).root_page;"
        f"print(Page.objects.descendant_of(home).get(slug={slug!r},"
        " locale__language_code='en').pk)"
    )


def test_staffordshires_editor_publishes_a_page_and_leicestershires_site_does_not_change(
    browser, live_site
):
    port = urlsplit(live_site).port
    staffordshire = f"http://staffordshire.localhost:{port}"
    public = browser.new_context(viewport=DESKTOP)
    resident = public.new_page()
    before = {
        address: main_content(resident, live_site + address) for address in LEICESTERSHIRE_PAGES
    }
    assert "Staffordshire" not in "".join(before.values())
    new_introduction = (
        "How we use what you tell us on this site: updated by Staffordshire's editor."
    )
    assert new_introduction not in main_content(resident, staffordshire + "/privacy/")

    context, editor = signed_in_staff(
        browser, live_site, "staffordshire-editor", "demo-staffordshire-editor-password"
    )
    staffordshire_ids = set(
        json.loads(
            live_manage(
                "import json; from wagtail.models import Page, Site;"
                "home = Site.objects.get(hostname='staffordshire.localhost').root_page;"
                "print(json.dumps(list(Page.objects.descendant_of(home, inclusive=True)"
                ".values_list('pk', flat=True))))"
            )
        )
    )
    # The page explorer opens at Staffordshire's home page, with its pages only.
    editor.goto("/admin/pages/")
    listing = editor.locator("main").inner_text()
    assert "Communities Delivery Plan" in listing
    assert "Case studies" not in listing  # Leicestershire's and Cambridgeshire's section
    # The admin's page search finds Staffordshire's privacy notice, not Leicestershire's.
    editor.goto("/admin/pages/search/?q=Privacy")
    found = {
        int(href.split("/")[-3])
        for href in editor.locator("main a[href*='/edit/']").evaluate_all(
            "links => links.map(link => link.getAttribute('href'))"
        )
    }
    assert found and found <= staffordshire_ids
    editor.locator("main").get_by_role("link", name="Privacy notice").first.click()
    editor.wait_for_url("**/edit/")
    editor.get_by_role("textbox", name="Introduction").fill(new_introduction)
    editor.locator("footer").get_by_role("button", name="More actions").first.click()
    editor.get_by_role("button", name="Publish", exact=True).click()
    editor.wait_for_url("**/admin/pages/*/")
    assert "has been published" in editor.locator(".messages").inner_text()

    # Leicestershire's pages are not the editor's: the edit view refuses them.
    leicestershire_privacy = leicestershire_page_id("privacy")
    editor.goto(f"/admin/pages/{leicestershire_privacy}/edit/")
    assert "/edit/" not in editor.url
    assert "permission" in editor.locator("body").inner_text().lower()
    # Its explorer sends them back to Staffordshire's pages.
    editor.goto(f"/admin/pages/{leicestershire_page_id('case-studies')}/")
    assert int(editor.url.rstrip("/").split("/")[-1]) in staffordshire_ids
    assert "Market Harborough Dementia Café" not in editor.locator("main").inner_text()
    context.close()

    # Staffordshire's site shows the change at once; Leicestershire's has not moved.
    assert new_introduction in main_content(resident, staffordshire + "/privacy/")
    after = {
        address: main_content(resident, live_site + address) for address in LEICESTERSHIRE_PAGES
    }
    for address in LEICESTERSHIRE_PAGES:
        assert after[address] == before[address], address
    assert new_introduction not in live_manage(
        "from wagtail.models import Page;"
        f"print(Page.objects.get(pk={leicestershire_privacy}).specific.introduction)"
    )
    public.close()


def test_staffordshires_analyst_exports_only_staffordshires_responses(browser, live_site):
    references = json.loads(
        live_manage(
            "import json;"
            "from consultations.models import ConsultationPage as C, Response as R;"
            "from wagtail.models import Site;"
            "sites = {s.hostname: s for s in Site.objects.all()};"
            "staffs = C.objects.descendant_of(sites['staffordshire.localhost'].root_page);"
            "leics = C.objects.descendant_of(Site.objects.get(is_default_site=True).root_page);"
            "keys = lambda pages: pages.values_list('translation_key', flat=True);"
            "refs = lambda pages: sorted(R.objects.filter(consultation_key__in=keys(pages))"
            ".values_list('reference', flat=True));"
            "print(json.dumps({'staffordshire': refs(staffs), 'leicestershire': refs(leics),"
            " 'leicestershire_ids': list(leics.filter(locale__language_code='en')"
            ".values_list('pk', flat=True))}))"
        )
    )
    ours, theirs = set(references["staffordshire"]), set(references["leicestershire"])
    assert len(ours) >= 20 and len(theirs) >= 100

    context, analyst = signed_in_staff(
        browser, live_site, "staffordshire-analyst", "demo-staffordshire-analyst-password"
    )
    analyst.get_by_role("link", name="Consultation responses").click()
    listing = analyst.locator("main").inner_text()
    assert "What would help you do your bit?" in listing
    assert "Have your say on our proposed Communities Strategy" not in listing
    analyst.get_by_role("link", name="What would help you do your bit?").click()
    with analyst.expect_download() as info:
        analyst.get_by_role("link", name="Export to CSV").click()
    download = info.value
    assert download.suggested_filename.endswith(".csv")
    with open(download.path(), encoding="utf-8-sig") as file:
        rows = list(csv.reader(io.StringIO(file.read())))
    header, body = rows[0], rows[1:]
    assert header[0] == "reference"
    exported = {row[0] for row in body}
    assert len(body) == len(exported) == len(ours)
    assert exported == ours
    assert not exported & theirs
    text = "\n".join(",".join(row) for row in rows)
    assert "DEMO-2014-" not in text

    # Leicestershire's consultations' results and exports are not found for them.
    for page_id in references["leicestershire_ids"]:
        for address in (
            f"/admin/consultation-responses/{page_id}/",
            f"/admin/consultation-responses/{page_id}/export.csv",
        ):
            response = analyst.request.get(address)
            assert response.status == 404, address
            assert "DEMO-2014-" not in response.text()
    response = analyst.goto(f"/admin/consultation-responses/{references['leicestershire_ids'][0]}/")
    assert response.status == 404
    assert "Have your say on our proposed Communities Strategy" not in analyst.content()
    context.close()
