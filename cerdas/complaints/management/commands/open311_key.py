from django.core.management.base import BaseCommand, CommandError

from cerdas.complaints import keys
from cerdas.regions.models import Region


class Command(BaseCommand):
    help = "Issue an Open311 API key for a client application of a region; prints the key last."

    def add_arguments(self, parser):
        parser.add_argument("--region", required=True, help="Kemendagri code, e.g. 35.22")
        parser.add_argument("--name", required=True, help='The application, e.g. "Aplikasi Warga"')

    def handle(self, *args, region, name, **options):
        if not Region.objects.filter(pk=region).exists():
            raise CommandError(f"No kabupaten/kota has the code {region!r} (e.g. 35.22).")
        if not name.strip():
            raise CommandError("Give the application's name with --name.")
        key, raw = keys.issue(None, region, name)
        self.stdout.write(f"Open311 API key for {key.name} ({region}); it is shown only once:")
        self.stdout.write(raw)
