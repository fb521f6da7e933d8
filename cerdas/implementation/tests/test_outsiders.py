"""Nobody outside the region's team and the responsible OPD updates a program."""

import pytest

from cerdas.implementation.models import Update

from .conftest import program_url, update_url

DATA = {"status": "in_progress", "progress": "50"}


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_log_in(client, approved):
    url = update_url(approved, approved.program)
    assert client.get(url).status_code == 302
    response = client.post(url, DATA)
    assert response.status_code == 302
    assert "/akun/" in response["Location"]
    assert not Update.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["member_b", "citizen", "assessor_a", "officer_a"])
def test_outsiders_get_403(client, approved, persona, request):
    """Another region's team, a citizen, an assessor, and an officer of another agency."""
    client.force_login(request.getfixturevalue(persona))
    url = update_url(approved, approved.program)
    assert client.get(url).status_code == 403
    assert client.post(url, DATA).status_code == 403
    assert not Update.objects.exists()


@pytest.mark.django_db
def test_another_regions_code_finds_no_program(client, approved, member_b):
    client.force_login(member_b)
    url = f"/implementasi/32.73/program/{approved.program.key}/perbarui/"
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_an_unapproved_plan_has_no_implementation(client, member_a):
    from cerdas.masterplans.tests.factories import add_program, make_plan

    plan = make_plan()
    program = add_program(plan)
    client.force_login(member_a)
    assert client.get(update_url(plan, program)).status_code == 404
    assert client.get(program_url(plan, program)).status_code == 404


@pytest.mark.django_db
def test_outsiders_cannot_change_the_reporting_period(client, approved, member_b):
    assert client.get("/implementasi/35.22/periode/").status_code == 302
    client.force_login(member_b)
    assert client.post("/implementasi/35.22/periode/", {"months": "6"}).status_code == 403


@pytest.mark.django_db
def test_private_evidence_is_served_to_the_team_only(
    client, approved, member_a, member_b, tmp_path, settings
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    client.force_login(member_a)
    png = (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00"
        b"\x00\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N"
        b"\x00\x00\x00\x00IEND\xaeB`\x82"
    )
    for public, name in ((True, "terbuka.png"), (False, "rahasia.png")):
        data = {**DATA, "caption": name, "evidence": SimpleUploadedFile(name, png, "image/png")}
        if public:
            data["evidence_public"] = "on"
        assert client.post(update_url(approved, approved.program), data).status_code == 302
    from cerdas.implementation.models import Evidence

    open_file = Evidence.objects.get(is_public=True).get_absolute_url()
    closed_file = Evidence.objects.get(is_public=False).get_absolute_url()
    assert client.get(closed_file).status_code == 200
    client.logout()
    assert client.get(open_file).status_code == 200
    assert client.get(closed_file).status_code == 404
    page = client.get(program_url(approved, approved.program)).content.decode()
    assert "terbuka.png" in page and "rahasia.png" not in page
    client.force_login(member_b)
    assert client.get(closed_file).status_code == 404


@pytest.mark.django_db
def test_a_renamed_program_is_refused_as_evidence(client, approved, member_a, tmp_path, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    client.force_login(member_a)
    fake = SimpleUploadedFile("foto.png", b"MZ\x90\x00" + b"\x00" * 200, "image/png")
    response = client.post(update_url(approved, approved.program), {**DATA, "evidence": fake})
    assert response.status_code == 200
    assert not Update.objects.exists()


@pytest.mark.django_db
def test_the_team_takes_evidence_off_the_public_timeline(
    client, approved, member_a, member_b, tmp_path, settings
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from cerdas.core.models import AuditEntry
    from cerdas.implementation.models import Evidence

    settings.MEDIA_ROOT = tmp_path
    client.force_login(member_a)
    pdf = SimpleUploadedFile("laporan.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    data = {**DATA, "evidence": pdf, "caption": "Laporan tahap 1", "evidence_public": "on"}
    client.post(update_url(approved, approved.program), data)
    evidence = Evidence.objects.get()
    hide = f"/implementasi/35.22/bukti/{evidence.pk}/privat/"
    client.logout()
    assert client.get(evidence.get_absolute_url()).status_code == 200
    assert client.post(hide).status_code == 302  # to the login page
    client.force_login(member_b)
    assert client.post(hide).status_code == 403
    assert client.post(f"/implementasi/32.73/bukti/{evidence.pk}/privat/").status_code == 404
    evidence.refresh_from_db()
    assert evidence.is_public
    client.force_login(member_a)
    assert client.get(hide).status_code == 405
    assert client.post(hide).status_code == 302
    assert AuditEntry.objects.filter(action="implementation.evidence_hidden").count() == 1
    client.logout()
    assert client.get(evidence.get_absolute_url()).status_code == 404
