import os

from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from cerdas import demo, records
from cerdas.core.cache import SITE, bump_version
from cerdas.records.cohort_2017 import cohort_2017_codes
from cerdas.regions.models import Region


class Command(BaseCommand):
    help = "Load the demo accounts (one per role) and every app's demo content. Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--password",
            default=demo.accounts.DEFAULT_PASSWORD,
            help="Password of every demo account.",
        )

    @transaction.atomic
    def handle(self, *args, **options):
        if not Region.objects.exists():
            raise CommandError("No regions yet: run `python manage.py import_regions` first.")
        cohort = cohort_2017_codes()
        records.load(self.stdout)  # the demo builds on the record
        demo.seed(self.stdout, options["password"])
        cache.delete("site:has_demo")
        transaction.on_commit(lambda: bump_version(SITE))
        self.stdout.write(f"2017 cohort regions resolved: {len(cohort)} ({', '.join(cohort)}).")
        self.stdout.write("")
        demo.accounts.print_logins(self.stdout, options["password"], os.environ.get("PORT", "8000"))
