"""The last demo step: put the menu in a sensible order, then make the
translations each app offers with wagtail-localize. An app offers them in a
``translations`` module with ``translate(loader)``; pages it does not translate
show the English version with a notice in the resident's language."""

from importlib import import_module
from importlib.util import find_spec

from home.models import HomePage

TRANSLATION_ORDER = ["home", "strategy", "consultations"]


# The home page's sections, in the order residents see them in the menu.
MENU_ORDER = [
    "strategy.StrategyPage",
    "consultations.ConsultationIndexPage",
    "case_studies.CaseStudyIndexPage",
    "core.EasyReadIndexPage",
    "core.ContactPage",
    "core.StandardPage",
]


def arrange_menu(loader):
    home = HomePage.objects.get(pk=loader.home.pk)
    children = list(home.get_children().specific().order_by("path"))

    def rank(page):
        label = page._meta.label
        return (MENU_ORDER.index(label) if label in MENU_ORDER else len(MENU_ORDER), page.path)

    wanted = sorted(children, key=rank)
    if [page.pk for page in wanted] != [page.pk for page in children]:
        for page in wanted:
            page.move(home, pos="last-child")


def load(loader):
    arrange_menu(loader)
    for label in TRANSLATION_ORDER:
        name = f"{label}.translations"
        if find_spec(label) is not None and find_spec(name) is not None:
            import_module(name).translate(loader)
