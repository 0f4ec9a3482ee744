"""How counts and shares are published, the same way for residents ("You
said" on the consultation page) and for officers (the summary, its charts and
its export).

Small numbers: hidden, and everything else rounded
---------------------------------------------------

A count from 1 to the site's threshold less one (``small_number_threshold``,
10 unless staff change it) is shown only as "fewer than 10"; every other count
is rounded to the nearest 5 (``PUBLISHED_PRECISION``), totals and "answered"
figures included, and a share is worked out from the rounded figures. Zero is
shown as 0.

Hiding the small counts alone is not enough: a total minus the counts shown
gives the hidden one back. We round rather than hide a second cell in every
table (secondary suppression) because the officers' filters make thousands of
overlapping tables, by area, language, version, answering as and any range of
dates; keeping every one of those consistent with suppression alone would
hide most figures, and one missed table would undo the rest. With every count
uncertain by up to 2 either way, a sum or a difference of published figures
never comes to one exact small number, however the tables are combined. This
is the rule the Office for National Statistics uses for many of its
published tables (rounding to 5, small counts suppressed).

Rounding has one weakness of its own: two selections that differ by one or two
people (every response, and every response but the Easy Read ones) can show
on which side of a rounding step those few fall. So the officers' filters
also withhold every figure of a selection that has fewer responses than the
threshold, or that leaves out fewer than the threshold compared with a wider
one (``officers.results.ResponseFilterForm.leaves_out_few``).

Averages and scores are worked out from the published counts too, so they
tell nothing the counts do not.
"""

PUBLISHED_PRECISION = 5


def percent(part, whole):
    """A whole percentage, rounded half up (as people round: 2.5% is 3%)."""
    return (200 * part + whole) // (2 * whole) if whole else 0


class SmallNumbers:
    """The published form of counts, for one threshold. ``withheld``: every
    figure of this selection is hidden."""

    def __init__(self, threshold=10, withheld=False):
        self.threshold = threshold
        self.withheld = withheld

    def shown(self, count):
        """The count as published (a whole number), or None where hidden."""
        if self.withheld:
            return None
        if count == 0:
            return 0
        if count < self.threshold:
            return None
        step = PUBLISHED_PRECISION
        return max(step, (count + step // 2) // step * step)

    def text(self, count):
        shown = self.shown(count)
        if shown is not None:
            return str(shown)
        return "hidden" if self.withheld else f"fewer than {self.threshold}"

    def share(self, count, total):
        """The percentage of the published count in the published total, or
        None where either is hidden."""
        count, total = self.shown(count), self.shown(total)
        if count is None or total is None:
            return None
        return percent(count, total)
