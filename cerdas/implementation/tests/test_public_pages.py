"""What the public sees: a region at a glance, the national view, the profile section."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cerdas.implementation import services
from cerdas.implementation.services import Report


@pytest.fixture
def reported(approved, member_a):
    services.record_update(
        "35.22",
        approved.quick.key,
        Report(status="done", progress=100, spending={(2025, "apbd"): 150_000_000}),
        member_a,
    )
    services.record_update(
        "35.22",
        approved.program.key,
        Report(
            status="in_progress",
            progress=30,
            spending={(2025, "apbd"): 600_000_000},
            values={"OPD terhubung": 10},
        ),
        member_a,
    )
    return approved


@pytest.mark.django_db
def test_the_region_page_shows_the_glance(client, reported):
    page = client.get("/implementasi/35.22/").content.decode()
    # 1 of 1 quick win done; Rp 750 juta of Rp 3,15 miliar planned (24%).
    assert "1 dari 1 (100%)" in page
    assert "Rp 750.000.000 dari Rp 3.150.000.000 direncanakan" in page
    assert "(24%)" in page
    assert "Layanan Aduan Terpadu" in page


@pytest.mark.django_db
def test_the_national_page_lists_regions_with_approved_plans(client, reported):
    page = client.get("/implementasi/").content.decode()
    assert "Kabupaten Bojonegoro" in page
    assert "/implementasi/35.22/" in page


@pytest.mark.django_db
def test_the_region_profile_has_an_implementation_section(client, reported):
    page = client.get("/wilayah/35.22/").content.decode()
    assert "Implementasi masterplan" in page
    assert "/implementasi/35.22/" in page


@pytest.mark.django_db
def test_a_region_without_approved_plan_says_so(client, db):
    page = client.get("/implementasi/32.73/")
    assert page.status_code == 200
    assert client.get("/implementasi/99.99/").status_code == 404


@pytest.mark.django_db
def test_an_update_retires_the_cached_page(
    client, approved, member_a, django_capture_on_commit_callbacks
):
    assert "Belum dimulai" in client.get("/implementasi/35.22/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        services.record_update(
            "35.22", approved.quick.key, Report(status="done", progress=100), member_a
        )
    page = client.get("/implementasi/35.22/").content.decode()
    assert "1 dari 1 (100%)" in page


@pytest.mark.django_db
def test_update_links_only_for_those_who_may(client, approved, member_a, member_b):
    update = f"/implementasi/35.22/program/{approved.quick.key}/perbarui/"
    assert update not in client.get("/implementasi/35.22/").content.decode()
    client.force_login(member_b)
    assert update not in client.get("/implementasi/35.22/").content.decode()
    client.force_login(member_a)
    assert update in client.get("/implementasi/35.22/").content.decode()


@pytest.mark.django_db
def test_a_signed_in_reader_gets_the_national_list_kept_and_every_update_at_once(
    client, approved, member_a, member_b, django_capture_on_commit_callbacks
):
    client.force_login(member_b)  # any reader: the list is the same for everyone
    assert '<td class="num">0/1 (0%)</td>' in client.get("/implementasi/").content.decode()
    with CaptureQueriesContext(connection) as ctx:
        page = client.get("/implementasi/").content.decode()
    assert "Kabupaten Bojonegoro" in page
    assert not [q for q in ctx.captured_queries if '"masterplans_' in q["sql"]]  # kept
    with django_capture_on_commit_callbacks(execute=True):
        services.record_update(
            "35.22", approved.quick.key, Report(status="done", progress=100), member_a
        )
    assert '<td class="num">1/1 (100%)</td>' in client.get("/implementasi/").content.decode()


@pytest.mark.django_db
def test_a_signed_in_reader_gets_the_region_page_kept_and_every_change_at_once(
    client, approved, member_a, django_capture_on_commit_callbacks
):
    client.force_login(member_a)
    assert "Belum dimulai" in client.get("/implementasi/35.22/").content.decode()
    with CaptureQueriesContext(connection) as ctx:
        page = client.get("/implementasi/35.22/").content.decode()
    read = " ".join(q["sql"] for q in ctx.captured_queries)
    assert '"implementation_record"' not in read and '"masterplans_budget"' not in read  # kept
    assert "Layanan Aduan Terpadu" in page
    with django_capture_on_commit_callbacks(execute=True):
        services.record_update(
            "35.22", approved.quick.key, Report(status="done", progress=100), member_a
        )
    assert "1 dari 1 (100%)" in client.get("/implementasi/35.22/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        services.set_reporting_period("35.22", 3, member_a)
    assert "setiap 3 bulan" in client.get("/implementasi/35.22/").content.decode()
