from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from case_studies.models import CaseStudyIndexPage
from consultations.models import ConsultationIndexPage
from core.models import ContactPage, EasyReadIndexPage, StandardPage
from delivery.models import DeliveryPlanPage
from events.models import EventIndexPage
from home.models import HomePage
from strategy.models import StrategyPage
from tests.signing_in import VerifiedLoginMixin


class PageTypeRulesTests(WagtailPageTestCase):
    def test_home_page_sits_at_the_top_of_a_site(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_home_page_children(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                StandardPage,
                ContactPage,
                StrategyPage,
                CaseStudyIndexPage,
                ConsultationIndexPage,
                DeliveryPlanPage,
                EasyReadIndexPage,
                EventIndexPage,
            },
        )

    def test_standard_pages_nest_under_home_and_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_contact_page_is_a_leaf_under_home(self):
        self.assertAllowedParentPageTypes(ContactPage, {HomePage})
        self.assertAllowedSubpageTypes(ContactPage, set())
        self.assertEqual(ContactPage.max_count_per_parent, 1)


class EditorCanCreateTests(VerifiedLoginMixin, WagtailPageTestCase):
    def setUp(self):
        self.login()
        self.home = HomePage.objects.filter(locale__language_code="en").first()
        if self.home is None:
            root = Page.get_first_root_node()
            self.home = HomePage(title="Home", slug="home-test", introduction="Hello")
            root.add_child(instance=self.home)

    def test_editor_can_create_a_standard_page_with_every_block(self):
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Our approach",
                    "slug": "our-approach",
                    "introduction": "What we will do.",
                    "body": streamfield(
                        [
                            ("heading", {"text": "A heading", "size": "h2"}),
                            ("paragraph", rich_text("<p>Some words.</p>")),
                            ("callout", {"text": rich_text("<p>Important.</p>")}),
                            ("quote", {"quote": "It helped.", "attribution": "A resident"}),
                        ]
                    ),
                }
            ),
        )
