import pytest

from conftest import make_user


@pytest.fixture
def make_assessor_b(db):
    user = make_user("assessor_b", "assessor")
    user.assigned_regions.add("32.73")
    return user


@pytest.fixture(autouse=True)
def _reference_data(db):
    """Transactional tests elsewhere in the suite empty every table; put the dimensions back."""
    from cerdas.masterplans.reference import seed_reference_data

    seed_reference_data()
