import factory
import wagtail_factories

from case_studies.models import CaseStudyIndexPage, CaseStudyPage


class CaseStudyIndexPageFactory(wagtail_factories.PageFactory):
    title = "Case studies"

    class Meta:
        model = CaseStudyIndexPage


class CaseStudyPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Community project {n}")
    place = factory.Sequence(lambda n: f"Village {n}")
    district = "Blaby"
    listing_summary = "Neighbours helping neighbours."
    background = "<p>How it started.</p>"

    class Meta:
        model = CaseStudyPage
        skip_postgeneration_save = True

    @factory.post_generation
    def priorities(self, create, extracted, **kwargs):
        if extracted:
            self.priorities.set(extracted)
            self.save()

    @factory.post_generation
    def building_blocks(self, create, extracted, **kwargs):
        if extracted:
            self.building_blocks.set(extracted)
            self.save()
