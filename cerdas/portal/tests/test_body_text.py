"""The editor shows text, never tags: what is saved comes back as the same text, and saving
it again changes nothing, for plain text and for HTML bodies alike."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cerdas.portal.body_text import to_text
from cerdas.portal.sanitize import clean_body

WORD = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,:;!?'\"&<>-*#[]()\\/%=_",
    min_size=1,
    max_size=12,
)
LINE = st.lists(WORD, min_size=1, max_size=6).map(" ".join)
MARK = st.sampled_from(["", "", "", "## ", "### ", "- ", "* ", "1. ", "> "])
BLOCK = st.builds(
    lambda marks, lines: "\n".join(mark + line for mark, line in zip(marks, lines, strict=False)),
    st.lists(MARK, min_size=1, max_size=4),
    st.lists(LINE, min_size=1, max_size=4),
)
BODY = st.lists(BLOCK, min_size=1, max_size=5).map("\n\n".join)


@given(BODY)
def test_saving_what_the_editor_shows_changes_nothing(text):
    stored = clean_body(text)
    assert clean_body(to_text(stored)) == stored
    assert to_text(clean_body(to_text(stored))) == to_text(stored)


@pytest.mark.parametrize(
    "typed",
    [
        "Kementerian mengumumkan tiga daerah terpilih.\n\nBimtek tahap 1 dimulai Maret 2027.",
        "Baris satu\nbaris dua\n\nParagraf baru",
        "I <3 Bojonegoro & Tuban: 5 * 3 * 2 = 30",
    ],
)
def test_plain_text_comes_back_as_typed(typed):
    assert to_text(clean_body(typed)) == typed


def test_html_bodies_come_back_as_text_with_marks():
    stored = clean_body(
        "<h2>Jadwal</h2><p>Teks <strong>tebal</strong>, <em>miring</em> dan "
        '<a href="https://example.org">tautan</a>.</p><ul><li>satu</li><li>dua</li></ul>'
        "<ol><li>a</li></ol><blockquote><p>kutipan</p></blockquote>"
    )
    text = to_text(stored)
    assert "<" not in text
    assert text == (
        "## Jadwal\n\nTeks **tebal**, *miring* dan [tautan](https://example.org).\n\n"
        "- satu\n- dua\n\n1. a\n\n> kutipan"
    )
    assert clean_body(text) == stored


def test_a_line_that_only_looks_like_a_mark_stays_words():
    stored = "<p>- 5 persen<br>## bukan judul</p>"
    assert clean_body(to_text(stored)) == stored
