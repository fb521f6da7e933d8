from django_tasks import task

from .reminders import send_stale_reminders


@task()
def send_reminders() -> int:
    """Email the teams whose programs are due an implementation update (once per period)."""
    return send_stale_reminders()
