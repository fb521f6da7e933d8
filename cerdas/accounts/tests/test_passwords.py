import re

import pytest
from django.core import mail

from cerdas.core.models import AuditEntry
from conftest import PASSWORD


@pytest.mark.django_db
def test_a_user_changes_their_password_and_it_is_audited(client, member_a):
    client.force_login(member_a)
    response = client.post(
        "/akun/sandi/",
        {
            "old_password": PASSWORD,
            "new_password1": "Kopi-Tubruk-2026",
            "new_password2": "Kopi-Tubruk-2026",
        },
    )
    assert response.status_code == 302
    member_a.refresh_from_db()
    assert member_a.check_password("Kopi-Tubruk-2026")
    assert AuditEntry.objects.filter(action="user.password_changed", actor=member_a).exists()


@pytest.mark.django_db
def test_a_weak_new_password_is_refused_with_the_reason(client, member_a):
    client.force_login(member_a)
    response = client.post(
        "/akun/sandi/",
        {"old_password": PASSWORD, "new_password1": "12345678", "new_password2": "12345678"},
    )
    assert response.status_code == 200
    assert "terlalu umum" in response.content.decode()
    member_a.refresh_from_db()
    assert member_a.check_password(PASSWORD)


@pytest.mark.django_db
def test_password_reset_mails_a_link_that_sets_a_new_password(client, member_a):
    response = client.post("/akun/lupa-sandi/", {"email": "a@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "Cerdas" in mail.outbox[0].subject
    link = re.search(r"http://testserver(/akun/lupa-sandi/\S+/)", mail.outbox[0].body).group(1)
    form_url = client.get(link)["Location"]
    response = client.post(
        form_url, {"new_password1": "Nasi-Pecel-2026", "new_password2": "Nasi-Pecel-2026"}
    )
    assert response.status_code == 302
    member_a.refresh_from_db()
    assert member_a.check_password("Nasi-Pecel-2026")


@pytest.mark.django_db
def test_password_reset_does_not_reveal_whether_an_address_has_an_account(client):
    response = client.post("/akun/lupa-sandi/", {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert response["Location"] == "/akun/lupa-sandi/terkirim/"
    assert len(mail.outbox) == 0


@pytest.mark.django_db
def test_a_reset_link_works_only_once(client, member_a):
    client.post("/akun/lupa-sandi/", {"email": "a@example.org"})
    link = re.search(r"http://testserver(/akun/lupa-sandi/\S+/)", mail.outbox[0].body).group(1)
    form_url = client.get(link)["Location"]
    new = {"new_password1": "Nasi-Pecel-2026", "new_password2": "Nasi-Pecel-2026"}
    client.post(form_url, new)
    client.logout()
    again = client.get(link, follow=True).content.decode()
    assert "sudah dipakai atau sudah kedaluwarsa" in again
    assert 'name="new_password1"' not in again
