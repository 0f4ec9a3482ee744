from wagtail import hooks

from .dashboard import add_counts_panel

hooks.register("construct_homepage_panels", add_counts_panel)
