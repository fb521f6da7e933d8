"""Every way to check a password shares one lockout, kept in the database (django-axes)."""

import re

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.tokens import default_token_generator
from django.core.cache import cache
from django.test import Client
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from conftest import PASSWORD

LOGIN = "/akun/masuk/"


def _fail(client, username="member_a", times=1, **extra):
    for _ in range(times):
        response = client.post(LOGIN, {"username": username, "password": "wrong"}, **extra)
        assert response.status_code in (200, 429)


@pytest.mark.django_db
def test_the_locked_out_page_says_in_indonesian_when_to_try_again(client, member_a, settings):
    settings.LOGIN_FAILURE_LIMIT = 2
    settings.LOGIN_FAILURE_WINDOW = 600
    _fail(client, times=2)
    response = client.post(LOGIN, {"username": "member_a", "password": PASSWORD})
    body = response.content.decode()
    assert response.status_code == 429
    assert "Tunggu 10 menit" in body
    assert re.search(r"setelah pukul \d\d:\d\d WIB", body)
    assert "/akun/lupa-sandi/" in body


@pytest.mark.django_db
def test_a_lockout_survives_the_cache_being_emptied(client, member_a, settings):
    """Hundreds of page views used to evict the counters from the local-memory cache."""
    settings.LOGIN_FAILURE_LIMIT = 3
    _fail(client, times=3)
    cache.clear()
    response = client.post(LOGIN, {"username": "member_a", "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_the_count_is_per_username_whatever_its_case_or_the_address(member_a, settings):
    settings.LOGIN_FAILURE_LIMIT = 3
    _fail(Client(REMOTE_ADDR="198.51.100.1"), "member_a")
    _fail(Client(REMOTE_ADDR="198.51.100.2"), " Member_A")
    _fail(Client(REMOTE_ADDR="198.51.100.3"), "MEMBER_A")
    response = Client(REMOTE_ADDR="198.51.100.4").post(
        LOGIN, {"username": "member_a", "password": PASSWORD}
    )
    assert response.status_code == 429


@pytest.mark.django_db
def test_one_address_is_paused_only_after_four_times_the_limit(member_a, member_b, settings):
    """A whole office shares one address: failures on many usernames pause it at 4 x limit."""
    settings.LOGIN_FAILURE_LIMIT = 2
    office = Client(REMOTE_ADDR="203.0.113.5")
    for n in range(7):
        _fail(office, f"someone-{n}")
    assert office.post(LOGIN, {"username": "member_b", "password": PASSWORD}).status_code == 302
    office.logout()
    _fail(office, "someone-8")
    response = office.post(LOGIN, {"username": "member_a", "password": PASSWORD})
    assert response.status_code == 429
    elsewhere = Client(REMOTE_ADDR="203.0.113.6")
    assert elsewhere.post(LOGIN, {"username": "member_a", "password": PASSWORD}).status_code == 302


@pytest.mark.django_db
def test_behind_a_proxy_the_forwarded_address_is_counted(member_a, member_b, settings):
    settings.LOGIN_FAILURE_LIMIT = 1
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for n in range(4):
        _fail(Client(**proxy), f"someone-{n}", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.7"}
    # Another visitor behind the same proxy is not paused with the first.
    response = Client(**proxy).post(
        LOGIN, {"username": "member_b", "password": PASSWORD}, HTTP_X_FORWARDED_FOR="203.0.113.8"
    )
    assert response.status_code == 302


@pytest.mark.django_db
def test_the_administration_login_is_locked_too_for_a_signed_in_user(
    client, citizen, national_admin
):
    """A signed-in citizen reaches the admin's own login form: 12 guesses, then the right one."""
    national_admin.is_staff = national_admin.is_superuser = True
    national_admin.save()
    client.force_login(citizen)
    for _ in range(12):
        client.post("/admin/login/", {"username": "admin", "password": "wrong"})
    response = client.post("/admin/login/", {"username": "admin", "password": PASSWORD})
    assert response.status_code == 429
    assert client.session["_auth_user_id"] == str(citizen.pk)
    assert client.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_a_wrong_old_password_in_the_change_form_counts_as_a_failed_login(
    client, member_a, settings
):
    settings.LOGIN_FAILURE_LIMIT = 3
    client.force_login(member_a)
    data = {"new_password1": "a-new-long-password-9", "new_password2": "a-new-long-password-9"}
    for _ in range(3):
        response = client.post("/akun/sandi/", {**data, "old_password": "wrong"})
        assert response.status_code in (200, 429)
    response = client.post("/akun/sandi/", {**data, "old_password": PASSWORD})
    assert response.status_code == 429
    member_a.refresh_from_db()
    assert member_a.check_password(PASSWORD)


@pytest.mark.django_db
def test_the_change_form_still_changes_the_password(client, member_a):
    client.force_login(member_a)
    data = {"new_password1": "a-new-long-password-9", "new_password2": "a-new-long-password-9"}
    response = client.post("/akun/sandi/", {**data, "old_password": PASSWORD})
    assert response.status_code == 302
    member_a.refresh_from_db()
    assert member_a.check_password("a-new-long-password-9")


@pytest.mark.django_db
def test_resetting_the_password_by_email_lifts_the_pause(client, member_a, settings):
    settings.LOGIN_FAILURE_LIMIT = 2
    _fail(client, times=2)
    uid = urlsafe_base64_encode(force_bytes(member_a.pk))
    token = default_token_generator.make_token(member_a)
    form_url = client.get(f"/akun/lupa-sandi/{uid}/{token}/")["Location"]
    new = "another-long-password-7"
    response = client.post(form_url, {"new_password1": new, "new_password2": new})
    assert response.status_code == 302
    assert client.post(LOGIN, {"username": "member_a", "password": new}).status_code == 302
