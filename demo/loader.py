"""Reads the demo content (YAML, one file per page tree) and builds it through
the same models and validation as the admin.

Each council has a folder (``COUNCILS``, loaded in that order) with a
``council.yaml``: where its Site is served (the first council's is the
default Site, which also answers any host that is not another council's), its
details, picture library, its own staff groups (``staff_groups: true``: the
four groups ``create_council`` makes, tied to its Site), development logins
(each in the groups it names), pages it no longer has
(``retired``: removed when found, as when case studies move to another
council) and the list of its page-tree files, in loading order. The picture
library is shared: a later council may use the first one's pictures.
A page-tree file has ``snippets`` and ``pages``: a page names its ``type``
(``app.Model``), its ``slug``, its ``fields`` and its ``children``, and
``translate: true`` where the demo translates it into every language with a
catalogue, or ``translate: [pl, ur]`` into those only (the other languages show
the English page with the "not translated yet" notice); a snippet takes
``translate`` in the same way. A top-level entry
``under: /path/`` adds its children under a page loaded earlier.

Values that point at something else are written as small mappings:
``{page: /path/}`` (a path under the home page), ``{image: Title}``,
``{snippet: app.Model, slug: ...}`` and, for dates that move with the day the
demo is loaded, ``{days_from_today: -14, at: '09:00'}`` (Europe/London).

Loading twice changes nothing: pages are found by their place in the tree and
updated, StreamField blocks get ids from their place, images by their title.
"""

import datetime
import json
from io import BytesIO
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Collection, Locale, Page, Site, TranslatableMixin
from willow.image import Image as WillowImage

from consultations.officers.councils import make_staff_groups
from core.blocks import with_block_ids
from core.models import CouncilSettings, EasyReadSurveyPictures, ImageCredit
from home.setup import ensure_council_site, ensure_site

DEMO_DIR = Path(__file__).parent
CONTENT_DIR = DEMO_DIR / "content"
PICTURES_DIR = CONTENT_DIR / "pictures"
# The demo's councils, in loading order: the first is the default Site.
COUNCILS = ["leicestershire", "staffordshire", "cambridgeshire"]
LONDON = ZoneInfo("Europe/London")


class DemoContentError(Exception):
    """Demo content that the admin would refuse, or that points at nothing."""


class Deferred(Exception):
    """A reference to a page that a later part of the content makes."""


def explain(error):
    """A validation error in words, however deep in a StreamField it is."""
    if hasattr(error, "as_json_data"):
        return json.dumps(error.as_json_data(), ensure_ascii=False)
    if hasattr(error, "message_dict"):
        return json.dumps(error.message_dict, ensure_ascii=False)
    return "; ".join(error.messages)


def read_yaml(path):
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle) or {}


