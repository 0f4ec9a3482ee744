"""Demo council details, standard pages and development logins."""

from core.demo import easy_read
from core.models import ContactPage, StandardPage

COUNCIL = {
    "council_name": "Leicestershire County Council",
    "phone": "0116 305 6977",
    "email": "future@leics.gov.uk",
    "opening_hours": "Monday to Friday, 8.30am to 5pm",
    "postal_address": "Communities Team\nCounty Hall\nGlenfield\nLeicestershire\nLE3 8RA",
}

# A simple emblem drawn for the demo: a circle of eight dots (the eight building
# blocks) around a house. The council's real logo is uploaded in the admin.
LOGO_SVG = b"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 80 80" width="80" height="80">
<circle cx="40" cy="40" r="38" fill="#ffffff"/>
<g fill="#1d70b8">
<circle cx="40" cy="10" r="5"/><circle cx="61" cy="19" r="5"/><circle cx="70" cy="40" r="5"/>
<circle cx="61" cy="61" r="5"/><circle cx="40" cy="70" r="5"/><circle cx="19" cy="61" r="5"/>
<circle cx="10" cy="40" r="5"/><circle cx="19" cy="19" r="5"/>
<path d="M40 24 L56 38 L52 38 L52 54 L28 54 L28 38 L24 38 Z"/>
</g>
</svg>
"""

ACCESSIBILITY_INTRO = (
    "How accessible this website is, what we know does not work yet, and how to tell us "
    "about a problem."
)

ACCESSIBILITY_BODY = [
    (
        "paragraph",
        "<p>This statement applies to the county council's engagement website, where we "
        "publish our communities strategy and run public consultations.</p>"
        "<p>We want as many people as possible to be able to use this website. You should "
        "be able to:</p><ul><li>change colours, contrast levels and fonts using your browser "
        "or device settings</li><li>zoom in up to 400% without the text spilling off the "
        "screen</li><li>move through the whole site, and answer every survey, with a "
        "keyboard alone</li><li>use the site with a screen reader</li><li>read pages in "
        "Gujarati, Punjabi, Bengali, Urdu, Traditional Chinese or Polish</li><li>read Easy "
        "Read versions of the strategy and our consultations</li></ul>"
        "<p>We have also made the text as simple as we can.</p>",
    ),
    ("heading", {"text": "How accessible this website is", "size": "h2"}),
    (
        "paragraph",
        "<p>We know some parts of this website are not fully accessible. These are listed "
        "under 'Non-accessible content' below, with the date we expect to fix each one.</p>",
    ),
    ("heading", {"text": "Feedback and contact information", "size": "h2"}),
    (
        "paragraph",
        "<p>If you need information on this website in a different format, like accessible "
        "PDF, large print, Easy Read, audio recording or Braille, use our contact page or "
        "ring 0116 305 6977. We will consider your request and get back to you within 10 "
        "working days.</p>",
    ),
    ("heading", {"text": "Reporting accessibility problems with this website", "size": "h2"}),
    (
        "paragraph",
        "<p>We are always looking to improve the accessibility of this website. If you find "
        "any problems not listed on this page or think we are not meeting accessibility "
        "requirements, email future@leics.gov.uk or ring 0116 305 6977.</p>",
    ),
    ("heading", {"text": "Enforcement procedure", "size": "h2"}),
    (
        "paragraph",
        "<p>The Equality and Human Rights Commission (EHRC) is responsible for enforcing the "
        "Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility "
        "Regulations 2018 (the 'accessibility regulations'). If you are not happy with how we "
        "respond to your complaint, contact the "
        '<a href="https://www.equalityadvisoryservice.com/">Equality Advisory and Support '
        "Service (EASS)</a>.</p>",
    ),
    ("heading", {"text": "Technical information about this website's accessibility", "size": "h2"}),
    (
        "paragraph",
        "<p>The county council is committed to making its website accessible, in accordance "
        "with the accessibility regulations.</p>",
    ),
    ("heading", {"text": "Compliance status", "size": "h3"}),
    (
        "paragraph",
        "<p>This website is partially compliant with the Web Content Accessibility Guidelines "
        "version 2.2 AA standard, due to the non-compliances listed below.</p>",
    ),
    ("heading", {"text": "Non-accessible content", "size": "h2"}),
    (
        "table",
        {
            "caption": "Known problems, the guideline each one fails and when we will fix it",
            "table": {
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "data": [
                    ["Problem", "WCAG 2.2 success criterion", "When we will fix it"],
                    [
                        "Some older documents are PDFs that are not tagged for screen readers.",
                        "1.3.1 Info and Relationships",
                        "We publish new documents as web pages; older PDFs by 31 March 2027.",
                    ],
                    [
                        "Some images in older case studies have alt text that does not describe "
                        "them well.",
                        "1.1.1 Non-text Content",
                        "31 January 2027",
                    ],
                ],
            },
        },
    ),
    ("heading", {"text": "Disproportionate burden", "size": "h3"}),
    ("paragraph", "<p>We are not claiming a disproportionate burden for any content.</p>"),
    ("heading", {"text": "Content that is not within the scope of the regulations", "size": "h3"}),
    (
        "paragraph",
        "<p>PDFs and other documents published before 23 September 2018 are exempt if they are "
        "not needed to use our services. Where you need one, we will provide it in another "
        "format.</p>",
    ),
    ("heading", {"text": "How we tested this website", "size": "h2"}),
    (
        "paragraph",
        "<p>Every page type, in every language and in Easy Read, is tested automatically with "
        "axe-core in a real browser each time the site changes. People using screen readers "
        "and keyboards also test it.</p>"
        "<p>This statement was prepared on 24 November 2026. It was last reviewed on 24 "
        "November 2026.</p>",
    ),
]

PRIVACY_BODY = [
    ("heading", {"text": "Who we are", "size": "h2"}),
    (
        "paragraph",
        "<p>The county council is the data controller for the personal information you give "
        "us on this website.</p>",
    ),
    ("heading", {"text": "What we collect and why", "size": "h2"}),
    (
        "paragraph",
        "<p>When you answer a consultation we keep your answers to understand what residents "
        "think and to report on the consultation. We only ask for your name or email address "
        "where you choose to give them, for example to get a receipt or to come back to a "
        "survey later.</p>"
        "<p>Equality monitoring questions are optional. We keep those answers apart from your "
        "other answers and only a few named officers can see them.</p>",
    ),
    ("heading", {"text": "How long we keep it", "size": "h2"}),
    (
        "paragraph",
        "<p>We delete email addresses as soon as you have submitted your response, or when "
        "the consultation closes. We remove other personal information from responses at "
        "the end of each consultation's retention period.</p>",
    ),
    ("heading", {"text": "Your rights", "size": "h2"}),
    (
        "paragraph",
        "<p>You can ask to see the information we hold about you, ask us to correct it, or "
        "ask us to delete your response. Email future@leics.gov.uk or ring 0116 305 6977.</p>"
        "<p>If you are unhappy with how we have used your information, you can complain to "
        '<a href="https://ico.org.uk/make-a-complaint/">the Information Commissioner\'s '
        "Office</a>.</p>",
    ),
]

COOKIES_BODY = [
    (
        "paragraph",
        "<p>Cookies are small files saved on your phone, tablet or computer when you visit a "
        "website.</p><p>This website only uses cookies that it needs to work. We do not use "
        "cookies to track you or to measure how you use the site, so we do not ask you to "
        "accept them.</p>",
    ),
    (
        "table",
        {
            "caption": "Cookies this website sets",
            "table": {
                "first_row_is_table_header": True,
                "first_col_is_header": True,
                "data": [
                    ["Name", "What it is for", "When it expires"],
                    ["csrftoken", "Stops other websites sending forms in your name", "1 year"],
                    [
                        "sessionid",
                        "Remembers your answers while you fill in a survey",
                        "When the survey closes, or 2 weeks after your last answer",
                    ],
                    ["django_language", "Remembers the language you chose", "1 year"],
                ],
            },
        },
    ),
]

CONTACT_BODY = [
    (
        "paragraph",
        "<p>You can ring us on 0116 305 6977, Monday to Friday, 8.30am to 5pm, or email "
        "future@leics.gov.uk.</p><p>If you would like help to understand this information in "
        "your language, ring 0116 305 6977 and we will arrange for someone to help you.</p>",
    ),
    (
        "callout",
        {
            "text": "<p>Every document and survey on this site is available in large print, "
            "Easy Read, audio, Braille and other languages. Use the form below to ask for "
            "one.</p>"
        },
    ),
]


def load(loader):
    home = loader.home
    logo = loader.image("Council emblem (demo)", "council-emblem.svg", LOGO_SVG, collection="Site")
    accessibility = loader.page(
        home,
        StandardPage,
        "accessibility-statement",
        title="Accessibility statement",
        introduction=ACCESSIBILITY_INTRO,
        body=loader.stream(ACCESSIBILITY_BODY),
        listing_summary="How accessible this website is and how to report a problem.",
    )
    privacy = loader.page(
        home,
        StandardPage,
        "privacy",
        title="Privacy notice",
        introduction="What we do with the information you give us on this website.",
        body=loader.stream(PRIVACY_BODY),
        listing_summary="What we do with the information you give us.",
    )
    cookies = loader.page(
        home,
        StandardPage,
        "cookies",
        title="Cookies",
        introduction="The small files this website saves on your device, and why.",
        body=loader.stream(COOKIES_BODY),
        listing_summary="The cookies this website uses.",
    )
    contact = loader.page(
        home,
        ContactPage,
        "contact",
        title="Contact us and ask for another format",
        introduction="Get in touch with the communities team, or ask for a document in "
        "large print, Easy Read, audio, Braille or another language.",
        body=loader.stream(CONTACT_BODY),
        thank_you_text="<p>Thank you. We will reply within 10 working days.</p>",
        listing_summary="Ring, email or ask for a document in another format.",
        show_in_menus=True,
    )
    loader.council_settings(
        logo=logo,
        accessibility_page=accessibility,
        privacy_page=privacy,
        cookies_page=cookies,
        contact_page=contact,
        **COUNCIL,
    )
    easy_read.load(loader)
    loader.demo_login("admin", "demo-admin-password", superuser=True)
    loader.demo_login("editor", "demo-editor-password", groups=["Editors"])
    loader.demo_login(
        "analyst",
        "demo-analyst-password",
        groups=["Consultation analysts"],
        role="analyst (responses, without equality answers)",
    )
    loader.demo_login(
        "equality",
        "demo-equality-password",
        groups=["Consultation analysts", "Equality data"],
        role="analyst with equality data",
    )
    loader.say("  council details, standard pages and contact page")
