import factory
import wagtail_factories

from core.models import ContactPage, StandardPage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    introduction = "A short introduction."

    class Meta:
        model = StandardPage


class ContactPageFactory(wagtail_factories.PageFactory):
    title = "Contact us"
    introduction = "Ask for another format."

    class Meta:
        model = ContactPage
