"""What the portal announces when something its article editor shows changes.

The editor's fields (an article's text and links, and the lists to pick from: regions,
categories, cohorts, masterplans) are kept per article and per ``User.visibility``
(``views.manage``). Every save or delete of an article, and every change of its links,
announces a change of its region's desk; a category's save or delete retires every copy
(every editor lists the categories). The lists other apps own retire with those apps' own
announcements: ``regions``, ``cohorts`` and the masterplans desk.
"""

from cerdas.core.cache import desk_changed
from cerdas.core.signals import content_changed

DESK = "portal-desk"
CATEGORIES = "portal-categories"
# The readership figures (views per day, reactions), kept on the editors' readership page:
# every flush of the view counts that adds a view, and every reaction, announce a change.
READERSHIP = "portal-readership"


def readership_changed() -> None:
    content_changed("portal", READERSHIP)


def article_changed(sender, instance, **kwargs) -> None:
    """An article was saved or deleted."""
    desk_changed("portal", DESK, instance.region_id)


def links_changed(sender, instance, action, **kwargs) -> None:
    """An article's related regions, cohorts or masterplans changed (``m2m_changed``; the
    links have no reverse accessor, so ``instance`` is always the article)."""
    if action.startswith("post_"):
        desk_changed("portal", DESK, instance.region_id)


def category_changed(sender, instance, **kwargs) -> None:
    """A category was saved or deleted: every editor lists the categories."""
    content_changed("portal", CATEGORIES)
