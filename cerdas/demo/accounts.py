"""Demo accounts: one per role, with a password printed for people trying Cerdas out."""

from cerdas.accounts.models import User
from cerdas.regions.models import Agency

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


def seed(stdout, password: str = DEFAULT_PASSWORD) -> list[str]:
    """Create the demo accounts that are missing; return the usernames created."""
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
            user.set_password(password)
            user.save(update_fields=["password"])
            user.log_action("user.created", reason="demo data", changes={"role": role})
            created.append(username)
        if role == User.Role.ASSESSOR:
            user.assigned_regions.add(*ASSESSOR_REGIONS)
    stdout.write(
        f"Demo accounts: {len(created)} created, {len(ACCOUNTS) - len(created)} already there."
    )
    return created


def print_logins(stdout, password: str, port: str) -> None:
    stdout.write(f"Log in at http://127.0.0.1:{port}/akun/masuk/ with a demo account:")
    for username, _full_name, role, code, _agency in ACCOUNTS:
        scope = f" — {code}" if code else ""
        stdout.write(f"  {username:<16} {User.Role(role).label!s}{scope}")
    stdout.write(f"  password for all: {password}  (newly created accounts only)")
