import wagtail_factories

from home.models import HomePage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Working with our communities"
    introduction = "Have your say."

    class Meta:
        model = HomePage
