"""The program's public record: facts with their sources, loaded as they happened.

Kept apart from demo content (``cerdas.demo``): a production site loads records, never demo.
``python manage.py load_records`` runs ``load()``; every part is idempotent, so loading again
adds nothing.
"""

from cerdas.records import cohort_2017, news_2017

# The cohort first: the news links to it.
PARTS = (cohort_2017, news_2017)


def load(stdout) -> None:
    for part in PARTS:
        part.load(stdout)
