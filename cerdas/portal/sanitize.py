"""Article bodies: the few HTML tags news needs, nothing that runs or restyles the page."""

import html
import re

import nh3

from cerdas.portal.body_text import to_html

TAGS = {"p", "br", "h2", "h3", "ul", "ol", "li", "a", "strong", "em", "blockquote"}
ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}


def clean_body(text: str) -> str:
    """Sanitised HTML for an article body.

    Editors write text (``body_text``: paragraphs, headings, lists, quotes, bold, italics,
    links) or the allowed tags. Scripts, styles, event handlers, images and unknown tags
    are removed; links open as plain links and carry ``rel="noopener noreferrer nofollow"``.
    """
    return _tidy(
        nh3.clean(
            to_html(text),
            tags=TAGS,
            attributes=ATTRIBUTES,
            url_schemes=URL_SCHEMES,
            link_rel="noopener noreferrer nofollow",
            strip_comments=True,
            clean_content_tags={"script", "style"},
        )
    )


# Spaces and line breaks at the edges of a block, and blocks left empty once the sanitiser
# removed what they held ("a <? b"), are dropped: the body reads the same, and the text the
# editor gets back saves to exactly the same body.
_BLOCK_START = re.compile(r"<(p|li|h2|h3|blockquote)>(?:\s|<br>)+")
_BLOCK_END = re.compile(r"(?:\s|<br>)+</(p|li|h2|h3|blockquote)>")
_EMPTY = re.compile(r"<(p|li|h2|h3|blockquote|ul|ol)></\1>")


def _tidy(body: str) -> str:
    previous = None
    while body != previous:
        previous = body
        body = _BLOCK_START.sub(r"<\1>", body)
        body = _BLOCK_END.sub(r"</\1>", body)
        body = _EMPTY.sub("", body)
    return body.strip()


def plain_text(body_html: str) -> str:
    """The body without tags, for feeds' summaries and search snippets."""
    return " ".join(html.unescape(nh3.clean(body_html, tags=set())).split())
