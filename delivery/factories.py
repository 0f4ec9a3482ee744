"""Test factories of delivery plans, their actions, progress updates and
measures of success.

    plan = DeliveryPlanPageFactory(parent=home, strategy=strategy)
    action = ActionPageFactory(
        parent=plan,
        priorities=[priority],
        measures=[measure],
        updates=[
            {"date": date(2015, 1, 1), "status": "on_track", "text": "Contract began."},
            {"date": date(2015, 2, 28), "measure": measure, "value": 847},
        ],
    )

An action's status is worked out from its updates when it is saved, as in
the admin."""

import datetime

import factory
import wagtail_factories

from .models import (
    ActionBuildingBlock,
    ActionCaseStudy,
    ActionConsultation,
    ActionMeasure,
    ActionPage,
    ActionPriority,
    DeliveryPlanPage,
    FundedProject,
    FundingProgrammePage,
    FundingRound,
    Measure,
    ProgressReportPage,
    ProgressUpdate,
    WorkstreamPage,
)


class DeliveryPlanPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Delivery plan {n}")
    introduction = "What the council will do, and how far it has got."
    period = "2015 to 2016"

    class Meta:
        model = DeliveryPlanPage


class WorkstreamPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Workstream {n}")
    introduction = "A part of the plan with its own board."
    lead = "Communities Board"

    class Meta:
        model = WorkstreamPage


class MeasureFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Groups supported {n}")
    slug = factory.Sequence(lambda n: f"groups-supported-{n}")
    unit = "groups"

    class Meta:
        model = Measure


def link_rows(action, relation, model, field, pages):
    for order, page in enumerate(pages):
        getattr(action, relation).add(model(**{field: page, "sort_order": order}))


class ActionPageFactory(wagtail_factories.PageFactory):
    """An action. ``priorities``, ``building_blocks``, ``measures``,
    ``consultations`` and ``case_studies`` link it; ``updates`` (a list of
    dicts of ``ProgressUpdate`` fields) gives it progress."""

    title = factory.Sequence(lambda n: f"Action {n}")
    introduction = "Something the council will do."
    lead = "Communities Team"
    start_date = datetime.date(2015, 1, 1)
    due_date = datetime.date(2016, 3, 31)

    class Meta:
        model = ActionPage
        skip_postgeneration_save = True

    @factory.post_generation
    def priorities(self, create, extracted, **kwargs):
        link_rows(self, "priority_links", ActionPriority, "priority", extracted or [])

    @factory.post_generation
    def building_blocks(self, create, extracted, **kwargs):
        link_rows(
            self, "building_block_links", ActionBuildingBlock, "building_block", extracted or []
        )

    @factory.post_generation
    def measures(self, create, extracted, **kwargs):
        link_rows(self, "measure_links", ActionMeasure, "measure", extracted or [])

    @factory.post_generation
    def consultations(self, create, extracted, **kwargs):
        link_rows(self, "consultation_links", ActionConsultation, "consultation", extracted or [])

    @factory.post_generation
    def case_studies(self, create, extracted, **kwargs):
        link_rows(self, "case_study_links", ActionCaseStudy, "case_study", extracted or [])

    @factory.post_generation
    def updates(self, create, extracted, **kwargs):
        # The hooks above add links in memory; this last one saves them all.
        for order, fields in enumerate(extracted or []):
            self.updates.add(ProgressUpdate(sort_order=order, **fields))
        if create:
            self.save()


def add_update(action, **fields):
    """A progress update added as the admin adds one: to the page's updates,
    then the page saved (which works out its status again)."""
    action = ActionPage.objects.get(pk=action.pk)
    count = action.updates.count()
    action.updates.add(ProgressUpdate(sort_order=count, **fields))
    action.save()
    return action


class ProgressReportPageFactory(wagtail_factories.PageFactory):
    title = "Progress from November 2014 to March 2015"
    period_start = datetime.date(2014, 11, 1)
    period_end = datetime.date(2015, 3, 31)
    introduction = "What was done in the first five months."

    class Meta:
        model = ProgressReportPage


class FundingProgrammePageFactory(wagtail_factories.PageFactory):
    """A funding programme. ``rounds`` and ``projects`` (lists of dicts of
    ``FundingRound`` and ``FundedProject`` fields) give it its figures."""

    title = factory.Sequence(lambda n: f"Funding programme {n}")
    introduction = "Grants for community groups."

    class Meta:
        model = FundingProgrammePage
        skip_postgeneration_save = True

    @factory.post_generation
    def rounds(self, create, extracted, **kwargs):
        for order, fields in enumerate(extracted or []):
            self.rounds.add(FundingRound(sort_order=order, **fields))

    @factory.post_generation
    def projects(self, create, extracted, **kwargs):
        for order, fields in enumerate(extracted or []):
            self.projects.add(FundedProject(sort_order=order, **fields))
        if create:
            self.save()
