from django.core.management.base import BaseCommand

from cerdas.portal import counting


class Command(BaseCommand):
    help = (
        "Fold the views recorded since the last flush into the articles' totals (safe to run "
        "at any time, from cron or by hand) and forget expired reader hashes."
    )

    def handle(self, *args, **options):
        added = counting.flush_view_counts()
        expired = counting.expire_reader_hashes()
        self.stdout.write(f"{added} views flushed, {expired} reader hashes expired.")
