import os
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from cerdas.accounts.models import User
from cerdas.core.cache import SITE, bump_version
from cerdas.regions.models import Agency, Region
from cerdas.regions.program import cohort_2017_codes

DEFAULT_PASSWORD = "cerdas-demo-2026"  # noqa: S105 - printed for the demo accounts on purpose

# username, full name, role, region code, agency short name
ACCOUNTS = [
    ("admin", "Admin Program (demo)", User.Role.NATIONAL_ADMIN, None, None),
    ("asesor", "Asesor Ahli (demo)", User.Role.ASSESSOR, None, None),
    ("tim.bojonegoro", "Tim Smart City Bojonegoro (demo)", User.Role.REGIONAL_TEAM, "35.22", None),
    ("tim.bandung", "Tim Smart City Kota Bandung (demo)", User.Role.REGIONAL_TEAM, "32.73", None),
    (
        "opd.bojonegoro",
        "Petugas Diskominfo Bojonegoro (demo)",
        User.Role.AGENCY_OFFICER,
        "35.22",
        "Diskominfo",
    ),
    ("warga", "Warga Contoh (demo)", User.Role.CITIZEN, None, None),
]
AGENCY_NAME = "Dinas Komunikasi dan Informatika"
ASSESSOR_REGIONS = ["35.22", "32.73", "73.71"]


class Command(BaseCommand):
    help = "Load the demo accounts (one per role) and demo agencies. Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--password", default=DEFAULT_PASSWORD, help="Password of every demo account."
        )

    @transaction.atomic
    def handle(self, *args, **options):
        if not Region.objects.exists():
            raise CommandError("No regions yet: run `python manage.py import_regions` first.")
        cohort = cohort_2017_codes()
        agencies = {}
        for code in {code for *_, code, agency in ACCOUNTS if agency}:
            agencies[code], _created = Agency.objects.get_or_create(
                region_id=code,
                name=AGENCY_NAME,
                defaults={"short_name": "Diskominfo", "is_demo": True},
            )
        created = []
        for username, full_name, role, code, agency in ACCOUNTS:
            user, was_created = User.objects.get_or_create(
                username=username,
                defaults={
                    "first_name": full_name,
                    "email": f"{username}@demo.cerdas.invalid",
                    "role": role,
                    "region_id": code,
                    "agency": agencies.get(code) if agency else None,
                    "is_demo": True,
                    "is_staff": role == User.Role.NATIONAL_ADMIN,
                    "is_superuser": role == User.Role.NATIONAL_ADMIN,
                },
            )
            if was_created:
                user.set_password(options["password"])
                user.save(update_fields=["password"])
                user.log_action("user.created", reason="demo data", changes={"role": role})
                created.append(username)
            if role == User.Role.ASSESSOR:
                user.assigned_regions.add(*ASSESSOR_REGIONS)
        self._seed_apps()
        cache.delete("site:has_demo")
        transaction.on_commit(lambda: bump_version(SITE))
        self._report(created, options["password"], cohort)

    def _seed_apps(self):
        """Each app's demo content: ``cerdas.<app>.demo.seed(stdout)``, idempotent."""
        for config in apps.get_app_configs():
            module = f"{config.name}.demo"
            if config.name.startswith("cerdas.") and find_spec(module):
                import_module(module).seed(self.stdout)

    def _report(self, created, password, cohort):
        self.stdout.write(
            f"Demo accounts: {len(created)} created, {len(ACCOUNTS) - len(created)} already there."
        )
        self.stdout.write(f"2017 cohort regions resolved: {len(cohort)} ({', '.join(cohort)}).")
        self.stdout.write("")
        port = os.environ.get("PORT", "8000")
        self.stdout.write(f"Log in at http://127.0.0.1:{port}/akun/masuk/ with a demo account:")
        for username, _full_name, role, code, _agency in ACCOUNTS:
            scope = f" — {code}" if code else ""
            self.stdout.write(f"  {username:<16} {User.Role(role).label!s}{scope}")
        self.stdout.write(f"  password for all: {password}  (newly created accounts only)")
