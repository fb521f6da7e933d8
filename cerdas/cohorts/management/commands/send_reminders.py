from django.core.management.base import BaseCommand

from cerdas.cohorts.reminders import send_due_reminders


class Command(BaseCommand):
    help = "Email reminders for cohort deliverables due soon or overdue (once per item a day)."

    def handle(self, *args, **options):
        sent = send_due_reminders()
        self.stdout.write(f"{sent} reminder item(s) sent.")
