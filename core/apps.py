from django.apps import AppConfig
from django.db.models.signals import post_init, pre_save


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Site core"

    def ready(self):
        from core import chrome_cache, frontend_cache

        frontend_cache.connect()
        chrome_cache.connect()
        from wagtail.images import get_image_model
        from wagtail.images.models import WagtailImageFieldFile

        from core.models.images import whole_pixel_dimensions, whole_pixels

        if not getattr(WagtailImageFieldFile.get_image_dimensions, "whole_pixels", False):
            rounded = whole_pixel_dimensions(WagtailImageFieldFile.get_image_dimensions)
            rounded.whole_pixels = True
            WagtailImageFieldFile.get_image_dimensions = rounded
        image_model = get_image_model()
        for model in (image_model, image_model.get_rendition_model()):
            post_init.connect(whole_pixels, sender=model, dispatch_uid=f"whole-pixels-{model}")
            pre_save.connect(whole_pixels, sender=model, dispatch_uid=f"whole-pixels-save-{model}")
