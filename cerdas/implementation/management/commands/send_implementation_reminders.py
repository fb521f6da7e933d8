from django.core.management.base import BaseCommand

from cerdas.implementation.reminders import send_stale_reminders


class Command(BaseCommand):
    help = (
        "Email regional teams about programs not updated within their reporting period "
        "(once per program and stale period)."
    )

    def handle(self, *args, **options):
        sent = send_stale_reminders()
        self.stdout.write(f"{sent} program reminder(s) sent.")
