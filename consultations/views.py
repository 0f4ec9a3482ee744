"""What each step of a resident's survey does. The routes are thin methods of
``ConsultationPage`` (``consultations.routes``) that call these functions
with the page:

- ``start``: the start page;
- ``answer_section``: one section per page;
- ``check``: check your answers, and send (``submit``);
- ``confirmation``: the reference number;
- ``save``: save and come back later (an emailed link);
- ``resume``: the emailed link.

The Easy Read survey has the same steps (start, sections, check,
confirmation; not save and return), called with ``easy_read=True``. It is the
same survey with its Easy Read wording: the same forms, journey rules and
storage, its own progress in the session, its own templates (their names begin
``easy_read_``), and responses stored with the version "easy_read".

Every step checks that the consultation is open at that moment, and none is
ever cached.

Public limits (``limits.counters``): sending a response and asking for a
save-and-return email are counted per client address, and emails per email
address. Over a limit the resident gets a page with HTTP 429 and Retry-After
that says when to try again; their answers stay in the session untouched. A
response whose receipt would go over its address's limit is still stored, and
the confirmation page says the receipt was not sent. Signs of a bot (the
hidden honeypot field filled in, or the whole survey sent implausibly fast)
are stored on the response for officers to judge: never dropped.
"""

import secrets

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.validators import is_email_address
from limits import counters as limits

from . import keying
from .models.responses import VERSION_EASY_READ, VERSION_STANDARD, SavedSurvey
from .notifications import send_receipt, send_resume_link
from .survey.definitions import EQUALITY_SECTION_KEY
from .survey.forms import answer_lines, field_id
from .survey.storage import SerialAlreadyKeyed, store_response
from .survey.types import registry

BAD_EMAIL = gettext_lazy("Enter an email address in the correct format, like name@example.com")

# The hidden field on the check page that people never see and bots fill in.
HONEYPOT = "website"

TEMPLATES = "pages/survey/"
EASY_READ = "easy_read_"  # the Easy Read routes' and templates' names begin so


def no_cache(response):
    add_never_cache_headers(response)
    return response


def redirect_to(url):
    return no_cache(redirect(url))


def render(page, request, template, status=200, easy_read=False, **extra):
    if easy_read:
        template = EASY_READ + template
    context = page.get_context(request)
    context.update(easy_read=easy_read, keying=keying.keying(request, page, easy_read), **extra)
    return no_cache(TemplateResponse(request, TEMPLATES + template, context, status=status))


def not_open(page, request, easy_read=False):
    """The clear page shown at any step before opening or after closing, or
    None while the consultation is open."""
    now = timezone.now()
    if page.is_open_at(now) or keying.keying(request, page, easy_read):
        # Staff key in paper forms that were posted in time after closing.
        return None
    if not page.has_survey:
        raise Http404
    return render(
        page, request, "not_open.html", easy_read=easy_read, consultation_status=page.status_at(now)
    )


def too_many(page, request, verdict, back_url, easy_read=False):
    """The friendly "try again later" page: HTTP 429 with Retry-After. It
    changes nothing in the session, so every answer given is kept."""
    context = page.get_context(request)
    context.update(easy_read=easy_read, retry_at=verdict.retry_at, back_url=back_url)
    response = TemplateResponse(request, "pages/too_many_requests.html", context, status=429)
    return no_cache(limits.with_retry_after(response, verdict))


# Start --------------------------------------------------------------------------


def start(page, request, easy_read=False):
    closed = not_open(page, request, easy_read)
    if closed:
        return closed
    journey = page.journey(request, easy_read)
    sections = journey.visible_sections()
    in_progress = journey.started and not journey.reference and journey.state.get("done")
    resume_at = journey.first_incomplete() if in_progress else None
    return render(
        page,
        request,
        "start.html",
        easy_read=easy_read,
        first_url=page.section_url(sections[0], request, easy_read),
        print_url=page.survey_url("survey_print", request=request, easy_read=easy_read),
        in_progress=in_progress,
        resume_url=page.section_url(resume_at, request, easy_read)
        if resume_at
        else page.survey_url("survey_check", request=request, easy_read=easy_read),
        total=len(sections),
    )


