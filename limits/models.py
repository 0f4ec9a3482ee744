from django.db import models
from django.utils import timezone


class Hit(models.Model):
    """One counted action: a survey sent, a save-and-return email, a contact
    request, an email to an address. ``key_hash`` is a keyed hash of the client
    address or email address, never the address itself."""

    scope = models.CharField(max_length=40)
    key_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [
            models.Index(fields=["scope", "key_hash", "created_at"], name="limits_hit_lookup"),
            models.Index(fields=["created_at"], name="limits_hit_created"),
        ]

    def __str__(self):
        return f"{self.scope} at {self.created_at:%Y-%m-%d %H:%M}"
