from django.core.management.base import BaseCommand
from wagtail.models import Locale

from home.setup import ensure_site


class Command(BaseCommand):
    help = (
        "Prepare a new installation: a locale for each of the site's languages and "
        "the council's home page served by the default site. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--hostname",
            default=None,
            help="The host name the site is served at (a new site: localhost).",
        )
        parser.add_argument(
            "--port",
            type=int,
            default=None,
            help="The port the site is served at: 443 for HTTPS (a new site: 80).",
        )
        parser.add_argument("--site-name", default="Have your say")
        parser.add_argument("--title", default=None, help="The home page's title, if new.")

    def handle(self, *args, **options):
        site = ensure_site(
            hostname=options["hostname"],
            port=options["port"],
            site_name=options["site_name"],
            title=options["title"],
        )
        self.stdout.write(
            f"Site '{site.site_name}' at {site.hostname}:{site.port} serves "
            f"'{site.root_page.title}'; languages: "
            + ", ".join(Locale.objects.values_list("language_code", flat=True))
        )
