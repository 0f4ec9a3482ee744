"""Where each strategy page type may go, and what staff can create in the admin."""

from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, rich_text, streamfield

from home.models import HomePage
from home.setup import ensure_site
from strategy.factories import (
    BuildingBlockPageFactory,
    CommunitiesModelPageFactory,
    ForewordPageFactory,
    PriorityPageFactory,
    StrategyPageFactory,
)
from strategy.models import (
    BuildingBlockPage,
    CommunitiesModelPage,
    ForewordPage,
    PriorityPage,
    StrategyPage,
    StrategySectionPage,
)
from tests.form_data import page_form_data
from tests.signing_in import VerifiedLoginMixin

PARTS = {ForewordPage, StrategySectionPage, CommunitiesModelPage, PriorityPage, BuildingBlockPage}


def english_home():
    """The English home page served by the default site, as setup_site makes it
    (these Django test cases cannot use the pytest ``home`` fixture)."""
    return HomePage.objects.get(pk=ensure_site().root_page_id)


class PageTypeRulesTests(WagtailPageTestCase):
    def test_a_strategy_sits_under_the_home_page(self):
        self.assertAllowedParentPageTypes(StrategyPage, {HomePage})

    def test_the_home_page_accepts_strategies(self):
        self.assertCanCreateAt(HomePage, StrategyPage)

    def test_a_strategy_holds_its_parts_and_nothing_else(self):
        self.assertAllowedSubpageTypes(StrategyPage, PARTS)

    def test_every_part_lives_only_inside_a_strategy_and_has_no_children(self):
        for part in PARTS:
            with self.subTest(part=part.__name__):
                self.assertAllowedParentPageTypes(part, {StrategyPage})
                self.assertAllowedSubpageTypes(part, set())

    def test_one_foreword_and_one_model_per_strategy_any_number_of_the_rest(self):
        self.assertEqual(ForewordPage.max_count_per_parent, 1)
        self.assertEqual(CommunitiesModelPage.max_count_per_parent, 1)
        for part in (StrategySectionPage, PriorityPage, BuildingBlockPage):
            self.assertIsNone(part.max_count_per_parent)
        self.assertIsNone(StrategyPage.max_count)

    def test_a_second_foreword_or_model_cannot_be_added(self):
        strategy = StrategyPageFactory(parent=english_home())
        ForewordPageFactory(parent=strategy)
        CommunitiesModelPageFactory(parent=strategy)
        self.assertFalse(ForewordPage.can_create_at(strategy))
        self.assertFalse(CommunitiesModelPage.can_create_at(strategy))
        self.assertTrue(PriorityPage.can_create_at(strategy))

    def test_every_page_type_explains_itself_to_staff(self):
        for model in PARTS | {StrategyPage}:
            with self.subTest(model=model.__name__):
                self.assertTrue(model.__doc__ and len(model.__doc__) > 40)


class AdminTests(VerifiedLoginMixin, WagtailPageTestCase):
    def setUp(self):
        self.login()
        self.home = english_home()
        self.strategy = StrategyPageFactory(parent=self.home)
        self.blocks = [BuildingBlockPageFactory(parent=self.strategy) for _ in range(2)]

    def test_staff_create_and_publish_a_priority_with_its_building_blocks(self):
        self.assertCanCreate(
            self.strategy,
            PriorityPage,
            page_form_data(
                {
                    "title": "People help their neighbours",
                    "slug": "people-help-their-neighbours",
                    "introduction": "Neighbours look out for each other.",
                    "role_of_communities": rich_text("<p>Knock on a neighbour's door.</p>"),
                    "role_of_council": rich_text("<p>Fund good neighbour schemes.</p>"),
                    "key_actions": streamfield(
                        [("action", "Start ten schemes."), ("action", "Train volunteers.")]
                    ),
                    "building_block_links": inline_formset(
                        [{"building_block": block.pk} for block in self.blocks]
                    ),
                }
            ),
        )
        priority = PriorityPage.objects.filter(locale__language_code="en").get(
            slug="people-help-their-neighbours"
        )
        self.assertTrue(priority.live)
        self.assertEqual(priority.get_building_blocks(), self.blocks)
        html = self.client.get(priority.url).content.decode()
        self.assertIn("Start ten schemes.", html)
        self.assertIn("Fund good neighbour schemes.", html)
        for block in self.blocks:
            self.assertIn(block.title, html)

    def test_staff_create_a_strategy_and_its_building_block(self):
        self.assertCanCreate(
            self.home,
            StrategyPage,
            page_form_data(
                {
                    "title": "Communities strategy 2030",
                    "slug": "communities-strategy-2030",
                    "introduction": "The next one.",
                    "status": "draft",
                    "period": "2030 to 2034",
                    "vision": "Everyone belongs.",
                    "principles": streamfield(
                        [("principle", {"name": "Kindness", "description": "Be kind."})]
                    ),
                }
            ),
        )
        strategy = StrategyPage.objects.filter(locale__language_code="en").get(
            slug="communities-strategy-2030"
        )
        self.assertCanCreate(
            strategy,
            BuildingBlockPage,
            page_form_data(
                {
                    "title": "Places to meet",
                    "introduction": "Halls and cafés.",
                    "role_of_communities": rich_text("<p>Run the hall.</p>"),
                    "role_of_council": rich_text("<p>Help with the rent.</p>"),
                    "key_actions": streamfield([("action", "Map every hall.")]),
                }
            ),
        )

    def test_only_one_strategy_can_be_current(self):
        StrategyPageFactory(parent=self.home, title="Already current", is_current=True)
        add_url = reverse("wagtailadmin_pages:add", args=["strategy", "strategypage", self.home.pk])
        response = self.client.post(
            add_url,
            page_form_data(
                {
                    "title": "A second current one",
                    "slug": "a-second-current-one",
                    "status": "in_force",
                    "is_current": "on",
                    "principles": streamfield([]),
                    "action-publish": "action-publish",
                }
            ),
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "is already the current strategy")
        self.assertFalse(StrategyPage.objects.filter(slug="a-second-current-one").exists())

    def test_a_superseded_strategy_cannot_be_current(self):
        add_url = reverse("wagtailadmin_pages:add", args=["strategy", "strategypage", self.home.pk])
        # No strategy is current yet, so only the status can stand in the way.
        self.assertFalse(StrategyPage.objects.filter(is_current=True).exists())
        response = self.client.post(
            add_url,
            page_form_data(
                {
                    "title": "Old and current",
                    "slug": "old-and-current",
                    "status": "superseded",
                    "is_current": "on",
                    "principles": streamfield([]),
                    "action-publish": "action-publish",
                }
            ),
        )
        self.assertContains(response, "A superseded strategy cannot be the current one")

    def test_the_priority_edit_form_offers_a_chooser_for_building_blocks(self):
        priority = PriorityPageFactory(parent=self.strategy, building_blocks=self.blocks[:1])
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[priority.pk]))
        self.assertContains(response, "Building blocks that support this priority")
        self.assertContains(response, "building_block_links-0-building_block")
        self.assertContains(response, self.blocks[0].title)
