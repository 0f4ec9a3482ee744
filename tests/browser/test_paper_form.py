"""The open survey's paper form, printed from the browser to A4: axe passes on
screen, and in print nothing is wider than the page or cut off, in English,
Urdu and Easy Read."""

import pytest

from .conftest import assert_no_axe_violations

pytestmark = pytest.mark.browser

CONSULTATION = "/have-your-say/communities-approach-2022-26/"
# A4 less the form's 15 mm margins, in CSS pixels (96 to the inch).
PRINTABLE_WIDTH = round((210 - 30) / 25.4 * 96)

OVERFLOWING = """(width) => {
  const wide = [];
  for (const element of document.querySelectorAll('.app-paper-form *')) {
    const box = element.getBoundingClientRect();
    if (box.width > 0 && (box.right > width + 1 || box.left < -1)) {
      wide.push(element.tagName + '.' + element.className + ' ' + Math.round(box.right));
    }
    if (element.scrollWidth > element.clientWidth + 1
        && getComputedStyle(element).overflowX !== 'visible') {
      wide.push('scrolls: ' + element.tagName + '.' + element.className);
    }
  }
  return wide.slice(0, 10);
}"""


@pytest.mark.parametrize(
    "path",
    [
        f"{CONSULTATION}survey/print/",
        f"/ur{CONSULTATION}survey/print/",
        f"{CONSULTATION}easy-read/survey/print/",
    ],
)
def test_the_paper_form_prints_to_a4_with_nothing_cut_off(page, path, tmp_path):
    assert page.goto(path).status == 200
    assert page.locator(".app-paper-form__question").count() >= 5
    assert_no_axe_violations(page)

    page.emulate_media(media="print")
    page.set_viewport_size({"width": PRINTABLE_WIDTH, "height": 1000})
    # In print only the form shows: no menus, footer or on-screen help.
    for hidden in (".govuk-footer", ".govuk-service-navigation", ".app-no-print"):
        assert not page.locator(hidden).first.is_visible()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PRINTABLE_WIDTH
    assert page.evaluate(OVERFLOWING, PRINTABLE_WIDTH) == []

    pdf = tmp_path / "form.pdf"
    page.pdf(path=str(pdf), format="A4", prefer_css_page_size=True)
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000
