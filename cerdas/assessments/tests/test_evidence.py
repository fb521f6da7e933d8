"""Evidence files: checked by content and size, kept with the answers typed, served privately."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cerdas.assessments.forms import EVIDENCE_MAX_BYTES
from cerdas.assessments.models import Answer, Evidence

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
# The first bytes of a Windows program.
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _indicators(round_):
    return {i.code: i for i in round_.framework.ordered_indicators()}


def _form(round_, file, network="1", training="4"):
    """A draft with two answers typed and a file for the government-network question."""
    by_code = _indicators(round_)
    network_q, training_q = by_code["government_network"], by_code["digital_training"]
    return {
        f"q{network_q.pk}": network,
        f"q{training_q.pk}": training,
        f"e{network_q.pk}": file,
        "draft": "",
    }


def _url(round_, code="35.22"):
    return f"/penilaian/{round_.pk}/isian/{code}/"


def test_a_program_renamed_to_pdf_is_refused_and_the_answers_typed_stay(
    client, open_round, member_a
):
    client.force_login(member_a)
    upload = SimpleUploadedFile("bukti.pdf", EXE, content_type="application/pdf")
    response = client.post(_url(open_round), _form(open_round, upload, training="4"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Isi “bukti.pdf” bukan berkas PDF." in body
    training = _indicators(open_round)["digital_training"]
    assert f'name="q{training.pk}" value="4"' in body
    assert not Evidence.objects.exists()
    # The acceptable answers are saved as a draft all the same.
    assert Answer.objects.get(indicator=training, participant__region_id="35.22").value == 4


def test_a_file_of_another_type_is_refused_by_its_extension(client, open_round, member_a):
    client.force_login(member_a)
    upload = SimpleUploadedFile("setup.exe", EXE)
    body = client.post(_url(open_round), _form(open_round, upload)).content.decode()
    assert "“setup.exe” tidak diterima: unggah berkas PDF, JPEG, PNG, DOCX atau XLSX." in body
    assert not Evidence.objects.exists()


def test_a_file_over_10_mb_is_refused_and_the_answers_typed_stay(client, open_round, member_a):
    client.force_login(member_a)
    big = SimpleUploadedFile("besar.pdf", PDF + b"0" * EVIDENCE_MAX_BYTES)
    response = client.post(_url(open_round), _form(open_round, big, training="3"))
    body = response.content.decode()
    assert "“besar.pdf” lebih besar dari 10,0\xa0MB" in body
    training = _indicators(open_round)["digital_training"]
    assert f'name="q{training.pk}" value="3"' in body
    assert not Evidence.objects.exists()


def test_a_good_pdf_is_attached_and_only_permitted_users_download_it(
    client, open_round, member_a, member_b, citizen, national_admin, round_assessor
):
    client.force_login(member_a)
    upload = SimpleUploadedFile("perda.pdf", PDF, content_type="application/pdf")
    response = client.post(_url(open_round), _form(open_round, upload), follow=True)
    assert "Draf tersimpan." in response.content.decode()
    evidence = Evidence.objects.get()
    assert evidence.original_name == "perda.pdf"
    assert evidence.content_type == "application/pdf"
    assert evidence.participant.region_id == "35.22"
    url = f"/penilaian/bukti/{evidence.pk}/"
    assert url in client.get(_url(open_round)).content.decode()
    # The region's own team, the program office and the assigned assessor read it.
    for user in (member_a, national_admin, round_assessor):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == PDF
        assert response["X-Content-Type-Options"] == "nosniff"
    for user in (member_b, citizen):
        client.force_login(user)
        assert client.get(url).status_code == 404
    client.logout()
    response = client.get(url)
    assert response.status_code == 302
    assert "/akun/" in response["Location"]


def test_submitting_with_the_evidence_in_the_same_form_is_accepted(client, open_round, member_a):
    client.force_login(member_a)
    answers = {}
    for indicator in open_round.framework.ordered_indicators():
        if indicator.is_self_assessed:
            answers[f"q{indicator.pk}"] = "1" if indicator.kind == "yesno" else "3"
            if indicator.evidence_required:
                answers[f"e{indicator.pk}"] = SimpleUploadedFile(f"{indicator.code}.pdf", PDF)
    response = client.post(_url(open_round), {**answers, "submit": ""}, follow=True)
    assert "Penilaian mandiri telah dikirim." in response.content.decode()
    participant = open_round.participants.get(region_id="35.22")
    assert participant.self_status == "submitted"
    assert participant.evidence.count() == 2


@pytest.mark.parametrize("persona", ["member_b", "citizen", "round_assessor", "national_admin"])
def test_only_the_regions_team_uploads_evidence(client, open_round, persona, request):
    client.force_login(request.getfixturevalue(persona))
    upload = SimpleUploadedFile("perda.pdf", PDF)
    assert client.post(_url(open_round), _form(open_round, upload)).status_code == 403
    assert not Evidence.objects.exists()
    assert not Answer.objects.exists()


def test_anonymous_visitors_upload_nothing(client, open_round):
    upload = SimpleUploadedFile("perda.pdf", PDF)
    response = client.post(_url(open_round), _form(open_round, upload))
    assert response.status_code == 302
    assert "/akun/" in response["Location"]
    assert not Evidence.objects.exists()


def test_a_pdf_that_is_also_an_html_page_is_downloaded_never_rendered(
    client, open_round, member_a, national_admin
):
    polyglot = SimpleUploadedFile("bukti.pdf", b"%PDF-1.4\n<html><script>alert(1)</script>")
    client.force_login(member_a)
    client.post(_url(open_round), _form(open_round, polyglot))
    evidence = Evidence.objects.get()
    client.force_login(national_admin)
    response = client.get(f"/penilaian/bukti/{evidence.pk}/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "no-store" in response["Cache-Control"]
