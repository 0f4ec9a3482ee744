from django.contrib import messages
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.easy_read import EasyReadMixin, easy_read_warnings
from core.models import ImageCredit


class ImageCreditViewSet(SnippetViewSet):
    model = ImageCredit
    icon = "image"
    menu_label = "Image credits"
    list_display = ["image", "licence", "creator"]
    search_fields = ["creator", "licence", "attribution"]


register_snippet(ImageCreditViewSet)


def warn_about_easy_read(request, page):
    """Easy Read advice is shown after saving, never blocking it."""
    page = page.specific
    if not isinstance(page, EasyReadMixin):
        return
    for warning in easy_read_warnings(page.easy_read):
        messages.warning(request, warning)


hooks.register("after_create_page", warn_about_easy_read)
hooks.register("after_edit_page", warn_about_easy_read)
