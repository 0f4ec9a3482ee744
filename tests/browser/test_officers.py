"""Officers in the Wagtail admin: an analyst filters the closed demo
consultation to one district and exports it to Excel; an editor finds no
answers anywhere."""

from openpyxl import load_workbook

from .conftest import assert_no_axe_violations, live_manage, signed_in_staff


def test_an_analyst_filters_to_one_district_and_exports_to_excel(browser, live_site):
    context, page = signed_in_staff(browser, live_site, "analyst", "demo-analyst-password")
    page.get_by_role("link", name="Consultation responses").click()
    page.get_by_role("link", name="Have your say on our proposed Communities Strategy").click()
    page.get_by_label("Area", exact=True).select_option(label="Charnwood")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**district=charnwood**")
    assert "Area: Charnwood" in page.locator(".officer-applied").inner_text()

    expected = int(
        live_manage(
            "from consultations.models import Response, ConsultationPage as C;"
            "p = C.objects.get(slug='communities-strategy-2014', locale__language_code='en');"
            "print(Response.objects.filter(consultation_key=p.translation_key,"
            " district='charnwood').count())"
        )
    )
    assert expected > 0
    assert f"{expected} responses" in page.locator(".officer-lead").inner_text()

    with page.expect_download() as info:
        page.get_by_role("link", name="Export to Excel (.xlsx)").click()
    download = info.value
    assert download.suggested_filename.endswith(".xlsx")
    with open(download.path(), "rb") as file:
        book = load_workbook(file)
    rows = list(book["Responses"].iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert len(body) == expected
    assert header[:6] == (
        "reference",
        "submitted_at",
        "language",
        "version",
        "respondent_type",
        "district",
    )
    assert "priority_agreement:priority_1" in header
    assert "community_could_do" in header
    assert not [name for name in header if name.startswith("equality:")]
    assert {row[header.index("district")] for row in body} == {"charnwood"}
    assert len({row[0] for row in body}) == expected
    context.close()


def test_an_editor_cannot_reach_any_answer(browser, live_site):
    context, page = signed_in_staff(browser, live_site, "editor", "demo-editor-password")
    assert page.get_by_role("link", name="Consultation responses").count() == 0
    page_id = live_manage(
        "from consultations.models import ConsultationPage as C;"
        "print(C.objects.get(slug='communities-strategy-2014', locale__language_code='en').pk)"
    )
    page.goto(f"/admin/pages/{page_id}/edit/")
    assert page.get_by_role("link", name="Responses").count() == 0
    page.goto(f"/admin/consultation-responses/{page_id}/")
    assert page.url.endswith("/admin/")
    assert "permission" in page.locator("body").inner_text().lower()
    context.close()


def test_the_officers_pages_pass_axe(browser, live_site):
    context, page = signed_in_staff(browser, live_site, "equality", "demo-equality-password")
    page_id = live_manage(
        "from consultations.models import ConsultationPage as C;"
        "print(C.objects.get(slug='communities-strategy-2014', locale__language_code='en').pk)"
    )
    base = f"/admin/consultation-responses/{page_id}/"
    for address in [
        "/admin/consultation-responses/",
        base,
        base + "?district=melton&language=en",
        base + "?date_from=2014-09-02&date_to=2014-06-01",  # the error state
        base + "responses/",
        base + "text/community_could_do/",
        "/admin/consultation-responses/audit/",
    ]:
        page.goto(address)
        assert_no_axe_violations(page)
    page.goto(base + "responses/")
    page.locator("table a").first.click()
    assert_no_axe_violations(page)
    context.close()
