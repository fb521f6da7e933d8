import re

from hypothesis import given
from hypothesis import strategies as st

from cerdas.lib.plain_text import to_plain_text


def test_scripts_and_their_content_are_removed():
    assert to_plain_text("Visi<script>alert('x')</script> kami") == "Visi kami"


def test_tags_go_and_their_words_stay():
    assert to_plain_text('<p onclick="x()">Kota <b>cerdas</b></p>') == "Kota cerdas"


def test_comparisons_and_ampersands_are_kept_as_typed():
    assert to_plain_text("APBD & APBN: 1 < 2 > 0") == "APBD & APBN: 1 < 2 > 0"


def test_line_endings_are_normalised_and_empty_values_are_empty():
    assert to_plain_text("a\r\nb\r") == "a\nb"
    assert to_plain_text(None) == ""
    assert to_plain_text("   ") == ""


def test_text_is_cut_to_the_maximum_length():
    assert len(to_plain_text("x" * 50, max_length=10)) == 10


@given(st.text(alphabet=st.sampled_from('<>/ab scriptP&"=')))
def test_no_tag_survives_from_text_without_entities(text):
    if "&" in text:
        return
    assert not re.search(r"<[a-zA-Z/!?][^<>]*>", to_plain_text(text))