class DemoLoader:
    def __init__(self, stdout=None, content_dir=CONTENT_DIR):
        self.stdout = stdout
        self.content_dir = Path(content_dir)
        self.logins = []
        # Pages to translate, in tree order (parents before children), and
        # snippets to translate.
        self.to_translate = []
        self.to_translate_objects = []
        # The languages a page is translated into where the content names them
        # (``translate: [pl, ur]``); every language with a catalogue otherwise.
        self.translate_into = {}
        self._deferred = []
        self._images = {}
        self._site = None

    def say(self, message):
        if self.stdout is not None:
            self.stdout.write(message)

    @property
    def site(self):
        """The Site of the council being loaded (the default Site until one is)."""
        return self._site or Site.objects.get(is_default_site=True)

    @property
    def home(self):
        return self.site.root_page.specific

    # Councils ----------------------------------------------------------------

    def load_council(self, name="leicestershire"):
        folder = self.content_dir / name
        council = read_yaml(folder / "council.yaml")
        # Where the demo is served, so that the Site matches the address residents
        # use (scripts/demo.sh serves http://127.0.0.1:8000/).
        where = dict(council.get("site", {}))
        home_slug = where.pop("home_slug", None)
        if home_slug is None:
            self._site = ensure_site(**where)
        else:
            self._site = ensure_council_site(slug=home_slug, **where)
        self.retire(council.get("retired", []))
        for image in council.get("images", []):
            self.image(image)
        for filename in council.get("files", []):
            data = read_yaml(folder / filename)
            for snippet in data.get("snippets", []):
                self.snippet(snippet)
            for node in data.get("pages", []):
                if "under" in node:
                    parent = self.page_at(node["under"])
                    for child in node.get("children", []):
                        self.page(parent, child)
                else:
                    self.home_page(node)
            self.say(f"  {filename}")
        self.finish_deferred()
        self.council_settings(council.get("council", {}), translate=council.get("translate", True))
        self.site_setting(EasyReadSurveyPictures, council.get("easy_read_survey_pictures", {}))
        if council.get("staff_groups"):
            self.staff_groups()
        for login in council.get("logins", []):
            self.demo_login(**login)

    # Pages -------------------------------------------------------------------

    def page_at(self, path):
        """The English page at ``path`` under the home page ('/' is the home page)."""
        home = self.home
        url_path = home.url_path + path.strip("/") + "/" if path.strip("/") else home.url_path
        page = Page.objects.filter(url_path=url_path, locale=home.locale).first()
        if page is None:
            raise Deferred(path)
        return page.specific

    def home_page(self, node):
        home = self.home
        if node.get("type") != home._meta.label:
            raise DemoContentError(f"The home page is a {home._meta.label}, not {node.get('type')}")
        self.save_page(home, node.get("fields", {}))
        if node.get("translate"):
            self.mark_for_translation(home, node["translate"])
        for child in node.get("children", []):
            self.page(home, child)

    def page(self, parent, node):
        """The child of ``parent`` described by ``node``, created or updated and
        published, then its children, in the order the content gives them."""
        model = apps.get_model(node["type"])
        slug = node["slug"]
        existing = parent.get_children().filter(slug=slug).first()
        if existing is None:
            # Its place decides its StreamField block ids, before it is saved.
            page = model(slug=slug, url_path=f"{parent.url_path}{slug}/")
            self.set_fields(page, node.get("fields", {}), new=True)
            parent.add_child(instance=page)
            self.validate(page)
            page.save_revision().publish()
        else:
            page = existing.specific
            if not isinstance(page, model):
                raise DemoContentError(f"{page.url_path} is a {type(page).__name__}, not {model}")
            self.save_page(page, node.get("fields", {}))
        page.refresh_from_db()
        if node.get("translate"):
            self.mark_for_translation(page, node["translate"])
        children = node.get("children", [])
        for child in children:
            self.page(page, child)
        self.keep_order(page, [child["slug"] for child in children])
        return page

    def mark_for_translation(self, page, languages):
        self.to_translate.append(page.pk)
        if isinstance(languages, list):
            self.translate_into[page.pk] = set(languages)

    def save_page(self, page, fields):
        self.set_fields(page, fields)
        self.validate(page)
        page.save_revision().publish()

    def keep_order(self, parent, slugs):
        """Children in the order the content lists them (the menu order)."""
        children = list(parent.get_children().filter(slug__in=slugs).order_by("path"))
        wanted = sorted(children, key=lambda page: slugs.index(page.slug))
        if [page.pk for page in wanted] != [page.pk for page in children]:
            for page in wanted:
                Page.objects.get(pk=page.pk).move(parent, pos="last-child")

    def validate(self, page):
        """The checks the admin makes before it saves a page: each field, the
        page's own rules, and every StreamField block (keys, required parts)."""
        try:
            page.full_clean()
            for field in page._meta.get_fields():
                if isinstance(field, StreamField):
                    field.stream_block.clean(getattr(page, field.name))
        except ValidationError as error:
            raise DemoContentError(f"{page.url_path or page.slug}: {explain(error)}") from error

    def set_fields(self, page, fields, new=False):
        for name, value in fields.items():
            try:
                setattr(page, name, self.field_value(page, name, value))
            except Deferred:
                if new:
                    # Leave it empty for now; it is set once every page exists.
                    self._deferred.append((page, name, value))
                else:
                    raise

    def finish_deferred(self):
        for page, name, value in self._deferred:
            page = Page.objects.get(pk=page.pk).specific
            setattr(page, name, self.field_value(page, name, value))
            self.validate(page)
            page.save_revision().publish()
        self._deferred = []

    # Values --------------------------------------------------------------------

    def field_value(self, obj, name, value):
        field = obj._meta.get_field(name)
        value = self.resolve_dates(value)
        if isinstance(field, StreamField):
            where = f"demo:{obj.url_path if isinstance(obj, Page) else ''}{name}"
            raw = self.stream_value(field.stream_block, value or [])
            return with_block_ids(field.stream_block, raw, where)
        if isinstance(field, ParentalManyToManyField | models.ManyToManyField):
            return [self.reference(item) for item in value or []]
        if field.is_relation and field.one_to_many:
            return self.child_objects(obj, name, field, value or [])
        if field.is_relation:
            return self.reference(value) if value else None
        return field.to_python(value)

    def child_objects(self, obj, name, field, rows):
        """Inline children (orderables), reusing the ones already there so that
        loading again does not make new rows."""
        model = field.related_model
        existing = list(getattr(obj, name).all()) if obj.pk else []
        objects = []
        for index, row in enumerate(rows):
            child = existing[index] if index < len(existing) else model()
            for child_name, child_value in row.items():
                setattr(child, child_name, self.field_value(child, child_name, child_value))
            objects.append(child)
        return objects

    def resolve_dates(self, value):
        if isinstance(value, dict) and set(value) == {"days_from_today", "at"}:
            hour, minute = (int(part) for part in str(value["at"]).split(":"))
            day = timezone.now().astimezone(LONDON).date() + datetime.timedelta(
                days=int(value["days_from_today"])
            )
            return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=LONDON)
        return value

    def reference(self, value):
        if isinstance(value, dict) and "page" in value:
            return self.page_at(value["page"])
        if isinstance(value, dict) and "image" in value:
            return self.image_titled(value["image"])
        if isinstance(value, dict) and "snippet" in value:
            lookup = {key: item for key, item in value.items() if key != "snippet"}
            model = apps.get_model(value["snippet"])
            return model.objects.get(**self.in_english(model, lookup))
        raise DemoContentError(f"Not a reference: {value!r}")

    def stream_value(self, block, value):
        """Raw StreamField data with references turned into ids and dates into
        the text Wagtail stores."""
        value = self.resolve_dates(value)
        if isinstance(block, ImageChooserBlock | DocumentChooserBlock | blocks.PageChooserBlock):
            return self.reference(value).pk if value else None
        if isinstance(value, datetime.datetime):
            return value.astimezone(LONDON).strftime("%Y-%m-%dT%H:%M:%S")
        if isinstance(block, blocks.StreamBlock):
            return [
                {
                    **child,
                    "value": self.stream_value(block.child_blocks[child["type"]], child["value"]),
                }
                for child in value or []
            ]
        if isinstance(block, blocks.ListBlock):
            return [self.stream_value(block.child_block, item) for item in value or []]
        if isinstance(block, blocks.StructBlock) and isinstance(value, dict):
            return {
                name: self.stream_value(block.child_blocks[name], child)
                if name in block.child_blocks
                else child
                for name, child in value.items()
            }
        return value

    # Snippets, images, settings, logins ---------------------------------------

    def snippet(self, data):
        """A snippet, found by the other keys of ``data`` (in English, for a
        translatable one) and updated; ``translate`` as for a page."""
        model = apps.get_model(data["model"])
        lookup = {
            key: value for key, value in data.items() if key not in ("model", "fields", "translate")
        }
        obj, _created = model.objects.update_or_create(
            **self.in_english(model, lookup), defaults=data.get("fields", {})
        )
        if data.get("translate"):
            if isinstance(data["translate"], list):
                obj.demo_languages = set(data["translate"])
            self.to_translate_objects.append(obj)
        return obj

    def in_english(self, model, lookup):
        """``lookup`` limited to the default language for a translatable model,
        whose translations share the English one's slug."""
        if issubclass(model, TranslatableMixin):
            return {**lookup, "locale": Locale.get_default()}
        return lookup

    def collection(self, name):
        root = Collection.get_first_root_node() or Collection.add_root(name="Root")
        existing = root.get_children().filter(name=name).first()
        return existing or root.add_child(name=name)

    def image(self, data):
        """An image in the library from a file in ``content/pictures``."""
        Image = get_image_model()
        fields = {
            key: value
            for key, value in data.items()
            if key not in ("title", "file", "collection", "credit")
        }
        image = Image.objects.filter(title=data["title"]).first()
        if image is None:
            content = (PICTURES_DIR / data["file"]).read_bytes()
            image = Image(
                title=data["title"], collection=self.collection(data["collection"]), **fields
            )
            image.file.save(data["file"], ContentFile(content), save=False)
            image._set_image_file_metadata()
            # Django's ImageField cannot measure an SVG; Willow can.
            image.width, image.height = WillowImage.open(BytesIO(content)).get_size()
            image.save()
        else:
            for name, value in fields.items():
                setattr(image, name, value)
            image.save()
        if data.get("credit"):
            ImageCredit.objects.update_or_create(image=image, defaults=data["credit"])
        self._images[image.title] = image
        return image

    def image_titled(self, title):
        if title not in self._images:
            image = get_image_model().objects.filter(title=title).first()
            if image is None:
                raise DemoContentError(f"No image titled {title!r} in the demo's library")
            self._images[title] = image
        return self._images[title]

    def retire(self, paths):
        """Removes the pages at ``paths`` (and their translations) where they
        are still there: content that has moved to another council."""
        for path in paths:
            try:
                page = self.page_at(path)
            except Deferred:
                continue
            for translation in page.get_translations():
                translation.delete()
            Page.objects.get(pk=page.pk).delete()
            self.say(f"  removed {path}")

    def council_settings(self, fields, translate=True):
        """The council's details; ``texts`` (its name and opening hours) are a
        translatable snippet, translated with the pages (``translate``: where
        the demo's catalogues have them)."""
        council = CouncilSettings.for_site(self.site)
        for name, value in fields.items():
            if name == "texts":
                for text_name, text in value.items():
                    setattr(council, text_name, text)
            else:
                setattr(council, name, self.field_value(council, name, value))
        council.full_clean()
        council.source_texts(create=True).full_clean()
        council.save()
        if "texts" in fields and translate:
            self.to_translate_objects.append(council.texts)
        return council

    def site_setting(self, model, fields):
        """A site setting's fields, checked as the admin's form checks them."""
        setting = model.for_site(self.site)
        for name, value in fields.items():
            setattr(setting, name, self.field_value(setting, name, value))
        setting.full_clean()
        setting.save()
        return setting

    def staff_groups(self):
        """The council's own staff groups, as ``create_council`` makes them
        (named after its Council details, which are saved first)."""
        groups = make_staff_groups(self.site)
        self.say(f"  staff groups: {', '.join(group.name for group in groups.values())}")
        return groups

    def demo_login(self, username, password, superuser=False, groups=(), role="editor"):
        """A login for trying the demo. Development settings only: production
        never gets a default password."""
        if not getattr(settings, "DEMO_LOGINS_ALLOWED", False):
            return None
        User = get_user_model()
        user, _created = User.objects.get_or_create(username=username)
        user.email = f"{username}@example.org"
        user.is_staff = True
        user.is_superuser = superuser
        user.is_active = True
        user.set_password(password)
        user.save()
        for name in groups:
            user.groups.add(Group.objects.get(name=name))
        self.logins.append((username, password, "administrator" if superuser else role))
        return user

    def finish(self):
        if self.logins:
            self.say("")
            self.say("Demo logins (development only) for http://127.0.0.1:8000/admin/:")
            for username, password, role in self.logins:
                self.say(f"  {role}: username {username!r}, password {password!r}")
        root = Page.objects.filter(depth=1).first()
        if root is not None:
            self.say(f"Pages in the demo: {root.get_descendants().count()}")
