"""The WSGI application granian serves (`make run`, docs/deploy.md)."""

import gc
import os

from django.core.wsgi import get_wsgi_application

from cerdas.core.freeze import FreezeWhenWarm
from cerdas.core.wsgi import whole_bodies

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cerdas.settings")

application = get_wsgi_application()
gc.freeze()  # what loading the apps made; FreezeWhenWarm freezes the rest once warm
application = FreezeWhenWarm(whole_bodies(application))
