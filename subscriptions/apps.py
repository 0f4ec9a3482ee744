"""Email updates residents sign up for: a consultation, a topic of
consultations or a delivery plan, each confirmed by email first."""

from django.apps import AppConfig


class SubscriptionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "subscriptions"
    verbose_name = "Email updates"

    def ready(self):
        from . import signals  # noqa: F401
