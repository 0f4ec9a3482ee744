"""A measure's figures: its baseline, its dated values (the figures given in
the progress updates of published actions) and its target, as rows for a
table and the bar chart drawn beside it."""

from dataclasses import dataclass, field

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.locales import default_locale

from .models import ProgressUpdate


def measure_values(measures, start=None, end=None):
    """The dated values of each measure, by translation key, oldest first: the
    figures given in progress updates of published actions in the default
    language (the ones staff keep up to date; a translation's copies may lag).
    One query."""
    keys = {measure.translation_key for measure in measures}
    if not keys:
        return {}
    updates = ProgressUpdate.objects.filter(
        measure__translation_key__in=keys,
        value__isnull=False,
        action__live=True,
        action__locale=default_locale(),
    )
    if start is not None:
        updates = updates.filter(date__gte=start)
    if end is not None:
        updates = updates.filter(date__lte=end)
    values = {}
    for update in updates.select_related("measure").order_by("date", "pk"):
        values.setdefault(update.measure.translation_key, []).append(update)
    return values


@dataclass
class FigureRow:
    label: str
    value: object
    display: str
    kind: str  # "baseline", "value" or "target"
    date: object = None
    percent: int | None = None


@dataclass
class MeasureFigures:
    """One measure's rows, each with the width of its bar (a share of the
    largest figure) for the chart."""

    measure: object
    rows: list = field(default_factory=list)

    @property
    def values(self):
        return [row for row in self.rows if row.kind == "value"]

    @property
    def latest(self):
        values = self.values
        return values[-1] if values else None


def measure_figures(measure, updates):
    rows = []
    if measure.baseline is not None:
        label = _("Baseline")
        if measure.baseline_date:
            label = _("Baseline, %(date)s") % {"date": date_format(measure.baseline_date)}
        rows.append(
            FigureRow(
                label,
                measure.baseline,
                measure.figure(measure.baseline),
                "baseline",
                measure.baseline_date,
            )
        )
    for update in updates:
        rows.append(
            FigureRow(
                date_format(update.date),
                update.value,
                measure.figure(update.value),
                "value",
                update.date,
            )
        )
    if measure.target is not None:
        label = _("Target")
        if measure.target_date:
            label = _("Target, %(date)s") % {"date": date_format(measure.target_date)}
        rows.append(
            FigureRow(
                label, measure.target, measure.figure(measure.target), "target", measure.target_date
            )
        )
    largest = max((row.value for row in rows if row.value and row.value > 0), default=None)
    for row in rows:
        if largest:
            row.percent = max(int(round(max(row.value, 0) * 100 / largest)), 0)
    return MeasureFigures(measure=measure, rows=rows)
