import sys

from django.core.management.base import BaseCommand

from cerdas.regions.services import get_resolver


class Command(BaseCommand):
    help = (
        "Resolve region names read from standard input, one per line. Prints one "
        "tab-separated line per input: the input, match/ambiguous/unknown, the candidate "
        "codes (best first, comma-separated) and their names (;-separated)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--province", help="Province name, code or abbreviation to narrow by.")

    def handle(self, *args, **options):
        resolver = get_resolver()
        for line in sys.stdin:
            text = line.rstrip("\r\n")
            result = resolver.resolve(text, province=options["province"])
            # A match names its one region; the others list every candidate to pick from.
            candidates = [result.best] if result.best else result.candidates
            codes = ",".join(c.code for c in candidates)
            names = ";".join(c.name for c in candidates)
            self.stdout.write(f"{text}\t{result.status}\t{codes}\t{names}")
