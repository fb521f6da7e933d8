"""The address of a view that takes one number, looked up once and filled in per row.

A list of 25 reports or articles links each row to its own page: 25 ``{% url %}`` lookups,
each walking the URL resolver (~30 µs). The address differs between the rows only by the
number, so it is looked up once, with a marker for the number, and kept as a pattern::

    address_pattern("portal:manage_edit").format(article.pk)   # "/berita/kelola/12/"
"""

import functools

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

# A number no row has, replaced by each row's own.
_MARKER = 987654321987


@functools.lru_cache(maxsize=256)
def _pattern(name: str, prefix: str, urlconf: str, language: str | None) -> str:
    return reverse(name, args=[_MARKER], urlconf=urlconf).replace(str(_MARKER), "{}")


def address_pattern(name: str) -> str:
    """``reverse(name, args=[n])`` for every ``n``, as a ``str.format`` pattern."""
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    return _pattern(name, get_script_prefix(), urlconf, get_language())
