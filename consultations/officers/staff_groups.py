"""Where installation administrators tie staff groups to councils: Settings,
"Council staff groups" in the admin (``CouncilStaffGroup``). Only superusers
see it (Django's model permissions, which no group is given)."""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Locale

from ..models.councils import CouncilStaffGroup
from ..models.pages import ConsultationPage
from .councils import council_consultation_keys


class CouncilStaffGroupForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["consultations"]
        field.queryset = (
            ConsultationPage.objects.filter(locale=Locale.get_default())
            .defer_streamfields()
            .order_by("title")
        )
        field.widget = forms.CheckboxSelectMultiple(choices=field.choices)

    def clean(self):
        cleaned = super().clean()
        site, named = cleaned.get("site"), cleaned.get("consultations")
        if site is not None and named:
            keys = council_consultation_keys(site)
            outside = [page.title for page in named if page.translation_key not in keys]
            if outside:
                self.add_error(
                    "consultations",
                    "These consultations belong to another council: " + ", ".join(outside),
                )
        return cleaned


class CouncilStaffGroupViewSet(ModelViewSet):
    model = CouncilStaffGroup
    icon = "group"
    menu_label = "Council staff groups"
    add_to_settings_menu = True
    list_display = ["group", "site"]
    edit_handler = ObjectList(
        [FieldPanel("group"), FieldPanel("site"), FieldPanel("consultations")],
        base_form_class=CouncilStaffGroupForm,
    )
