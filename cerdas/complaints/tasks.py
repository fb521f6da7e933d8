from django_tasks import task

from cerdas.complaints.escalation import escalate_overdue
from cerdas.complaints.services import close_expired


@task()
def run_deadlines() -> tuple[int, int]:
    """Close reports whose reply window ended and escalate overdue steps (once each)."""
    return close_expired(), escalate_overdue()