# Check your answers, and send -------------------------------------------------------


def check(page, request, easy_read=False):
    closed = not_open(page, request, easy_read)
    if closed:
        return closed
    journey = page.journey(request, easy_read)
    if journey.reference:
        return redirect_to(
            page.survey_url("survey_confirmation", request=request, easy_read=easy_read)
        )
    forms, incomplete = journey.validated_forms()
    if incomplete is not None:
        return redirect_to(page.section_url(incomplete, request, easy_read))
    receipt_email = ""
    errors = []
    keyed = keying.keying(request, page, easy_read)
    if request.method == "POST" and keyed:
        return submit_keyed(page, request, journey, forms, keyed)
    if request.method == "POST":
        # The Easy Read check page sends straight away: it offers no receipt.
        receipt_email = "" if easy_read else request.POST.get("receipt_email", "").strip()
        if receipt_email and not is_email_address(receipt_email):
            errors.append(("f-receipt_email", BAD_EMAIL))
        if not errors:
            verdict = limits.check(limits.SURVEY_SUBMIT, limits.client_key(request))
            if not verdict.allowed:
                return too_many(
                    page,
                    request,
                    verdict,
                    page.survey_url("survey_check", request=request, easy_read=easy_read),
                    easy_read,
                )
            flags = review_flags(request, journey)
            return submit(page, request, journey, forms, receipt_email, flags)
    return render(
        page,
        request,
        "check.html",
        status=200,
        easy_read=easy_read,
        summary=answer_summary(page, forms, request, easy_read),
        back_url=page.section_url(forms[-1].section, request, easy_read),
        errors=errors,
        receipt_email=receipt_email,
    )


def answer_summary(page, forms, request, easy_read=False):
    summary = []
    for form in forms:
        form.is_valid()
        rows = []
        for question in form.active_questions():
            rows.append(
                {
                    "label": question.label,
                    "lines": answer_lines(question, form.cleaned, form.other_text),
                    "change_url": page.section_url(form.section, request, easy_read)
                    + "?return=check#"
                    + field_id(first_input(question)),
                }
            )
        summary.append({"section": form.section, "rows": rows})
    return summary


def first_input(question):
    return registry.type_of(question).first_input(question)


def review_flags(request, journey):
    """Signs that a bot sent this, for officers (``Response.review_flags``)."""
    flags = {}
    if request.POST.get(HONEYPOT):
        flags["honeypot"] = True
    seconds = journey.seconds_taken
    if seconds is not None and seconds < settings.SURVEY_MIN_SECONDS:
        flags["too_fast"] = max(0, seconds)
    return flags


def store(page, journey, forms, **extra):
    """Store the journey's answers, in the language of the address it was sent
    from and its version: ``(response, created)``."""
    return store_response(
        page,
        forms,
        journey.token,
        language=translation.get_language() or "en",
        version=VERSION_EASY_READ if journey.easy_read else VERSION_STANDARD,
        **extra,
    )


def submit(page, request, journey, forms, receipt_email, flags=None):
    response, created = store(page, journey, forms, review_flags=flags)
    token = journey.token
    receipt_not_sent = False
    if created:
        limits.record(limits.SURVEY_SUBMIT, limits.client_key(request))
        if receipt_email:
            if limits.check(limits.EMAIL_TO, receipt_email).allowed:
                limits.record(limits.EMAIL_TO, receipt_email)
                receipt_not_sent = not send_receipt(page, request, response, receipt_email)
            else:
                # Never lose a response over the email limit: store it, and
                # say on the confirmation page that no receipt was sent.
                receipt_not_sent = True
    journey.finish(response.reference, receipt_not_sent)
    SavedSurvey.objects.filter(journey_token=token).delete()
    return redirect_to(
        page.survey_url("survey_confirmation", request=request, easy_read=journey.easy_read)
    )


