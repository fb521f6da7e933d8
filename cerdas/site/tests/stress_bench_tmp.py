import os

from bench.settings import *  # noqa

PORTAL_COUNT_VIEWS = not os.environ.get("COUNT_OFF")
