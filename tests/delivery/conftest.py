import datetime
from types import SimpleNamespace

import pytest

from delivery.factories import ActionPageFactory, DeliveryPlanPageFactory, MeasureFactory
from strategy.factories import BuildingBlockPageFactory, PriorityPageFactory, StrategyPageFactory


@pytest.fixture
def plan(home):
    """A strategy with two priorities and two building blocks, and its delivery
    plan with two measures and three actions: one on track with figures, one
    at risk, one not started."""
    strategy = StrategyPageFactory(parent=home, title="Communities Strategy", slug="strategy")
    priorities = [
        PriorityPageFactory(parent=strategy, title="Communities support people", slug="support"),
        PriorityPageFactory(parent=strategy, title="Communities run services", slug="services"),
    ]
    blocks = [
        BuildingBlockPageFactory(parent=strategy, title="Volunteers", slug="volunteers"),
        BuildingBlockPageFactory(parent=strategy, title="Community hubs", slug="hubs"),
    ]
    plan = DeliveryPlanPageFactory(
        parent=home, strategy=strategy, title="Action plan 2015", slug="action-plan"
    )
    groups = MeasureFactory(
        name="Voluntary groups supported",
        slug="groups",
        unit="groups",
        description="Groups helped by the support contract.",
        baseline=0,
        baseline_date=datetime.date(2014, 4, 1),
        target=1000,
        target_date=datetime.date(2016, 3, 31),
    )
    money = MeasureFactory(name="Money secured", slug="money", prefix="£", unit="")
    support = ActionPageFactory(
        parent=plan,
        title="Support voluntary groups",
        slug="support-groups",
        reference="3.1",
        lead="Voluntary Action Leicestershire",
        priorities=[priorities[0]],
        building_blocks=[blocks[0]],
        measures=[groups, money],
        updates=[
            {
                "date": datetime.date(2015, 1, 1),
                "status": "on_track",
                "text": "The support contract began.",
            },
            {
                "date": datetime.date(2015, 2, 28),
                "text": "Groups supported to period 11.",
                "measure": groups,
                "value": 847,
            },
            {"date": datetime.date(2015, 3, 1), "measure": money, "value": 450000},
        ],
    )
    buses = ActionPageFactory(
        parent=plan,
        title="Community bus routes",
        slug="buses",
        lead="Transport team",
        priorities=[priorities[1]],
        building_blocks=[blocks[1]],
        updates=[
            {"date": datetime.date(2014, 12, 1), "status": "on_track", "text": "Routes chosen."},
            {"date": datetime.date(2015, 2, 1), "status": "at_risk", "text": "A driver left."},
        ],
    )
    hubs = ActionPageFactory(
        parent=plan,
        title="Open community hubs",
        slug="hubs",
        lead="Communities Team",
        priorities=[priorities[0], priorities[1]],
    )
    return SimpleNamespace(
        strategy=strategy,
        priorities=priorities,
        blocks=blocks,
        page=plan,
        groups=groups,
        money=money,
        support=support,
        buses=buses,
        hubs=hubs,
    )
