from django_tasks import task

from .reminders import send_due_reminders


@task()
def send_reminders() -> int:
    """Email the teams whose deliverables are due soon or overdue (once per item and day)."""
    return send_due_reminders()
