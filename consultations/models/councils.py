"""Which council a staff group works for, on an installation that serves
several councils (each a Wagtail ``Site``, with its own page tree).

Nothing here knows about the officers' views: ``officers.councils`` reads
these links to decide which consultations a member of staff may see.
"""

from django.contrib.auth.models import Group
from django.db import models
from wagtail.models import Site


class CouncilStaffGroup(models.Model):
    """Ties a staff group to one council: its members see and handle only that
    council's consultations and responses. A group with no such link sees
    every council's, as every group did before councils were separated, so
    that an upgrade takes nothing away from anyone.

    Managed by the installation's administrators (superusers) under
    Settings, "Council staff groups"."""

    group = models.OneToOneField(
        Group,
        on_delete=models.CASCADE,
        related_name="council_link",
        help_text="The group whose members work for this council. A group that is not "
        "listed here sees every council's consultations and responses.",
    )
    site = models.ForeignKey(
        Site,
        on_delete=models.CASCADE,
        related_name="staff_groups",
        verbose_name="council",
        help_text="The council's site: its members see only the consultations in its page tree.",
    )
    consultations = models.ManyToManyField(
        "consultations.ConsultationPage",
        blank=True,
        related_name="+",
        verbose_name="only these consultations",
        help_text="Leave empty for every consultation of the council. Choose some to limit "
        "the group (an analyst working on one consultation, say) to those.",
    )

    class Meta:
        verbose_name = "council staff group"
        verbose_name_plural = "council staff groups"
        ordering = ["site__site_name", "group__name"]

    def __str__(self):
        return f"{self.group.name} ({self.site.site_name or self.site.hostname})"
