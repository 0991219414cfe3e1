"""The WSGI entry point for app servers (gunicorn revmod.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "revmod.settings")
application = get_wsgi_application()
