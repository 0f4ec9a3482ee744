from .images import ImageCredit
from .mixins import BasePage, ListingFieldsMixin
from .pages import ContactPage, EasyReadIndexPage, StandardPage
from .settings import CouncilSettings

__all__ = [
    "BasePage",
    "ContactPage",
    "CouncilSettings",
    "EasyReadIndexPage",
    "ImageCredit",
    "ListingFieldsMixin",
    "StandardPage",
]
