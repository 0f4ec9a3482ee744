from io import BytesIO

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Site
from willow.image import Image as WillowImage

from core.blocks import with_block_ids
from core.models import CouncilSettings


def with_stream_ids(model, where, fields):
    """Page fields with an id on every StreamField block, list item and nested
    block that has none, derived from its place: loading the demo again keeps
    the same ids, so wagtail-localize keeps its translations attached."""
    streams = {f.name: f for f in model._meta.get_fields() if isinstance(f, StreamField)}
    return {
        name: with_block_ids(streams[name].stream_block, value, f"demo:{where}{name}")
        if name in streams and isinstance(value, list)
        else value
        for name, value in fields.items()
    }


class DemoLoader:
    """Helpers the demo modules share: find-or-create pages, images and users,
    so that running the command twice changes nothing the second time."""

    def __init__(self, stdout=None, style=None):
        self.stdout = stdout
        self.style = style
        self.logins = []

    def say(self, message):
        if self.stdout is not None:
            self.stdout.write(message)

    # Pages -----------------------------------------------------------------

    @staticmethod
    def stream(items):
        """StreamField content from (block type, raw value) pairs, in the JSON form
        Wagtail stores: rich text as HTML, images and documents by id."""
        return [{"type": block_type, "value": value} for block_type, value in items]

    @property
    def site(self):
        return Site.objects.get(is_default_site=True)

    @property
    def home(self):
        return self.site.root_page.specific

    def page(self, parent, model, slug, **fields):
        """The child of ``parent`` with this slug, created or updated to ``fields``
        and published."""
        fields = with_stream_ids(model, f"{parent.url_path}{slug}/", fields)
        existing = parent.get_children().filter(slug=slug).first()
        if existing is None:
            page = model(slug=slug, **fields)
            parent.add_child(instance=page)
        else:
            page = existing.specific
            if not isinstance(page, model):
                raise TypeError(f"{page.url_path} is a {type(page).__name__}, not {model.__name__}")
            for name, value in fields.items():
                setattr(page, name, value)
        page.save_revision().publish()
        page.refresh_from_db()
        return page

    # Images ----------------------------------------------------------------

    def collection(self, name):
        root = Collection.get_first_root_node()
        existing = root.get_children().filter(name=name).first()
        return existing or root.add_child(name=name)

    def image(self, title, filename, content, collection="Demo images", **fields):
        """An image in the library, made from bytes the demo module provides."""
        Image = get_image_model()
        image = Image.objects.filter(title=title).first()
        if image is None:
            image = Image(title=title, collection=self.collection(collection), **fields)
            image.file.save(filename, ContentFile(content), save=False)
            image._set_image_file_metadata()
            # Django's ImageField cannot measure an SVG; Willow can.
            image.width, image.height = WillowImage.open(BytesIO(content)).get_size()
            image.save()
        else:
            for name, value in fields.items():
                setattr(image, name, value)
            image.save()
        return image

    # Settings and logins ---------------------------------------------------

    def council_settings(self, **fields):
        council = CouncilSettings.for_site(self.site)
        for name, value in fields.items():
            setattr(council, name, value)
        council.save()
        return council

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
