"""What the masterplans app announces when a record its officials' list shows changes.

The list of plans to work on (``views.manage.index``) is kept per region, and the ministry's
across regions (``cerdas.core.cache.desk_kinds``): every save or delete of a plan announces a
change of its region's list. A version (whose date the list shows as "submitted on") is
taken only in ``services.transition``, right after the plan's status is saved.

A plan's workspace is kept under the same kinds, and per plan under its latest history entry
(``views.manage.workspace``): the agencies its programs name announce a change of their
region's desk, and the dimensions and elements (of every plan) one of ``REFERENCE``.
"""

from cerdas.core.cache import desk_changed
from cerdas.core.signals import content_changed

DESK = "masterplans-desk"
REFERENCE = "masterplans-reference"


def plan_changed(sender, instance, **kwargs) -> None:
    desk_changed("masterplans", DESK, instance.region_id)


def agency_changed(sender, instance, **kwargs) -> None:
    """An agency (which a plan's programs name) was saved or deleted."""
    desk_changed("masterplans", DESK, instance.region_id)


def reference_changed(sender, instance, **kwargs) -> None:
    """A smart city dimension or element (which every plan's programs name) changed."""
    content_changed("masterplans", REFERENCE)
