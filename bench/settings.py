"""Settings for the benchmark: the real ones, with a URLconf that adds the baseline view."""

from cerdas.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
