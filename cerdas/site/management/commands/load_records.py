from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from cerdas import records
from cerdas.core.cache import SITE, bump_version
from cerdas.regions.models import Region


class Command(BaseCommand):
    help = "Load the program's public record (facts with their sources). Safe to run again."

    @transaction.atomic
    def handle(self, *args, **options):
        if not Region.objects.exists():
            raise CommandError("No regions yet: run `python manage.py import_regions` first.")
        records.load(self.stdout)
        transaction.on_commit(lambda: bump_version(SITE))
