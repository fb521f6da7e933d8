"""What the masterplans app announces when a record its officials' list shows changes.

The list of plans to work on (``views.manage.index``) is kept per region, and the ministry's
across regions (``cerdas.core.cache.desk_kinds``): every save or delete of a plan announces a
change of its region's list. A version (whose date the list shows as "submitted on") is
taken only in ``services.transition``, right after the plan's status is saved.
"""

from cerdas.core.cache import desk_changed

DESK = "masterplans-desk"


def plan_changed(sender, instance, **kwargs) -> None:
    desk_changed("masterplans", DESK, instance.region_id)
