from django.apps import AppConfig
from django.db.models.signals import post_save


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home"

    def ready(self):
        from .councils import share_home_page_permissions
        from .models import HomePage

        post_save.connect(
            share_home_page_permissions,
            sender=HomePage,
            dispatch_uid="council-home-translation-permissions",
        )
