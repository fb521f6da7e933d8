"""The Hypothesis profiles of the whole suite, importable without Django.

The project conftest imports this module, and `make mutate` loads it as a pytest plugin
(`-p cerdas.core.tests.hypothesis_profiles`) because mutmut runs the engines' tests without
the conftest and without pytest-django.

Property tests draw the same examples on every run: a landing never waits on a lucky draw,
and no machine's speed decides a deadline. HYPOTHESIS_PROFILE=explore draws afresh;
HYPOTHESIS_PROFILE=mutate (set by scripts/mutate.py) draws derandomized examples as "ci"
does but neither shrinks a failure nor keeps one: a mutant only needs to fail, not to be
explained. A property may ask for fewer examples under it (the scoring engine's draw a
fifth: `settings.get_current_profile_name()` says which profile runs).
"""

import os

from hypothesis import Phase, settings

settings.register_profile("ci", derandomize=True, deadline=None)
settings.register_profile("explore", deadline=None)
settings.register_profile(
    "mutate",
    derandomize=True,
    deadline=None,
    database=None,
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
    print_blob=False,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
