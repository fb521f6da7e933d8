"""The ceiling the article page is measured against: Django's own trivial view.

Settings, URLconf and WSGI application in one module, served the same way as Cerdas (granian,
same workers) in the same run: ``granian --interface wsgi bench.ceiling:application``.
Only Django's SecurityMiddleware and CommonMiddleware run, DEBUG is off; no database, no
session, no template. What a real page keeps of this view's throughput is its share of
what the server, the WSGI layer and Django's request handling alone allow.
"""

import os

from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "bench-ceiling-only")
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "bench.ceiling"
INSTALLED_APPS: list[str] = []
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
]
DATABASES: dict = {}
USE_TZ = True


def ok(request):
    return HttpResponse("ok")


urlpatterns = [path("", ok), path("healthz", ok)]

os.environ["DJANGO_SETTINGS_MODULE"] = "bench.ceiling"
application = get_wsgi_application()
