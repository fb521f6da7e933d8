"""Plain text from whatever people paste: markup and scripts removed, the words kept.

Masterplan texts are plain text (paragraphs separated by blank lines). People paste from
Word or web pages, and sometimes type tags on purpose; we keep the words and drop every
tag, and the content of ``<script>`` and ``<style>`` entirely.
"""

import html

import nh3

MAX_LENGTH = 20_000


def to_plain_text(value: str | None, max_length: int = MAX_LENGTH) -> str:
    """Text without any HTML, with Windows line endings normalised and ends trimmed."""
    if not value:
        return ""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    # nh3 escapes what it keeps; unescape so "a < b & c" stays as typed (the template layer
    # escapes again when it shows the text). Removing one tag can join the text around it
    # into another ("<<p>p>"), so clean until nothing changes (each pass shortens the text;
    # the cap only guards against a surprise in nh3).
    for _pass in range(50):
        if "<" not in text:
            break
        cleaned = html.unescape(nh3.clean(text, tags=set(), attributes={}))
        if cleaned == text:
            break
        text = cleaned
    return text.strip()[:max_length]
