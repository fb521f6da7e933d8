"""Demo content: invented data that shows every part of Cerdas, always marked as demo.

Kept apart from the production apps and from the public record (``cerdas.records``): a
production site loads records, never demo. ``python manage.py seed_demo`` calls ``seed()``;
each part is idempotent, so running it again adds nothing.
"""

from cerdas.demo import (
    accounts,
    assessments,
    cohorts,
    complaints,
    implementation,
    masterplans,
    portal,
    surveys,
)

# In dependency order: accounts first, then each part of the program as it happens.
PARTS = (accounts, assessments, cohorts, masterplans, implementation, portal, surveys, complaints)


def seed(stdout, password: str = accounts.DEFAULT_PASSWORD) -> None:
    accounts.seed(stdout, password)
    for part in PARTS[1:]:
        part.seed(stdout)
