"""The bulk update's admin view (``bulk_update``): upload a CSV file of
progress updates for a plan's actions, see what it would change and what is
wrong with it, and confirm. Nothing is saved until the whole file is good.

The file travels from the preview to the confirmation signed, with the plan
and the editor it was checked for, and is checked again before it is saved."""

import base64

from django import forms
from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import bulk_update
from .models import DeliveryPlanPage

SALT = "delivery.bulk_update"
# How long a preview can wait for its confirmation.
MAX_AGE = 60 * 60


class UploadForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        help_text="Saved from a spreadsheet as 'CSV UTF-8', with the columns named in its "
        "first row.",
    )


class BulkUpdateView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "delivery/admin/bulk_update.html"
    page_title = "Update actions from a CSV file"
    header_icon = "upload"

    @cached_property
    def plan(self):
        return get_object_or_404(DeliveryPlanPage, pk=self.kwargs["plan_id"])

    def dispatch(self, request, *args, **kwargs):
        # Each row is published at once, so it is for those who may publish
        # the plan's pages (in Wagtail's default groups, moderators).
        if not self.plan.permissions_for_user(request.user).can_publish():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.plan.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailadmin_explore", args=[self.plan.pk]), "label": self.plan.title},
            {"url": "", "label": "Update from a CSV file"},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", UploadForm())
        context["plan"] = self.plan
        context["columns"] = bulk_update.COLUMNS
        context["statuses"] = bulk_update.Status.labels
        return context

    def post(self, request, *args, **kwargs):
        if "token" in request.POST:
            return self.confirm(request)
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        upload = form.cleaned_data["file"]
        data = upload.read(bulk_update.MAX_BYTES + 1)
        name = upload.name[:200]
        return self.preview(name, data)

    def preview(self, name, data, form=None):
        checked = bulk_update.read_file(self.plan, self.request.user, data)
        token = ""
        if checked.valid:
            token = signing.dumps(
                {
                    "plan": self.plan.pk,
                    "user": self.request.user.pk,
                    "name": name,
                    "data": base64.b64encode(data).decode("ascii"),
                },
                salt=SALT,
                compress=True,
            )
        return self.render_to_response(
            self.get_context_data(
                form=form or UploadForm(), checked=checked, file_name=name, token=token
            )
        )

    def confirm(self, request):
        try:
            sent = signing.loads(request.POST["token"], salt=SALT, max_age=MAX_AGE)
        except signing.BadSignature:
            messages.error(request, "This preview is too old or damaged: upload the file again.")
            return redirect(request.path)
        if sent.get("plan") != self.plan.pk or sent.get("user") != request.user.pk:
            raise PermissionDenied
        data = base64.b64decode(sent["data"])
        checked = bulk_update.read_file(self.plan, request.user, data)
        if not checked.valid:
            # Something changed since the preview (another editor's update,
            # a draft): show the file again with what is now wrong.
            return self.preview(sent["name"], data)
        count = bulk_update.apply(self.plan, request.user, checked, sent["name"])
        messages.success(
            request,
            f"{count} {'action' if count == 1 else 'actions'} updated from {sent['name']} "
            "and published.",
        )
        return redirect("wagtailadmin_explore", self.plan.pk)
