"""``{% shared %}`` renders a part that is the same for every reader once per content version."""

import pytest
from django.core.cache import cache
from django.template import Context, Template
from django.utils import translation

from cerdas.core.cache import CSRF_PLACEHOLDER, bump_version, shared_fragment

BLOCK = Template(
    '{% load shared %}[{% shared kinds "names" key %}{{ names }}{% endshared %}]'
    "{% if user %} {{ user }}{% endif %}"
)


class Reads:
    """Counts how often the block's data were read."""

    def __init__(self, text):
        self.text, self.count = text, 0

    def __call__(self):
        self.count += 1
        return self.text


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def render(names, kinds="regions", key=1, user=""):
    return BLOCK.render(Context({"names": names, "kinds": kinds, "key": key, "user": user}))


def test_the_block_is_read_once_and_the_rest_of_the_page_stays_personal():
    names = Reads("Bojonegoro")
    assert render(names, user="Siti") == "[Bojonegoro] Siti"
    assert render(names, user="Budi") == "[Bojonegoro] Budi"
    assert names.count == 1


def test_a_change_of_its_content_retires_it():
    render(Reads("old"))
    bump_version("regions")
    assert render(Reads("new")) == "[new]"


def test_a_change_of_other_content_keeps_it():
    names = Reads("Bojonegoro")
    render(names)
    bump_version("portal")
    render(names)
    assert names.count == 1


def test_each_key_and_language_has_its_own_copy():
    assert render(Reads("a"), key=1) == "[a]"
    assert render(Reads("b"), key=2) == "[b]"
    with translation.override("en"):
        assert render(Reads("english"), key=1) == "[english]"
    assert render(Reads("again"), key=1) == "[a]"


def test_without_kinds_it_is_rendered_every_time():
    """A draft's page passes no kinds: its changes are not announced, so no copy is kept."""
    names = Reads("draft")
    render(names, kinds="")
    render(names, kinds="")
    assert names.count == 2


def test_a_block_holding_a_csrf_token_is_never_kept():
    form = Template(
        "{% load shared %}{% shared 'regions' 'form' 1 %}"
        '<input name="csrfmiddlewaretoken" value="{{ token }}">{% endshared %}'
    )
    assert "one" in form.render(Context({"token": "one"}))
    assert "two" in form.render(Context({"token": "two"}))


def test_a_form_in_the_block_is_kept_and_each_reader_gets_their_own_token():
    """``{% csrf_token %}`` in a kept block: the copy holds a placeholder, never a reader's
    token, and each reader's page carries a token that matches their own CSRF cookie."""
    import re

    from django.middleware.csrf import _unmask_cipher_token
    from django.template.context_processors import csrf
    from django.test import RequestFactory

    form = Template(
        "{% load shared %}{% shared 'regions' 'form' 1 %}<form>{% csrf_token %}"
        "{{ fields }}</form>{% endshared %}"
    )
    fields = Reads("<i>fields</i>")
    pages = []
    for _reader in range(2):
        request = RequestFactory().get("/")
        html = form.render(Context({**csrf(request), "request": request, "fields": fields}))
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]
        assert _unmask_cipher_token(token) == request.META["CSRF_COOKIE"]
        pages.append((request.META["CSRF_COOKIE"], token))
    assert fields.count == 1
    assert pages[0][0] != pages[1][0]
    # What is kept (as {% shared %} asks for it: its vary, and whether the page had a token).
    kept = shared_fragment(["regions"], "form", [1, False], lambda: pytest.fail("not kept"))
    assert f'value="{CSRF_PLACEHOLDER}"' in kept
    assert not any(secret in kept or token in kept for secret, token in pages)


def test_a_block_without_a_form_sets_no_csrf_cookie():
    """A kept block without a form never reads the reader's token: an anonymous page with
    one sets no CSRF cookie, so the public page cache may keep it."""
    from django.template.context_processors import csrf
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    values = {"names": "Bojonegoro", "kinds": "regions", "key": 1}
    for _reader in range(2):
        BLOCK.render(Context({**csrf(request), **values}))
    assert "CSRF_COOKIE_NEEDS_UPDATE" not in request.META


def test_what_it_keeps_is_escaped_as_rendered():
    assert render(Reads("<b>&</b>")) == "[&lt;b&gt;&amp;&lt;/b&gt;]"
    assert render(Reads("ignored")) == "[&lt;b&gt;&amp;&lt;/b&gt;]"


def test_a_form_sent_back_is_drawn_afresh_and_never_kept():
    """On a POST (a form refused, drawn with what was typed) the block is neither taken from
    nor put in the cache; the blank copy of GET requests stays as it was."""
    from django.test import RequestFactory

    def render_for(request, names):
        return BLOCK.render(
            Context({"names": names, "kinds": "regions", "key": 1, "request": request})
        )

    factory = RequestFactory()
    assert render_for(factory.get("/"), Reads("blank")) == "[blank]"
    typed = Reads("as typed")
    assert render_for(factory.post("/"), typed) == "[as typed]"
    assert render_for(factory.post("/"), typed) == "[as typed]" and typed.count == 2
    assert render_for(factory.get("/"), Reads("other")) == "[blank]"
