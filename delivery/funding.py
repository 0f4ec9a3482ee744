"""What a funding programme's page shows: its rounds, their totals, and its
funded projects with their case studies in the resident's language. A fixed
number of queries however many rounds and projects it has."""

from .localize import localized
from .models.funding import money


def sum_of(rounds, field):
    """The rounds' figures added up, or None where no round gives one."""
    values = [getattr(r, field) for r in rounds if getattr(r, field) is not None]
    return sum(values) if values else None


def programme_context(page):
    from case_studies.models import CaseStudyPage

    rounds = list(page.rounds.all())
    projects = list(page.projects.all())
    studies = (
        CaseStudyPage.objects.live()
        .public()
        .in_bulk({project.case_study_id for project in projects if project.case_study_id})
    )
    shown = {
        study.translation_key: study
        for study in localized(studies.values(), page.locale_id, CaseStudyPage)
    }
    for project in projects:
        study = studies.get(project.case_study_id)
        project.shown_case_study = shown.get(study.translation_key) if study else None
    totals = {}
    if len(rounds) > 1:
        totals = {
            name: sum_of(rounds, field)
            for name, field in (
                ("committed", "amount_committed"),
                ("outline_proposals", "outline_proposals"),
                ("full_applications", "full_applications"),
                ("requested", "amount_requested"),
            )
        }
    return {
        "rounds": rounds,
        "projects": projects,
        "plan": page.get_parent(),
        "totals": {
            "committed": money(totals.get("committed")),
            "outline_proposals": totals.get("outline_proposals"),
            "full_applications": totals.get("full_applications"),
            "requested": money(totals.get("requested")),
        }
        if totals
        else None,
        "has": {
            name: any(getattr(r, name) is not None for r in rounds)
            for name in (
                "opened",
                "decided",
                "amount_available",
                "amount_committed",
                "outline_proposals",
                "full_applications",
                "amount_requested",
            )
        },
    }
