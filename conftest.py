"""Fixtures shared by the whole suite: the real regions, and the personas of STYLE.md."""

import pytest
from django.core.cache import cache, caches

# Registers and loads the Hypothesis profiles ("ci" is derandomized); mutmut loads it alone.
import cerdas.core.tests.hypothesis_profiles  # noqa: F401
from cerdas.accounts.models import User
from cerdas.regions.models import Agency, Region

# Rounds built through the assessments services, for the apps that listen to them too.
pytest_plugins = ["cerdas.assessments.tests.fixtures"]

REGION_A = "35.22"  # Kabupaten Bojonegoro
REGION_B = "32.73"  # Kota Bandung
PASSWORD = "persona-password-1"  # noqa: S105 - test personas only


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Import the real Kemendagri regions once; every test sees them."""
    from cerdas.regions.services import import_regions

    with django_db_blocker.unblock():
        import_regions()


@pytest.fixture(autouse=True)
def _regions_in_transactional_tests(request):
    """Bring the regions back for a test that commits: the one before it emptied the tables."""
    marker = request.node.get_closest_marker("django_db")
    commits = marker is not None and marker.kwargs.get("transaction", False)
    if not (commits or "transactional_db" in request.fixturenames):
        return
    from cerdas.regions.services import import_regions

    request.getfixturevalue("transactional_db")
    if not Region.objects.exists():
        import_regions()


@pytest.fixture(autouse=True)
def _fast_hashing_and_clean_cache(settings):
    # Argon2 is deliberately slow; tests check behaviour, not hashing cost.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    for each in (cache, caches["versions"]):
        each.clear()
    yield
    for each in (cache, caches["versions"]):
        each.clear()


def make_user(username, role, region=None, agency=None, **extra):
    user = User(username=username, role=role, region_id=region, agency=agency, **extra)
    user.set_password(PASSWORD)
    user.full_clean()
    user.save()
    return user


@pytest.fixture
def region_a(db):
    return Region.objects.get(code=REGION_A)


@pytest.fixture
def region_b(db):
    return Region.objects.get(code=REGION_B)


@pytest.fixture
def national_admin(db):
    return make_user("admin", User.Role.NATIONAL_ADMIN, email="admin@example.org")


@pytest.fixture
def member_a(db):
    return make_user("member_a", User.Role.REGIONAL_TEAM, REGION_A, email="a@example.org")


@pytest.fixture
def member_b(db):
    return make_user("member_b", User.Role.REGIONAL_TEAM, REGION_B, email="b@example.org")


@pytest.fixture
def officer_a(db):
    agency = Agency.objects.create(region_id=REGION_A, name="Dinas Komunikasi dan Informatika")
    return make_user("officer_a", User.Role.AGENCY_OFFICER, REGION_A, agency)


@pytest.fixture
def assessor_a(db):
    user = make_user("assessor_a", User.Role.ASSESSOR)
    user.assigned_regions.add(REGION_A)
    return user


@pytest.fixture
def citizen(db):
    return make_user("citizen", User.Role.CITIZEN)