def submit_keyed(page, request, journey, forms, state):
    """Store a response keyed in by staff, then back to the admin for the next
    form. A paper serial keyed before stores nothing and says which response
    has it."""
    keying.stop(request)
    token = journey.token
    try:
        response, _created = store(page, journey, forms, keyed=keying.stored_fields(request, state))
    except SerialAlreadyKeyed as twice:
        journey.start_again()
        messages.error(
            request,
            f"Serial number {state['serial']} was keyed in already, as response "
            f"{twice.response.reference}. Nothing was stored for this form.",
        )
        return redirect_to(keying.admin_url(page))
    journey.start_again()
    SavedSurvey.objects.filter(journey_token=token).delete()
    serial = f", serial number {response.paper_serial}" if response.paper_serial else ""
    messages.success(
        request,
        f"Stored as response {response.reference} ({response.get_channel_display().lower()}"
        f"{serial}). Key in the next one below.",
    )
    return redirect_to(keying.admin_url(page))


def confirmation(page, request, easy_read=False):
    journey = page.journey(request, easy_read)
    if not journey.reference:
        return redirect_to(page.survey_url(request=request, easy_read=easy_read))
    return render(
        page,
        request,
        "confirmation.html",
        easy_read=easy_read,
        reference=journey.reference,
        receipt_not_sent=journey.state.get("receipt_not_sent", False),
    )


# The paper form ----------------------------------------------------------------------


def print_version(page, request, easy_read=False):
    """The whole survey as a form to print and fill in by hand: every section
    and question, numbered, each option a box to tick, and where a question
    or section is only for some people, which answer it follows. Staff print
    it for drop-ins and libraries; residents may print it too."""
    survey = page.easy_read_survey_definition if easy_read else page.survey_definition
    numbers = {}
    sections = []
    for section in survey.sections:
        questions = []
        for question in section.questions:
            numbers[question.key] = len(numbers) + 1
            questions.append(
                {
                    "q": question,
                    "number": numbers[question.key],
                    "kind": registry.type_of(question),
                    "only_if": only_if(survey, question.condition, numbers),
                }
            )
        sections.append(
            {
                "section": section,
                "questions": questions,
                "only_if": only_if(survey, section.condition, numbers),
            }
        )
    return render(
        page,
        request,
        "print.html",
        easy_read=easy_read,
        sections=sections,
        online_url=request.build_absolute_uri(
            page.survey_url(request=request, easy_read=easy_read)
        ),
        other_version_url=(
            page.survey_url("survey_print", request=request, easy_read=not easy_read)
            if page.has_easy_read_survey
            else ""
        ),
    )


def only_if(survey, condition, numbers):
    """Which earlier answer a conditional question or section follows, in the
    words of the paper form: {"number": 3, "answer": "Yes"}."""
    if condition is None:
        return None
    question = survey.question(condition.question)
    if question is None:
        return None
    labels = {option.code: option.label for option in question.options}
    return {
        "number": numbers.get(question.key),
        "answer": labels.get(condition.option, condition.option),
    }


# Save and come back later -----------------------------------------------------------


