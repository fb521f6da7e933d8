"""Querysets whose annotations are the same for every request, built once per process.

Building an annotated queryset is not free: an article query with its pending views and
responses (two subqueries and a sum) took 1.3 ms to build, every request, before any SQL ran.
A queryset is a recipe until it is evaluated, and filtering copies it, so the recipe can be
built once and copied per request::

    @built_once
    def articles_with_views():
        return with_pending_views(Article.objects.all())

    articles_with_views().readable().filter(pk=pk)   # a fresh copy, read when evaluated
"""

import functools


def built_once(build):
    """``build()`` runs once per process; every call returns a copy of what it built
    (``.all()``), so no call ever sees rows an earlier one read."""
    kept = functools.cache(build)

    @functools.wraps(build)
    def copy():
        return kept().all()

    return copy
