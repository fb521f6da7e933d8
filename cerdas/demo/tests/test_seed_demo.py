from io import StringIO

import pytest
from django.core.management import call_command

from cerdas.accounts.models import User
from cerdas.records.cohort_2017 import cohort_2017_codes


@pytest.mark.django_db
def test_seed_demo_makes_one_demo_account_per_role_and_prints_how_to_log_in():
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert set(User.objects.filter(is_demo=True).values_list("role", flat=True)) == set(
        User.Role.values
    )
    assert "akun/masuk" in out.getvalue()
    assert "cerdas-demo-2026" in out.getvalue()
    assert User.objects.get(username="tim.bojonegoro").region_id == "35.22"


@pytest.mark.django_db
def test_running_seed_demo_twice_adds_nothing():
    call_command("seed_demo", stdout=StringIO())
    count = User.objects.count()
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert User.objects.count() == count
    assert "0 created" in out.getvalue()


@pytest.mark.django_db
def test_the_demo_banner_shows_once_demo_data_is_loaded(client, django_capture_on_commit_callbacks):
    assert "data demo" not in client.get("/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", stdout=StringIO())
    assert "data demo" in client.get("/").content.decode()


@pytest.mark.django_db
def test_the_2017_cohort_resolves_to_25_distinct_real_regions():
    codes = cohort_2017_codes()
    assert len(set(codes)) == 25
    assert {"35.22", "32.73", "64.02", "94.04", "36.74"} <= set(codes)
