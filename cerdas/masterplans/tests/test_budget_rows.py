"""A team enters a budget for every year of a program in one go, with or without JavaScript."""

import re

import pytest

from cerdas.masterplans.tests.factories import add_program, make_plan
from cerdas.masterplans.tests.test_program_form import form_data


@pytest.fixture
def plan(db):
    return make_plan()


def offered_years(body: str) -> list[str]:
    return re.findall(r'name="budget-\d+-year" value="(\d+)"', body)


@pytest.mark.django_db
def test_a_new_program_offers_a_row_for_every_year_of_the_plan(client, member_a, plan):
    client.force_login(member_a)
    body = client.get(f"/masterplan/{plan.pk}/program/baru/").content.decode()
    assert offered_years(body) == [str(year) for year in range(2025, 2035)]
    assert 'id="budget-empty-row"' in body and "formset-rows.js" in body
    assert 'name="add_budget_row"' in body


@pytest.mark.django_db
def test_a_program_offers_rows_for_its_years_still_without_a_budget(client, member_a, plan):
    program = add_program(plan, start=2025, end=2028)
    client.force_login(member_a)
    body = client.get(f"/masterplan/{plan.pk}/program/{program.pk}/").content.decode()
    assert offered_years(body) == ["2025", "2026", "2027", "2028"]
    assert 'name="budget-0-amount" value="150.000.000"' in body


@pytest.mark.django_db
def test_ten_years_of_budget_are_saved_in_one_go(client, member_a, plan):
    client.force_login(member_a)
    rows = {"budget-TOTAL_FORMS": 10, "end_year": 2034}
    for n, year in enumerate(range(2025, 2035)):
        rows |= {
            f"budget-{n}-year": year,
            f"budget-{n}-source": "apbd",
            f"budget-{n}-amount": f"{n + 1}.000.000",
        }
    response = client.post(f"/masterplan/{plan.pk}/program/baru/", form_data(**rows))
    assert response.status_code == 302
    program = plan.programs.get()
    assert program.budgets.count() == 10
    assert program.budget_total() == 55_000_000


@pytest.mark.django_db
def test_add_a_row_without_javascript_keeps_everything_typed_and_saves_nothing(
    client, member_a, plan
):
    client.force_login(member_a)
    data = form_data(add_budget_row="1", **{"budget-0-amount": "300.000.000"})
    response = client.post(f"/masterplan/{plan.pk}/program/baru/", data)
    body = response.content.decode()
    assert response.status_code == 200
    assert 'name="budget-TOTAL_FORMS" value="3"' in body
    assert 'name="budget-2-amount"' in body
    assert 'value="300.000.000"' in body and 'value="Sistem Informasi Desa"' in body
    assert plan.programs.count() == 0


@pytest.mark.django_db
def test_unfilled_offered_rows_are_left_out(client, member_a, plan):
    client.force_login(member_a)
    rows = {"budget-TOTAL_FORMS": 3, "budget-1-year": 2026, "budget-1-source": "apbd"}
    rows |= {"budget-2-year": 2027, "budget-2-source": "apbd", "budget-2-amount": ""}
    response = client.post(f"/masterplan/{plan.pk}/program/baru/", form_data(**rows))
    assert response.status_code == 302
    assert plan.programs.get().budgets.count() == 1
