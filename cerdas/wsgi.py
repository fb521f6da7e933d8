"""The WSGI application granian serves (`make run`, docs/deploy.md)."""

import gc
import os

from django.core.wsgi import get_wsgi_application

from cerdas.core.freeze import FreezeWhenWarm

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cerdas.settings")

application = get_wsgi_application()
gc.freeze()  # what loading the apps made; FreezeWhenWarm freezes the rest once warm
application = FreezeWhenWarm(application)
