"""Every form, filled with hostile values by every kind of user: nothing gives a 500.

The demo data is loaded, then each persona walks the site from its account page, following
links (up to a bound), and submits every form it finds with each hostile value in every
field it can type into (numbers far too large, NaN, Infinity, words, negatives, the first
and last dates a computer knows), keeping the hidden fields (CSRF, versions) as served.
Deleting and signing out are left alone, so the walk keeps its footing. Marked ``fuzz``.
"""

import io
import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest

from cerdas.accounts.models import User

pytestmark = [pytest.mark.fuzz, pytest.mark.django_db]

HOSTILE = ["1e15", "NaN", "abc", "-1", "9999-12-31", "1" + "0" * 30]
MAX_PAGES = 60
PER_PATTERN = 1  # pages of one shape visited (one region's profile, not all 514)
SKIPPED = ("/keluar", "/hapus", "/logout", "/admin/", "/api/", "/bahasa/", "/unduh/", ".pdf")


class _Page(HTMLParser):
    """Links and forms of one page."""

    def __init__(self):
        super().__init__()
        self.links, self.forms, self._form = [], [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "form":
            self._form = {
                "action": attrs.get("action") or "",
                "method": (attrs.get("method") or "get").lower(),
                "fields": [],
                "enctype": attrs.get("enctype", ""),
            }
            self.forms.append(self._form)
        elif self._form is not None and tag in ("input", "select", "textarea", "button"):
            name = attrs.get("name")
            if name:
                kind = attrs.get("type", "text" if tag != "select" else "select")
                self._form["fields"].append((name, kind, attrs.get("value", "")))

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None


def _parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


def _form_data(fields, value, hidden_too=False) -> dict:
    """Every field the person types into set to ``value``; with ``hidden_too`` the hidden
    ones as well (ids, versions, row counts), the CSRF token always kept."""
    data = {}
    for name, kind, served in fields:
        if kind == "hidden" and hidden_too and name != "csrfmiddlewaretoken":
            data[name] = value
        elif kind in ("hidden", "checkbox", "radio"):
            data.setdefault(name, served or "on")
        elif kind in ("submit", "button"):
            if served and name not in data:
                data[name] = served
        elif kind != "file":
            data[name] = value
    return data


def _shape(url: str) -> str:
    """The address with its ids, codes, years and slugs blanked: one shape of page."""
    path = urlsplit(url).path
    return re.sub(r"/[^/]*\d[^/]*(?=/|$)", "/#", path)


def _walk(client, start: str) -> tuple[list[str], int]:
    """Submit every form reachable from ``start``: the problems found (status >= 500) and
    how many submissions were made."""
    problems, seen, queue, sent = [], set(), [start, "/"], 0
    shapes: dict[str, int] = {}
    while queue and len(seen) < MAX_PAGES:
        url = queue.pop(0)
        if url in seen or shapes.get(_shape(url), 0) >= PER_PATTERN:
            continue
        seen.add(url)
        shapes[_shape(url)] = shapes.get(_shape(url), 0) + 1
        response = client.get(url)
        if response.status_code >= 500:
            problems.append(f"GET {url}: {response.status_code}")
            continue
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        page = _parse(response.content.decode())
        for href in page.links:
            target = urljoin(url, href)
            parts = urlsplit(target)
            if parts.netloc not in ("", "testserver") or any(s in target for s in SKIPPED):
                continue
            queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))
        for form in page.forms:
            action = urljoin(url, form["action"] or url)
            if any(s in action for s in SKIPPED) or not form["fields"]:
                continue
            tries = [(value, False) for value in HOSTILE] + [("abc", True), (HOSTILE[-1], True)]
            if form["method"] == "get":
                tries = tries[2:4] + tries[-2:]
            for value, hidden_too in tries:
                data = _form_data(form["fields"], value, hidden_too)
                send = client.post if form["method"] == "post" else client.get
                sent += 1
                if send(action, data).status_code >= 500:
                    where = "hidden fields" if hidden_too else "fields"
                    problems.append(f"{form['method'].upper()} {action} {where} {value!r}: 500")
    return problems, sent


@pytest.fixture
def demo(db):
    from cerdas.demo import seed

    seed(io.StringIO())


@pytest.mark.parametrize("username", ["admin", "tim.bojonegoro", "asesor", None])
def test_no_form_answers_hostile_values_with_a_server_error(client, demo, username):
    if username:
        client.force_login(User.objects.get(username=username))
    start = "/akun/" if username else "/"
    problems, sent = _walk(client, start)
    assert not problems, "\n".join(problems)
    assert sent >= 20


def test_the_walk_reaches_the_forms_that_take_numbers(client, demo):
    client.force_login(User.objects.get(username="tim.bojonegoro"))
    body = client.get("/masterplan/kelola/").content.decode()
    assert re.search(r'href="/masterplan/\d+/kelola/"', body)
