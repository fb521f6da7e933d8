"""The program form refuses bad budgets and years and keeps what was typed."""
# ruff: noqa: RUF001 - en dashes in year ranges are intended typography

import pytest

from cerdas.masterplans.models import Dimension
from cerdas.masterplans.tests.factories import make_plan


def form_data(**extra):
    data = {
        "name": "Sistem Informasi Desa",
        "dimension": Dimension.objects.get(code="governance").pk,
        "horizon": "short",
        "start_year": 2025,
        "end_year": 2027,
        "budget-TOTAL_FORMS": 2,
        "budget-INITIAL_FORMS": 0,
        "budget-0-year": 2025,
        "budget-0-source": "apbd",
        "budget-1-source": "",
        "budget-1-year": "",
        "budget-0-amount": 300_000_000,
        "indicator-TOTAL_FORMS": 1,
        "indicator-INITIAL_FORMS": 0,
        "indicator-0-name": "Desa memakai SID",
        "indicator-0-unit": "desa",
        "indicator-0-target": 419,
    }
    return data | extra


@pytest.fixture
def plan(db):
    return make_plan()


@pytest.mark.django_db
def test_the_team_adds_a_program_with_budget_and_indicator(client, member_a, plan):
    client.force_login(member_a)
    response = client.post(f"/masterplan/{plan.pk}/program/baru/", form_data())
    assert response.status_code == 302
    program = plan.programs.get()
    assert program.budget_total() == 300_000_000
    assert program.indicators.get().name == "Desa memakai SID"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"budget-0-amount": -1}, "negatif"),
        ({"budget-0-amount": 10**15}, "10 triliun"),
        ({"budget-0-year": 2030}, "2025–2027"),
        ({"end_year": 2040}, "2025–2034"),
        ({"horizon": "quick_win"}, "dua tahun"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_the_form_keeps_the_text(
    client, member_a, plan, extra, message
):
    client.force_login(member_a)
    response = client.post(f"/masterplan/{plan.pk}/program/baru/", form_data(**extra))
    body = response.content.decode()
    assert response.status_code == 200
    assert message in body
    assert 'value="Sistem Informasi Desa"' in body
    assert plan.programs.count() == 0


@pytest.mark.django_db
def test_the_workspace_shows_completeness_per_section(client, member_a, plan):
    client.force_login(member_a)
    body = client.get(f"/masterplan/{plan.pk}/kelola/").content.decode()
    assert "Smart Environment belum memiliki program." in body
    assert "Visi” masih kosong." in body
    assert "0%" in body


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "saved"),
    [
        ("500.000.000", 500_000_000),
        ("Rp 1.500.000", 1_500_000),
        ("750 000 000", 750_000_000),
        ("300000000", 300_000_000),
    ],
)
def test_a_budget_typed_the_indonesian_way_is_saved_as_typed(client, member_a, plan, typed, saved):
    client.force_login(member_a)
    response = client.post(
        f"/masterplan/{plan.pk}/program/baru/", form_data(**{"budget-0-amount": typed})
    )
    assert response.status_code == 302
    assert plan.programs.get().budget_total() == saved


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["500.000,5", "1.5", "1.50.000", "5e8", "NaN", "Infinity"])
def test_a_budget_that_is_not_whole_rupiah_is_refused_not_misread(client, member_a, plan, typed):
    client.force_login(member_a)
    response = client.post(
        f"/masterplan/{plan.pk}/program/baru/", form_data(**{"budget-0-amount": typed})
    )
    assert response.status_code == 200
    assert f'value="{typed}"' in response.content.decode()
    assert plan.programs.count() == 0


@pytest.mark.django_db
def test_indicator_numbers_take_a_decimal_comma_and_show_back_indonesian(client, member_a, plan):
    client.force_login(member_a)
    data = form_data(**{"indicator-0-baseline": "1.250,5", "indicator-0-target": "96,92"})
    assert client.post(f"/masterplan/{plan.pk}/program/baru/", data).status_code == 302
    program = plan.programs.get()
    indicator = program.indicators.get()
    assert (str(indicator.baseline), str(indicator.target)) == ("1250.50", "96.92")
    body = client.get(f"/masterplan/{plan.pk}/program/{program.pk}/").content.decode()
    assert 'value="1.250,5"' in body
    assert 'value="96,92"' in body
    assert 'value="300.000.000"' in body
    assert 'inputmode="decimal"' in body
    assert 'type="number"' not in body


@pytest.mark.django_db
@pytest.mark.parametrize("target", ["1e15", "1.000.000.000.000.000", "NaN", "-Infinity"])
def test_an_indicator_target_beyond_what_the_database_holds_is_refused(
    client, member_a, plan, target
):
    client.force_login(member_a)
    data = form_data(**{"indicator-0-target": target})
    response = client.post(f"/masterplan/{plan.pk}/program/baru/", data)
    assert response.status_code == 200
    assert plan.programs.count() == 0
