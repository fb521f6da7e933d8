"""A member's board, MoU and deliverables: its team acts, its mentor reviews, others are refused."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cerdas.cohorts.models import Mou, Submission

BOARD = "/angkatan/2017/wilayah/35.22/"
PDF = b"%PDF-1.4\n%demo\n"


def _pdf(name="mou.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.mark.django_db
def test_the_team_sees_its_board_with_deadlines_in_its_zone(client, cohort, deliverable, member_a):
    client.force_login(member_a)
    body = client.get(BOARD).content.decode()
    assert "Analisis kesiapan" in body and "WIB" in body and "not yet due" in body


@pytest.mark.django_db
def test_the_team_uploads_its_mou_and_only_insiders_can_open_it(
    client, cohort, member_a, member_b, assessor_a, mentored
):
    client.force_login(member_a)
    response = client.post(
        f"{BOARD}mou/", {"status": "signed", "signed_on": "2017-05-23", "document": _pdf()}
    )
    assert response.status_code == 302
    mou = Mou.objects.get(cohort=cohort, region_id="35.22")
    url = f"{BOARD}berkas/mou/{mou.pk}/"
    opened = client.get(url)
    assert opened.status_code == 200 and opened["Content-Type"] == "application/pdf"
    assert b"".join(opened.streaming_content) == PDF
    client.force_login(assessor_a)  # the region's mentor
    assert client.get(url).status_code == 200
    client.force_login(member_b)
    assert client.get(url).status_code == 403
    client.logout()
    assert client.get(url).status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("mou.exe", PDF, "upload a PDF, JPEG or PNG file"),
        ("mou.pdf", b"<html>not a pdf", "is not a PDF file"),
        ("mou.pdf", b"%PDF" + b"x" * (10 * 1024 * 1024), "larger than"),
    ],
)
def test_a_wrong_or_too_large_document_is_refused_and_the_form_keeps_what_was_typed(
    client, cohort, member_a, name, content, message
):
    client.force_login(member_a)
    response = client.post(
        f"{BOARD}mou/",
        {"status": "signed", "signed_place": "Jakarta", "document": _pdf(name, content)},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert message in body and 'value="Jakarta"' in body
    assert not Mou.objects.exists()


@pytest.mark.django_db
def test_the_team_submits_and_the_mentor_returns_then_accepts(
    client, cohort, deliverable, member_a, assessor_a, mentored
):
    url = f"{BOARD}luaran/{deliverable.pk}/"
    client.force_login(member_a)
    client.post(url, {"action": "submit", "url": "https://example.org/v1"})
    client.force_login(assessor_a)
    response = client.post(url, {"action": "review", "decision": "return", "comment": ""})
    assert "Say what needs changing" in response.content.decode()
    client.post(url, {"action": "review", "decision": "return", "comment": "Tambah SWOT"})
    client.force_login(member_a)
    assert "Tambah SWOT" in client.get(url).content.decode()
    client.post(url, {"action": "submit", "document": _pdf("v2.pdf")})
    client.force_login(assessor_a)
    accept = {"action": "review", "decision": "accept", "comment": "Baik"}
    # Accepting is final: a page asks first and repeats the answers with the confirmation.
    page = client.post(url, accept).content.decode()
    assert 'name="confirmed" value="yes"' in page
    assert Submission.objects.order_by("version").last().status == "submitted"
    client.post(url, {**accept, "confirmed": "yes"})
    statuses = list(Submission.objects.order_by("version").values_list("status", flat=True))
    assert statuses == ["returned", "accepted"]


@pytest.mark.django_db
def test_a_mentor_cannot_submit_and_the_team_cannot_review(
    client, cohort, deliverable, member_a, assessor_a, mentored
):
    url = f"{BOARD}luaran/{deliverable.pk}/"
    client.force_login(assessor_a)
    assert client.post(url, {"action": "submit", "url": "https://x.id"}).status_code == 403
    client.force_login(member_a)
    client.post(url, {"action": "submit", "url": "https://x.id"})
    response = client.post(url, {"action": "review", "decision": "accept"})
    assert response.status_code == 403
    assert Submission.objects.get().status == "submitted"


@pytest.fixture
def other_assessor(db):
    from conftest import make_user

    return make_user("assessor_b", "assessor")


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["member_b", "citizen", "other_assessor"])
def test_outsiders_cannot_see_another_regions_board_or_reviews(
    client, request, persona, cohort, deliverable, member_a
):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(BOARD).status_code == 403
    assert client.get(f"{BOARD}luaran/{deliverable.pk}/").status_code == 403
    assert client.get(f"{BOARD}mou/").status_code == 403


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_log_in_and_non_members_are_404(
    client, cohort, national_admin
):
    assert client.get(BOARD).status_code == 302
    client.force_login(national_admin)
    assert client.get("/angkatan/2017/wilayah/11.01/").status_code == 404


@pytest.mark.django_db
def test_the_national_board_filters_overdue_members(
    client, cohort, past_deliverable, national_admin
):
    client.force_login(national_admin)
    body = client.get("/angkatan/2017/papan/?only=overdue").content.decode()
    assert "Kabupaten Bojonegoro" in body and "overdue" in body
