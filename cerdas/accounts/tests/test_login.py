import pytest
from django.test import Client

from conftest import PASSWORD


@pytest.mark.django_db
def test_a_user_logs_in_and_lands_on_their_account_page(client, member_a):
    response = client.post("/akun/masuk/", {"username": "member_a", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/akun/"
    page = client.get("/akun/").content.decode()
    assert "Kabupaten Bojonegoro" in page
    assert "Tim daerah" in page


@pytest.mark.django_db
def test_login_follows_a_safe_next_and_ignores_an_outside_one(client, member_a):
    data = {"username": "member_a", "password": PASSWORD}
    assert client.post("/akun/masuk/?next=/wilayah/35.22/", data)["Location"] == "/wilayah/35.22/"
    client.logout()
    assert client.post("/akun/masuk/?next=https://evil.example/", data)["Location"] == "/akun/"


@pytest.mark.django_db
def test_a_wrong_password_says_so_and_keeps_the_username(client, member_a):
    response = client.post("/akun/masuk/", {"username": "member_a", "password": "nope"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Masukkan nama pengguna dan kata sandi yang benar" in body
    assert 'value="member_a"' in body


@pytest.mark.django_db
def test_too_many_failures_pause_the_account_even_with_the_right_password(
    client, member_a, settings
):
    settings.LOGIN_FAILURE_LIMIT = 3
    for _ in range(3):
        client.post("/akun/masuk/", {"username": "member_a", "password": "wrong"})
    response = client.post("/akun/masuk/", {"username": "member_a", "password": PASSWORD})
    assert response.status_code == 429
    assert "Terlalu banyak percobaan gagal" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_the_pause_counts_per_username_so_others_can_still_log_in(
    client, member_a, member_b, settings
):
    settings.LOGIN_FAILURE_LIMIT = 2
    for _ in range(2):
        client.post("/akun/masuk/", {"username": "member_a", "password": "wrong"})
    response = client.post("/akun/masuk/", {"username": "member_b", "password": PASSWORD})
    assert response.status_code == 302


@pytest.mark.django_db
def test_a_success_before_the_limit_resets_the_count(client, member_a, settings):
    settings.LOGIN_FAILURE_LIMIT = 2
    client.post("/akun/masuk/", {"username": "member_a", "password": "wrong"})
    client.post("/akun/masuk/", {"username": "member_a", "password": PASSWORD})
    client.logout()
    client.post("/akun/masuk/", {"username": "member_a", "password": "wrong"})
    response = client.post("/akun/masuk/", {"username": "member_a", "password": PASSWORD})
    assert response.status_code == 302


@pytest.mark.django_db
def test_logout_takes_a_post_and_ends_the_session(client, member_a):
    client.force_login(member_a)
    assert client.get("/akun/keluar/").status_code == 405
    response = client.post("/akun/keluar/")
    assert response.status_code == 302
    assert client.get("/akun/").status_code == 302


@pytest.mark.django_db
def test_login_refuses_a_forged_csrf_token(member_a):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/akun/masuk/", {"username": "member_a", "password": PASSWORD})
    assert response.status_code == 403


@pytest.mark.django_db
def test_the_account_page_needs_a_login(client):
    response = client.get("/akun/")
    assert response.status_code == 302
    assert response["Location"] == "/akun/masuk/?next=/akun/"