def save(page, request):
    closed = not_open(page, request)
    if closed:
        return closed
    journey = page.journey(request)
    if not journey.started or journey.reference:
        return redirect_to(page.survey_url(request=request))
    errors = []
    email = ""
    if request.method == "POST":
        email = request.POST.get("email", "").strip()
        if not is_email_address(email):
            errors.append(
                (
                    "f-email",
                    _("Enter an email address in the correct format, like name@example.com")
                    if email
                    else _("Enter your email address"),
                )
            )
        if not errors:
            client = limits.client_key(request)
            verdict = limits.check(limits.SURVEY_SAVE, client)
            if not verdict.allowed:
                return too_many(page, request, verdict, back_to(page, journey))
            to_address = limits.check(limits.EMAIL_TO, email)
            if not to_address.allowed:
                # Refused politely; nothing is saved, the typed address and
                # the answers in the session are kept.
                response = render(
                    page,
                    request,
                    "save.html",
                    status=429,
                    email=email,
                    back_url=back_to(page, journey),
                    email_limit_retry_at=to_address.retry_at,
                )
                return limits.with_retry_after(response, to_address)
            limits.record(limits.SURVEY_SAVE, client)
            limits.record(limits.EMAIL_TO, email)
            SavedSurvey.delete_expired()
            saved = SavedSurvey.objects.filter(journey_token=journey.token).first()
            if saved is None:
                saved = SavedSurvey(
                    token=secrets.token_urlsafe(32),
                    journey_token=journey.token,
                    consultation_key=page.translation_key,
                    page=page,
                )
            saved.email = email
            # Equality answers are never kept beside an email address: they
            # stay in this browser's session only, and a resident who comes
            # back by the link is asked them again (the save page says so).
            saved.answers, saved.done = without_equality(
                journey.answers, journey.state.get("done") or []
            )
            saved.expires_at = page.closes_at
            saved.save()
            send_resume_link(page, request, saved)
            return render(page, request, "saved.html", email=email)
    return render(
        page, request, "save.html", errors=errors, email=email, back_url=back_to(page, journey)
    )


def without_equality(answers, done):
    """A journey's answers and finished sections, less the equality section."""
    keep = {key: value for key, value in answers.items() if key != EQUALITY_SECTION_KEY}
    return keep, [key for key in done if key != EQUALITY_SECTION_KEY]


def back_to(page, journey):
    section = journey.first_incomplete()
    if section is None:
        return page.survey_url("survey_check")
    return page.section_url(section)


def resume(page, request, token):
    closed = not_open(page, request)
    if closed:
        SavedSurvey.objects.filter(consultation_key=page.translation_key).delete()
        return closed
    saved = SavedSurvey.objects.filter(
        token=token, consultation_key=page.translation_key, expires_at__gt=timezone.now()
    ).first()
    if saved is None:
        return render(page, request, "resume_invalid.html", status=404)
    journey = page.journey(request)
    journey.restore(saved.journey_token, saved.answers, saved.done)
    return redirect_to(back_to(page, journey))


# One section ----------------------------------------------------------------------


def answer_section(page, request, section_key, easy_read=False):
    journey = page.journey(request, easy_read)
    section = journey.survey.section(section_key)
    if section is None:
        raise Http404
    closed = not_open(page, request, easy_read)
    if closed:
        return closed
    journey.start()

    def url(name):
        return page.survey_url(name, request=request, easy_read=easy_read)

    if not journey.can_visit(section):
        target = journey.first_incomplete()
        if target is None:
            return redirect_to(url("survey_check"))
        return redirect_to(page.section_url(target, request, easy_read))
    returning = request.GET.get("return") == "check" or request.POST.get("return") == "check"
    show_errors = False
    if request.method == "POST":
        form = journey.form(section, request.POST)
        # Save and come back later is in the standard survey only.
        if request.POST.get("action") == "save" and not easy_read:
            journey.answers[section.key] = form.kept_data()
            journey.save()
            return redirect_to(url("survey_save"))
        if form.is_valid():
            journey.record(section, form)
            following = None if returning else journey.next(section)
            if following is None:
                return redirect_to(url("survey_check"))
            return redirect_to(page.section_url(following, request, easy_read))
        # Keep what was typed, on the server, and mark the section unfinished.
        journey.answers[section.key] = form.kept_data()
        done = journey.state.get("done") or []
        if section.key in done:
            done.remove(section.key)
        journey.save()
        show_errors = True
    else:
        form = journey.form(section)
    number, total = journey.position(section)
    previous = journey.previous(section)
    if returning:
        back_url = url("survey_check")
    elif previous:
        back_url = page.section_url(previous, request, easy_read)
    else:
        back_url = url("survey_start")
    questions = form.display(show_errors=show_errors)
    return render(
        page,
        request,
        "section.html",
        easy_read=easy_read,
        section=section,
        questions=questions,
        single_question=questions[0] if len(questions) == 1 else None,
        errors=form.error_list() if show_errors else [],
        number=number,
        total=total,
        back_url=back_url,
        returning=returning,
    )
