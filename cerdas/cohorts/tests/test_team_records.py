"""A member's team records its institutions with their decree, ticks off its MoU
obligations with evidence, and writes its seminar presentation; outsiders are refused."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cerdas.cohorts.models import Institution, Mou, Obligation, Presentation

REGION = "/angkatan/2017/wilayah/35.22/"
PDF = b"%PDF-1.4\n%sk\n"


def _pdf(name="sk.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _people(*rows):
    data = {
        "people-TOTAL_FORMS": "3",
        "people-INITIAL_FORMS": "0",
        "people-MIN_NUM_FORMS": "0",
        "people-MAX_NUM_FORMS": "1000",
    }
    for n, (name, role, affiliation) in enumerate(rows):
        data.update(
            {
                f"people-{n}-name": name,
                f"people-{n}-role": role,
                f"people-{n}-affiliation": affiliation,
            }
        )
    return data


@pytest.mark.django_db
def test_the_team_records_its_council_with_members_and_decree(
    client, cohort, member_a, member_b, assessor_a, mentored
):
    client.force_login(member_a)
    data = {
        "decree_number": "188/45/KEP/412.013/2017",
        "decree_date": "2017-06-12",
        "decree_file": _pdf(),
        **_people(
            ("Suyoto", "Ketua", "government"),
            ("Dr. Rina", "Anggota", "academia"),
            ("Bima", "Anggota", "youth"),
        ),
    }
    assert client.post(f"{REGION}lembaga/council/", data).status_code == 302
    council = Institution.objects.get(cohort=cohort, region_id="35.22", kind="council")
    assert [m.affiliation for m in council.members.all()] == ["government", "academia", "youth"]
    board = client.get(REGION).content.decode()
    assert "188/45/KEP/412.013/2017" in board and "Dr. Rina — Anggota (academia)" in board
    url = f"{REGION}berkas/decree/{council.pk}/"
    assert b"".join(client.get(url).streaming_content) == PDF
    client.force_login(assessor_a)  # the mentor reads it
    assert client.get(url).status_code == 200
    client.force_login(member_b)
    assert client.get(url).status_code == 403


@pytest.mark.django_db
def test_a_wrong_decree_file_or_a_member_without_role_is_refused_and_kept(client, cohort, member_a):
    client.force_login(member_a)
    data = {
        "decree_number": "188/2017",
        "decree_date": "2017-06-12",
        "decree_file": _pdf("sk.exe"),
        **_people(("Suyoto", "Ketua", "government")),
    }
    response = client.post(f"{REGION}lembaga/team/", data)
    body = response.content.decode()
    assert response.status_code == 200 and "upload a PDF, JPEG or PNG file" in body
    assert 'value="188/2017"' in body and 'value="Suyoto"' in body
    response = client.post(
        f"{REGION}lembaga/team/", {"decree_number": "1", **_people(("Suyoto", "", "youth"))}
    )
    assert "Give the date of the decree" in response.content.decode()
    assert not Institution.objects.exists()


@pytest.mark.django_db
def test_an_unknown_institution_kind_is_404(client, cohort, member_a):
    client.force_login(member_a)
    assert client.get(f"{REGION}lembaga/bupati/").status_code == 404


def _obligations(mou, **changes):
    rows = list(mou.obligations.all())
    data = {
        "form-TOTAL_FORMS": str(len(rows)),
        "form-INITIAL_FORMS": str(len(rows)),
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
    }
    for n, row in enumerate(rows):
        data[f"form-{n}-id"] = str(row.pk)
    for key, value in changes.items():
        data[key] = value
    return data


@pytest.fixture
def mou(client, cohort, member_a):
    client.force_login(member_a)
    client.post(f"{REGION}mou/", {"status": "signed", "signed_on": "2017-05-23"})
    return Mou.objects.get(cohort=cohort, region_id="35.22")


@pytest.mark.django_db
def test_the_mou_carries_five_obligations_the_team_ticks_off_with_evidence(client, mou):
    assert mou.obligations.count() == 5
    first = mou.obligations.first()
    data = _obligations(
        mou,
        **{
            "form-0-done_on": "2017-06-12",
            "form-0-evidence": "SK Bupati 188/2017",
            "form-0-evidence_file": _pdf("bukti.pdf"),
            "form-0-note": "Dewan dan tim dibentuk bersamaan",
        },
    )
    assert client.post(f"{REGION}kewajiban/", data).status_code == 302
    first.refresh_from_db()
    assert str(first.done_on) == "2017-06-12" and first.evidence_file
    board = client.get(REGION).content.decode()
    assert "done 12 June 2017" in board and "Dewan dan tim dibentuk bersamaan" in board
    evidence = client.get(f"{REGION}berkas/evidence/{first.pk}/")
    assert b"".join(evidence.streaming_content) == PDF


@pytest.mark.django_db
def test_a_future_done_date_is_refused_and_what_was_typed_stays(client, mou):
    data = _obligations(mou, **{"form-1-done_on": "2099-01-01", "form-1-note": "Rencana"})
    response = client.post(f"{REGION}kewajiban/", data)
    body = response.content.decode()
    assert "cannot be in the future" in body and "Rencana" in body
    assert not Obligation.objects.exclude(done_on=None).exists()


@pytest.mark.django_db
def test_another_mous_obligation_cannot_be_edited_through_this_form(client, mou, cohort, member_b):
    other = Mou.objects.create(cohort=cohort, region_id="32.73")
    foreign = Obligation.objects.create(mou=other, kind="rpjmd")
    data = _obligations(mou, **{"form-0-id": str(foreign.pk), "form-0-done_on": "2017-06-01"})
    assert client.post(f"{REGION}kewajiban/", data).status_code == 200
    foreign.refresh_from_db()
    assert foreign.done_on is None


@pytest.mark.django_db
def test_without_an_mou_the_obligations_page_sends_to_the_mou_form(client, cohort, member_a):
    client.force_login(member_a)
    response = client.get(f"{REGION}kewajiban/")
    assert response.status_code == 302 and response["Location"].endswith("/mou/")


@pytest.mark.django_db
def test_the_team_writes_and_publishes_its_presentation(client, cohort, member_a):
    client.force_login(member_a)
    data = {
        "summary": "Bojonegoro menata layanan publik terpadu.",
        "quick_wins": "Aplikasi aduan warga\nWi-Fi desa",
        "slides": _pdf("slide.pdf"),
        "is_published": "on",
    }
    assert client.post(f"{REGION}presentasi/", data).status_code == 302
    presentation = Presentation.objects.get(cohort=cohort, region_id="35.22")
    assert presentation.quick_win_list() == ["Aplikasi aduan warga", "Wi-Fi desa"]
    client.logout()
    showcase = client.get("/angkatan/2017/seminar/").content.decode()
    assert "Wi-Fi desa" in showcase


@pytest.mark.django_db
def test_slides_must_be_a_pdf_and_the_summary_stays(client, cohort, member_a):
    client.force_login(member_a)
    png = SimpleUploadedFile("slide.png", b"\x89PNG\r\n\x1a\nxxxx", content_type="image/png")
    response = client.post(f"{REGION}presentasi/", {"summary": "Ringkasan kami", "slides": png})
    body = response.content.decode()
    assert response.status_code == 200 and "Ringkasan kami" in body
    assert not Presentation.objects.exists()


@pytest.mark.django_db
def test_the_program_office_may_record_a_presentation_for_a_region(client, cohort, national_admin):
    client.force_login(national_admin)
    response = client.post(f"{REGION}presentasi/", {"summary": "Dicatat oleh sekretariat"})
    assert response.status_code == 302 and Presentation.objects.exists()


PAGES = ["lembaga/council/", "kewajiban/", "presentasi/"]


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["member_b", "citizen", "assessor_a", "officer_a"])
@pytest.mark.parametrize("page", PAGES)
def test_only_the_regions_team_and_the_office_may_edit(
    client, request, persona, page, cohort, mentored
):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(REGION + page).status_code == 403
    assert client.post(REGION + page, {"summary": "x"}).status_code == 403
    assert not Presentation.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("page", PAGES)
def test_anonymous_visitors_are_sent_to_log_in(client, cohort, page):
    assert client.get(REGION + page).status_code == 302
