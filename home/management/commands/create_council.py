from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from home.councils import CouncilExists, create_council


class Command(BaseCommand):
    help = (
        "Add a council to the installation: a site at its own host name with its home page, "
        "Easy Read, case studies, consultations, contact and standard pages, and its Council "
        "details (name, languages, districts). Refuses a host name and port already in use."
    )

    def add_arguments(self, parser):
        parser.add_argument("name", help="The council's name, e.g. 'Rutland County Council'.")
        parser.add_argument("hostname", help="The host name residents use, e.g. rutland.localhost.")
        parser.add_argument(
            "--port", type=int, default=80, help="The port it is served at (443 for HTTPS)."
        )
        parser.add_argument(
            "--languages",
            default="",
            help="Comma-separated language codes it offers, e.g. en,pl,ur (English always; "
            "all of the installation's languages when not given).",
        )
        parser.add_argument("--districts", default="", help="Its districts, separated by commas.")
        parser.add_argument("--slug", default=None, help="The home page's slug (from the name).")

    def handle(self, *args, **options):
        languages = [code.strip() for code in options["languages"].split(",") if code.strip()]
        districts = [name.strip() for name in options["districts"].split(",") if name.strip()]
        try:
            site = create_council(
                options["name"],
                options["hostname"],
                port=options["port"],
                languages=languages or None,
                districts=districts,
                slug=options["slug"],
            )
        except CouncilExists as error:
            raise CommandError(f"{error} Nothing was changed.") from error
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        self.stdout.write(
            f"{options['name']} is served at {site.root_url}/ (home page "
            f"'{site.root_page.title}'). Add its logo, contact details and content in the admin."
        )
