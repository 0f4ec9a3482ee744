from .easy_read_pictures import EasyReadSurveyPictures
from .images import ImageCredit
from .mixins import BasePage, BodyMixin, IntroductionMixin, ListingFieldsMixin
from .pages import ContactPage, EasyReadIndexPage, StandardPage
from .settings import (
    CouncilSettings,
    CouncilTexts,
    district_choices_for,
    district_choices_of_page,
    districts_for,
    languages_for,
)

__all__ = [
    "BasePage",
    "BodyMixin",
    "ContactPage",
    "CouncilSettings",
    "CouncilTexts",
    "EasyReadIndexPage",
    "EasyReadSurveyPictures",
    "ImageCredit",
    "IntroductionMixin",
    "ListingFieldsMixin",
    "StandardPage",
    "district_choices_for",
    "district_choices_of_page",
    "districts_for",
    "languages_for",
]
