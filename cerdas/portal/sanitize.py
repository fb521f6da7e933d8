"""Article bodies: the few HTML tags news needs, nothing that runs or restyles the page."""

import html
import re

import nh3

TAGS = {"p", "br", "h2", "h3", "ul", "ol", "li", "a", "strong", "em", "blockquote"}
ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}
# A paragraph that starts with one of these is already HTML; others get wrapped in <p>.
_BLOCK = re.compile(r"<\s*(p|h2|h3|ul|ol|blockquote)[\s>]", re.IGNORECASE)


def clean_body(text: str) -> str:
    """Sanitised HTML for an article body.

    Editors may write the allowed tags, or plain text where a blank line starts a new
    paragraph. Scripts, styles, event handlers, images and unknown tags are removed;
    links open as plain links and carry ``rel="noopener noreferrer nofollow"``.
    """
    text = text.replace("\r\n", "\n").strip()
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]
    text = "".join(
        part if _BLOCK.match(part) else "<p>" + part.replace("\n", "<br>") + "</p>"
        for part in paragraphs
    )
    return nh3.clean(
        text,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
        clean_content_tags={"script", "style"},
    ).strip()


def plain_text(body_html: str) -> str:
    """The body without tags, for feeds' summaries and search snippets."""
    return " ".join(html.unescape(nh3.clean(body_html, tags=set())).split())
