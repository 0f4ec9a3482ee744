import os

from core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "council_site.settings.production")

application = get_wsgi_application()
