"""Each admin's whole board page comes from the cache, yet it never reaches anybody else,
never repeats a message and always carries a CSRF token that works."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from cerdas.accounts.models import User
from conftest import make_user

BOARD = "/angkatan/2017/papan/"


def _board(client, url=BOARD):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _english_client(settings, user):
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(user)
    return client


@pytest.fixture
def cached(client, national_admin, cohort):
    """The admin's client, with the CSRF cookie from a first view and the page then kept."""
    client.force_login(national_admin)
    _board(client)
    _board(client)
    return client


@pytest.mark.django_db
def test_a_kept_page_is_served_without_asking_for_the_cohort_or_its_rows(cached):
    with CaptureQueriesContext(connection) as ctx:
        _board(cached)
    tables = " ".join(q["sql"] for q in ctx.captured_queries)
    assert "cohorts_" not in tables
    assert len(ctx.captured_queries) == 1  # the signed-in user


@pytest.mark.django_db
def test_another_admin_never_gets_this_admins_page(cached, settings):
    other = make_user("dewi", User.Role.NATIONAL_ADMIN, first_name="Dewi", last_name="Lestari")
    mine = _board(cached)
    theirs_client = _english_client(settings, other)
    # Even with the very same CSRF cookie, the page belongs to who is signed in.
    theirs_client.cookies["csrftoken"] = cached.cookies["csrftoken"].value
    theirs = _board(theirs_client)
    assert "Signed in as admin" in mine and "Dewi Lestari" not in mine
    assert "Signed in as Dewi Lestari" in theirs and "Signed in as admin" not in theirs


@pytest.mark.django_db
def test_a_region_team_is_refused_even_with_the_admins_page_kept(cached, member_a, settings):
    team = _english_client(settings, member_a)
    team.cookies["csrftoken"] = cached.cookies["csrftoken"].value
    assert team.get(BOARD).status_code == 403


@pytest.mark.django_db
def test_a_message_is_shown_once_and_not_again_from_the_cache(cached):
    response = cached.post(
        "/angkatan/2017/kelola/penghargaan/baru/",
        {
            "name": "Quick win terbaik",
            "order": "1",
            "criteria-TOTAL_FORMS": "1",
            "criteria-INITIAL_FORMS": "0",
            "criteria-MIN_NUM_FORMS": "1",
            "criteria-MAX_NUM_FORMS": "1000",
            "criteria-0-name": "Dampak",
            "criteria-0-max_score": "10",
            "criteria-0-weight": "1",
        },
    )
    assert response.status_code == 302
    assert "The award category was saved." in _board(cached)
    assert "The award category was saved." not in _board(cached)
    assert "The award category was saved." not in _board(cached)


def _token(page):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


@pytest.fixture
def strict(national_admin, cohort, settings):
    """A client that, like a browser, must send a valid CSRF token with every POST."""
    client = Client(enforce_csrf_checks=True)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(national_admin)
    return client


def _logs_out(client, token):
    response = client.post("/akun/keluar/", {"csrfmiddlewaretoken": token})
    return response.status_code == 302 and client.get(BOARD).status_code == 302


@pytest.mark.django_db
def test_the_token_in_a_kept_page_logs_the_admin_out(strict):
    _board(strict)
    _board(strict)
    assert _logs_out(strict, _token(_board(strict)))  # the third view comes from the cache


@pytest.mark.django_db
def test_a_new_csrf_cookie_gets_a_page_with_a_token_for_it(strict):
    _board(strict)
    _board(strict)
    strict.cookies.pop("csrftoken")
    _board(strict)  # a new cookie comes with this one
    _board(strict)
    assert _logs_out(strict, _token(_board(strict)))


@pytest.mark.django_db
def test_a_new_name_and_another_address_show_on_the_next_view(cached, national_admin):
    national_admin.first_name, national_admin.last_name = "Budi", "Santoso"
    national_admin.save()
    assert "Signed in as Budi Santoso" in _board(cached)
    page = _board(cached, BOARD + "?only=overdue")
    assert 'value="overdue" selected' in page
