"""Drafts and the tools around them are for the region's people only."""

import pytest

from cerdas.masterplans.tests.factories import add_program, make_plan


@pytest.fixture
def plan(db):
    plan = make_plan()
    add_program(plan)
    return plan


def urls(plan):
    program = plan.programs.get()
    return [
        f"/masterplan/{plan.pk}/kelola/",
        f"/masterplan/{plan.pk}/bagian/vision/",
        f"/masterplan/{plan.pk}/program/baru/",
        f"/masterplan/{plan.pk}/program/{program.pk}/",
        f"/masterplan/{plan.pk}/versi/",
        f"/masterplan/{plan.pk}/kohort/",
        f"/masterplan/{plan.pk}/impor/",
        f"/masterplan/{plan.pk}/unduh/pdf/",
        f"/masterplan/{plan.pk}/status/submit/",
        f"/masterplan/{plan.pk}/program/{program.pk}/hapus/",
        f"/masterplan/{plan.pk}/",
    ]


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_log_in(client, plan):
    for url in urls(plan):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/akun/masuk/"), url


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["member_b", "citizen"])
def test_other_regions_and_citizens_are_refused(client, request, plan, persona):
    client.force_login(request.getfixturevalue(persona))
    for url in urls(plan):
        assert client.get(url).status_code == 403, url
    assert (
        client.post(
            f"/masterplan/{plan.pk}/bagian/vision/", {"version": 1, "vision": "x"}
        ).status_code
        == 403
    )
    assert client.post(f"/masterplan/{plan.pk}/status/", {"action": "submit"}).status_code == 403
    assert plan.sections.get(kind="vision").data == {}


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["officer_a", "assessor_a"])
def test_officers_and_assessors_read_the_draft_but_do_not_edit(client, request, plan, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(f"/masterplan/{plan.pk}/kelola/").status_code == 200
    assert client.get(f"/masterplan/{plan.pk}/bagian/vision/").status_code == 403
    program = plan.programs.get()
    for data in ({}, {"confirmed": "yes"}):
        url = f"/masterplan/{plan.pk}/program/{program.pk}/hapus/"
        assert client.post(url, data).status_code == 403
    assert plan.programs.count() == 1


@pytest.mark.django_db
def test_another_regions_team_cannot_write_through_the_api(plan, member_b):
    from django.test import Client

    client = Client()
    client.force_login(member_b)
    response = client.put(
        f"/api/v1/masterplans/{plan.pk}/sections/vision",
        {"version": 1, "data": {"vision": "x"}},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert client.get(f"/api/v1/masterplans/{plan.pk}").status_code == 403
    assert client.get("/api/v1/masterplans", {"region": "35.22"}).json() == []


@pytest.mark.django_db
def test_the_api_refuses_writes_without_a_csrf_token(plan, member_a):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(member_a)
    response = client.put(
        f"/api/v1/masterplans/{plan.pk}/sections/vision",
        {"version": 1, "data": {"vision": "x"}},
        content_type="application/json",
    )
    assert response.status_code == 403
