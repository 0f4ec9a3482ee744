from .images import ImageCredit
from .mixins import BasePage, BodyMixin, IntroductionMixin, ListingFieldsMixin
from .pages import ContactPage, EasyReadIndexPage, StandardPage
from .settings import CouncilSettings, CouncilTexts

__all__ = [
    "BasePage",
    "BodyMixin",
    "ContactPage",
    "CouncilSettings",
    "CouncilTexts",
    "EasyReadIndexPage",
    "ImageCredit",
    "IntroductionMixin",
    "ListingFieldsMixin",
    "StandardPage",
]
