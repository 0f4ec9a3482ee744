"""What an action's page shows: its links in the resident's language, its
progress updates newest first, its status history, and a chart and table for
each of its measures of success."""

from case_studies.models import CaseStudyPage
from consultations.models import ConsultationPage
from strategy.models import BuildingBlockPage, PriorityPage

from .localize import live_pages, localized
from .models import Measure
from .series import measure_figures, measure_values

# What action_context gives the template (ActionPage.get_context reads them lazily).
ACTION_KEYS = (
    "plan",
    "priorities",
    "building_blocks",
    "consultations",
    "case_studies",
    "updates",
    "status_history",
    "measures",
)


def action_context(action):
    locale_id = action.locale_id

    def linked(relation, field, model):
        objects = [getattr(link, field) for link in relation.select_related(field)]
        return live_pages(localized(objects, locale_id, model))

    measures = localized(
        [link.measure for link in action.measure_links.select_related("measure")],
        locale_id,
        Measure,
        live=False,
    )
    updates = list(reversed(action.updates_in_order()))
    # Figures in updates name their measure in the resident's language.
    chosen = {measure.pk: measure for measure in measures}
    wanted = {update.measure_id for update in updates if update.measure_id} - set(chosen)
    chosen.update(Measure.objects.in_bulk(wanted) if wanted else {})
    by_key = {
        measure.translation_key: measure
        for measure in localized(list(chosen.values()), locale_id, Measure, live=False)
    }
    for update in updates:
        if update.measure_id and update.measure_id in chosen:
            original = chosen[update.measure_id]
            update.shown_measure = by_key.get(original.translation_key, original)
            update.figure = update.shown_measure.figure(update.value)
    values = measure_values(measures)
    return {
        "plan": action.plan,
        "priorities": linked(action.priority_links, "priority", PriorityPage),
        "building_blocks": linked(action.building_block_links, "building_block", BuildingBlockPage),
        "consultations": linked(action.consultation_links, "consultation", ConsultationPage),
        "case_studies": linked(action.case_study_links, "case_study", CaseStudyPage),
        "updates": updates,
        "status_history": action.status_history(),
        "measures": [
            measure_figures(measure, values.get(measure.translation_key, []))
            for measure in measures
        ],
    }
