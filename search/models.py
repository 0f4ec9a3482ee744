from django.db import IntegrityError, models, transaction
from django.db.models import F


class SearchTermDay(models.Model):
    """How often residents searched for a term on one day, and how often it found
    nothing. Only the words and counts are kept: nothing that says who searched."""

    term = models.CharField(max_length=100)
    language_code = models.CharField(max_length=15)
    day = models.DateField()
    searches = models.PositiveIntegerField(default=0)
    searches_without_results = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["term", "language_code", "day"], name="unique_search_term_day"
            )
        ]
        indexes = [models.Index(fields=["day"])]
        verbose_name = "search term"

    def __str__(self):
        return self.term

    @classmethod
    def record(cls, term, language_code, day, found_something):
        """One more search for the term on the day: one query once the day's row
        exists, and the row made safely if two searches make it at once."""
        same = {"term": term, "language_code": language_code, "day": day}
        missed = 0 if found_something else 1

        def count():
            return cls.objects.filter(**same).update(
                searches=F("searches") + 1,
                searches_without_results=F("searches_without_results") + missed,
            )

        if count():
            return
        try:
            with transaction.atomic():
                cls.objects.create(**same, searches=1, searches_without_results=missed)
        except IntegrityError:
            count()
