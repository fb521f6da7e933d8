"""Production settings for the load test's app server, without the hashed, compressed static
files: compressing the API docs' bundles takes a minute of a busy CI machine, and static
files are not what that test is about. Everything else is exactly ``cerdas.settings``."""

from cerdas.settings import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
