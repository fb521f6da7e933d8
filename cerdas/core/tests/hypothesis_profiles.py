"""The Hypothesis profiles of the whole suite, importable without Django.

The project conftest imports this module, and `make mutate` loads it as a pytest plugin
(`-p cerdas.core.tests.hypothesis_profiles`) because mutmut runs the engines' tests without
the conftest and without pytest-django.

Property tests draw the same examples on every run: a landing never waits on a lucky draw,
and no machine's speed decides a deadline. HYPOTHESIS_PROFILE=explore draws afresh.
"""

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, deadline=None)
settings.register_profile("explore", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
