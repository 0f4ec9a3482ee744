from .mixins import BasePage, ListingFieldsMixin
from .pages import ContactPage, StandardPage
from .settings import CouncilSettings

__all__ = [
    "BasePage",
    "ContactPage",
    "CouncilSettings",
    "ListingFieldsMixin",
    "StandardPage",
]
