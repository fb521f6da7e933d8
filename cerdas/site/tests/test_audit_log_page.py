import pytest


@pytest.mark.django_db
def test_a_national_admin_reads_and_filters_the_whole_log(
    client, national_admin, region_a, region_b
):
    region_a.log_action("region.updated", user=national_admin, reason="alasan A")
    region_b.log_action("region.updated", user=national_admin, reason="alasan B")
    client.force_login(national_admin)
    body = client.get("/audit/").content.decode()
    assert "alasan A" in body and "alasan B" in body
    filtered = client.get("/audit/", {"region": "32.73"}).content.decode()
    assert "alasan B" in filtered and "alasan A" not in filtered


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["member_a", "assessor_a", "officer_a", "citizen"])
def test_nobody_else_reads_the_whole_log(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get("/audit/").status_code == 403


@pytest.mark.django_db
def test_an_anonymous_visitor_is_sent_to_log_in(client):
    assert client.get("/audit/")["Location"].startswith("/akun/masuk/")
