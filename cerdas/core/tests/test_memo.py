"""``{% memo %}`` renders a part that follows from the code once per language and named value."""

from django.template import Context, Template
from django.utils import translation

from cerdas.core.templatetags import memo


class Reads:
    """Counts how often the block was rendered."""

    def __init__(self, text):
        self.text, self.count = text, 0

    def __str__(self):
        self.count += 1
        return self.text


def block():
    return Template(
        '{% load i18n memo %}[{% memo section %}{{ link }} {% translate "Log in" %}{% endmemo %}]'
    )


def render(template, link, section="news", language="en"):
    with translation.override(language):
        return template.render(Context({"link": link, "section": section}))


def test_the_block_is_rendered_once_for_the_same_values():
    template, link = block(), Reads("/berita/")
    assert render(template, link) == "[/berita/ Log in]"
    assert render(template, link) == "[/berita/ Log in]"
    assert link.count == 1


def test_each_named_value_and_language_has_its_own_copy():
    template, link = block(), Reads("/berita/")
    render(template, link)
    render(template, link, section="regions")
    assert render(template, link, language="id") == "[/berita/ Masuk]"
    assert link.count == 3


def test_it_keeps_a_bounded_number_of_copies(monkeypatch):
    monkeypatch.setattr(memo, "KEPT", 2)
    template, link = block(), Reads("x")
    for section in ("a", "b", "c"):
        render(template, link, section=section)
    render(template, link, section="c")
    assert link.count == 3  # "c" kept after the bound cleared "a" and "b"
    render(template, link, section="a")
    assert link.count == 4
