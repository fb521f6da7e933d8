"""Sections that other apps add to a region's public profile page.

An app registers a section in its ``AppConfig.ready()``::

    register_section("cohorts/region_section.html", cohort_context, order=20)

``context(region)`` returns the template's context, or None to leave the section out.
Profile pages are cached for anonymous visitors: when content a section shows changes,
call ``cerdas.core.cache.bump_version(PROFILE)`` after the change commits.
"""

from collections.abc import Callable
from dataclasses import dataclass

PROFILE = "profile"


@dataclass(frozen=True)
class Section:
    template: str
    context: Callable
    order: int


_sections: list[Section] = []


def register_section(template: str, context: Callable, order: int = 100) -> None:
    if any(section.template == template for section in _sections):
        return
    _sections.append(Section(template, context, order))
    _sections.sort(key=lambda section: section.order)


def sections_for(region) -> list[tuple[str, dict]]:
    """The (template, context) of every section that has something to show for the region."""
    result = []
    for section in _sections:
        context = section.context(region)
        if context is not None:
            result.append((section.template, context))
    return result
