from django.core.management.base import BaseCommand

from cerdas.complaints.escalation import escalate_overdue
from cerdas.complaints.services import close_expired
from cerdas.complaints.staging import purge


class Command(BaseCommand):
    help = (
        "Close followed-up reports whose reply window ended, escalate overdue steps (once per "
        "deadline) and sweep stale staged pictures. Safe to run often and on several workers."
    )

    def handle(self, *args, **options):
        closed = close_expired()
        escalated = escalate_overdue()
        swept = purge()
        self.stdout.write(
            f"{closed} report(s) closed, {escalated} escalation(s) sent, {swept} file(s) swept."
        )
