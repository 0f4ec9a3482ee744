"""The demo content, built from small functions per area.

Each app that has demo content gives a ``demo`` module with a ``load(loader)``
function; ``DEMO_APP_ORDER`` says in which order they run (an app's pages may
need another's). Facts and figures come from the council documents in
shared/seeds; every sentence is written for this site.
"""

from importlib import import_module
from importlib.util import find_spec

from .loader import DemoLoader

DEMO_APP_ORDER = ["home", "core", "strategy", "case_studies", "consultations", "delivery_plan"]
# Further demo modules that run straight after their app's own ``demo``.
DEMO_FOLLOW_UPS = {"consultations": ["consultations.demo_responses"]}


def DEMO_APPS():
    from django.apps import apps

    for label in DEMO_APP_ORDER:
        if not apps.is_installed(label):
            continue
        name = "core.demo.site" if label == "core" else f"{label}.demo"
        if find_spec(name) is None:
            continue
        yield label, import_module(name).load
        for follow_up in DEMO_FOLLOW_UPS.get(label, []):
            yield f"{label} ({follow_up.rpartition('.')[2]})", import_module(follow_up).load


__all__ = ["DEMO_APPS", "DemoLoader"]
