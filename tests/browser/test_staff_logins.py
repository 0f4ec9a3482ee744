"""Staff sign-ins in a real browser: ten wrong passwords lock an account
with a clear page; an analyst reaches no response until they have set up an
authenticator app from the secret the page shows; and the admin works under
its Content-Security-Policy."""

import re

from .conftest import (
    DESKTOP,
    STAFF_SECRETS,
    assert_no_axe_violations,
    live_manage,
    sign_in_staff,
    staff_code,
)


def make_live_staff(username, groups=()):
    live_manage(
        "from django.contrib.auth.models import Group, User;"
        f"u = User.objects.create_user({username!r}, password='a-long-test-password-1',"
        " is_staff=True);"
        f"u.groups.add(*Group.objects.filter(name__in={list(groups)!r}));"
        "print(u.pk)"
    )


def try_password(page, username, password):
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def test_ten_wrong_passwords_lock_the_account_with_a_clear_message(browser, live_site):
    make_live_staff("locked-out-editor", ["Editors"])
    context = browser.new_context(base_url=live_site, viewport=DESKTOP)
    page = context.new_page()
    try:
        for _ in range(9):
            try_password(page, "locked-out-editor", "not-the-password")
            assert "Your username and password didn't match" in page.inner_text("main")
        try_password(page, "locked-out-editor", "not-the-password")
        assert page.get_by_role("heading", level=1).inner_text() == "Signing in is locked"
        text = page.inner_text("main")
        assert "too many wrong passwords for this account" in text
        assert "locked for 30 minutes" in text
        assert re.search(r"You can try again after \d\d:\d\d", text)
        assert "contact an administrator" in text
        assert_no_axe_violations(page)

        # The right password is refused too while the lock lasts.
        try_password(page, "locked-out-editor", "a-long-test-password-1")
        assert page.get_by_role("heading", level=1).inner_text() == "Signing in is locked"
        assert "/admin/login/" in page.url
    finally:
        # The other browser tests sign in from the same address.
        live_manage("from axes.utils import reset; print(reset(username='locked-out-editor'))")
        context.close()


def test_an_analyst_reaches_responses_only_after_setting_up_a_second_factor(browser, live_site):
    make_live_staff("new-analyst", ["Consultation analysts"])
    context = browser.new_context(base_url=live_site, viewport=DESKTOP)
    page = context.new_page()
    try_password(page, "new-analyst", "a-long-test-password-1")
    assert "/admin/two-step/set-up/" in page.url
    # The password alone opens neither the responses nor the dashboard.
    for address in ["/admin/", "/admin/consultation-responses/"]:
        page.goto(address)
        assert "/admin/two-step/set-up/" in page.url
        assert page.get_by_role("heading", level=1).inner_text() == ("Set up two-step verification")
    assert page.get_by_role("img", name="QR code").is_visible()
    secret = page.locator("#secret-key-plain").inner_text()
    assert re.fullmatch(r"[A-Z2-7]{32}", secret)
    assert page.locator("#secret-key").inner_text().replace(" ", "") == secret
    assert_no_axe_violations(page)

    field = page.get_by_label("Code from your authenticator app")
    assert field.get_attribute("autocomplete") == "one-time-code"
    assert field.get_attribute("inputmode") == "numeric"
    field.fill("12345")
    page.get_by_role("button", name="Confirm and continue").click()
    summary = page.get_by_role("alert")
    assert "Enter the code as 6 digits" in summary.inner_text()
    assert_no_axe_violations(page)
    summary.get_by_role("link").click()
    assert page.evaluate("document.activeElement.id") == "id_code"

    STAFF_SECRETS["new-analyst"] = secret
    page.get_by_label("Code from your authenticator app").fill(staff_code("new-analyst"))
    page.get_by_role("button", name="Confirm and continue").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Your recovery codes"
    codes = page.locator(".staff-logins-codes li").all_inner_texts()
    assert len(codes) == 10
    assert_no_axe_violations(page)
    page.get_by_role("link", name="I have kept my codes: continue").click()
    assert "/admin/consultation-responses/" in page.url
    page.get_by_role("heading", name="Consultation responses").first.wait_for()
    context.close()

    # A later sign-in asks for the code; then the responses open.
    context = browser.new_context(base_url=live_site, viewport=DESKTOP)
    page = context.new_page()
    try_password(page, "new-analyst", "a-long-test-password-1")
    assert "/admin/two-step/verify/" in page.url
    page.goto("/admin/consultation-responses/")
    assert "/admin/two-step/verify/" in page.url
    assert_no_axe_violations(page)
    page.get_by_label("Code from your authenticator app").fill(staff_code("new-analyst"))
    page.get_by_role("button", name="Continue").click()
    assert "/admin/consultation-responses/" in page.url
    page.get_by_role("heading", name="Consultation responses").first.wait_for()
    context.close()


def test_the_admin_works_under_its_content_security_policy(browser, live_site):
    context = browser.new_context(base_url=live_site, viewport=DESKTOP)
    context.add_init_script(
        "window.__cspViolations = [];"
        "document.addEventListener('securitypolicyviolation', (e) =>"
        " window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    page = context.new_page()
    console = []
    page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: console.append(str(error)))
    # Every address a frame inside the page was sent to, named if one is refused.
    framed = []

    def note_framed(request):
        if request.is_navigation_request() and request.frame.parent_frame:
            framed.append(request.url)

    page.on("request", note_framed)

    def violations():
        return page.evaluate("window.__cspViolations")

    sign_in_staff(page, "admin", "demo-admin-password")
    assert violations() == []
    page_id = live_manage(  # a page whose listing picture is not chosen yet
        "from wagtail.models import Page;"
        "print(next(p.pk for p in Page.objects.filter(locale__language_code='en', depth__gt=2)"
        ".specific() if getattr(p, 'listing_image_id', 0) is None))"
    )
    for address in ["/admin/", "/admin/pages/", "/admin/images/", "/admin/two-step/security/"]:
        page.goto(address)
        page.wait_for_load_state("networkidle")
        assert violations() == [], address

    # The page editor, its image chooser and its preview panel.
    page.goto(f"/admin/pages/{page_id}/edit/")
    page.wait_for_load_state("networkidle")
    chooser = page.locator("button[data-chooser-action-choose]", has_text="Choose an image")
    for tab in page.get_by_role("tab").all():
        tab.click()
        visible = [button for button in chooser.all() if button.is_visible()]
        if visible:
            visible[0].click()
            break
    else:
        raise AssertionError("no image chooser on the page's form")
    modal = page.locator(".modal-dialog")
    modal.wait_for(state="visible")
    modal.locator("a.image-choice, [data-chooser-modal-choice]").first.click()
    modal.wait_for(state="hidden")
    page.get_by_role("button", name="Toggle preview").click()
    page.frame_locator("iframe").first.locator("body").wait_for()
    page.wait_for_load_state("networkidle")
    assert violations() == []
    assert not [line for line in console if "Content Security Policy" in line], (console, framed)
    context.close()
