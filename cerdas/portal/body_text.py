"""An article body as its editor writes it, and back again.

Bodies are stored as sanitised HTML (``sanitize.clean_body``), but editors write and read
text, never tags:

- a blank line starts a new paragraph, a single line break stays a line break;
- ``## `` and ``### `` start a heading;
- ``- `` (or ``* ``) starts an item of a list, ``1. `` an item of a numbered list;
- ``> `` starts a quoted line;
- ``**bold**``, ``*italics*`` and ``[words](https://address)`` for a link;
- a backslash keeps a mark as a plain character (``\\*``).

``to_html`` turns that text into HTML (HTML written by hand still passes through, to be
sanitised as before); ``to_text`` turns stored HTML back into the text, so what an editor
saved is what the editor sees next time, and saving it again changes nothing.

Plain Python (the standard library's HTML parser), no Django.
"""

import html
import re
from html.parser import HTMLParser

# A block that starts with one of these tags is hand-written HTML, kept for the sanitiser.
_HTML_BLOCK = re.compile(r"<\s*(p|h2|h3|ul|ol|blockquote)[\s>]", re.IGNORECASE)
_HEADING = re.compile(r"^(#{2,3})[ \t]+(.*)$")
_BULLET = re.compile(r"^[-*][ \t]+(.*)$")
_NUMBER = re.compile(r"^\d{1,3}[.)][ \t]+(.*)$")
_QUOTE = re.compile(r"^>[ \t]?(.*)$")
# A line the text would read as a mark although it is meant as words.
_LOOKS_LIKE_MARK = re.compile(r"^(#{2,3}[ \t]|[-*][ \t]|\d{1,3}[.)][ \t]|>)")
_STRAY_LT = re.compile(r"<(?!/?[A-Za-z][^<>]*>)")
_ESCAPED = re.compile(r"\\([\\*\[\]])")
_LINK = re.compile(r"\[([^\[\]\n]+)\]\(([^()\s]+)\)")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_ITALIC = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])")
# Private-use characters stand in for escaped marks while the marks are read.
_HOLD = {"\\": "\ue000", "*": "\ue001", "[": "\ue002", "]": "\ue003"}
_RELEASE = {value: key for key, value in _HOLD.items()}


def to_html(text: str) -> str:
    """HTML (not yet sanitised) for the text an editor wrote."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    blocks = [block.strip("\n") for block in re.split(r"\n[ \t]*\n", text) if block.strip()]
    return "".join(_block(block) for block in blocks)


def _block(block: str) -> str:
    if _HTML_BLOCK.match(block.lstrip()):
        return block
    lines = [line.strip() for line in block.split("\n")]
    heading = _HEADING.match(lines[0])
    if heading:
        level = len(heading.group(1))
        rest = f"<p>{_lines(lines[1:])}</p>" if lines[1:] else ""
        return f"<h{level}>{_inline(heading.group(2))}</h{level}>{rest}"
    if _BULLET.match(lines[0]) or _NUMBER.match(lines[0]):
        return _list(lines)
    if all(_QUOTE.match(line) for line in lines):
        quoted = _lines([_QUOTE.match(line).group(1) for line in lines])
        return f"<blockquote><p>{quoted}</p></blockquote>"
    return f"<p>{_lines(lines)}</p>"


def _list(lines: list[str]) -> str:
    numbered = _NUMBER.match(lines[0]) is not None
    marker = _NUMBER if numbered else _BULLET
    items: list[list[str]] = []
    for line in lines:
        found = marker.match(line)
        if found or not items:
            items.append([found.group(1) if found else line])
        else:
            items[-1].append(line)  # a line without a mark continues the item above
    tag = "ol" if numbered else "ul"
    return f"<{tag}>" + "".join(f"<li>{_lines(item)}</li>" for item in items) + f"</{tag}>"


def _lines(lines: list[str]) -> str:
    return "<br>".join(_inline(_unmark(line)) for line in lines)


def _unmark(line: str) -> str:
    """A line written as words although it starts like a mark: ``\\- 5 %`` is "- 5 %"."""
    if line.startswith("\\") and _LOOKS_LIKE_MARK.match(line[1:]):
        return line[1:]
    return line


def _inline(text: str) -> str:
    # A "<" that does not open a whole tag on this line is a character ("I <3 Tuban"):
    # left bare, the sanitiser's parser would read it as the start of a tag or comment and
    # swallow what follows, up to the next ">".
    text = _STRAY_LT.sub("&lt;", text)
    text = _ESCAPED.sub(lambda found: _HOLD[found.group(1)], text)
    text = _LINK.sub(
        lambda found: (
            f'<a href="{html.escape(_release(found.group(2)), quote=True)}">{found.group(1)}</a>'
        ),
        text,
    )
    text = _BOLD.sub(r"<strong>\1</strong>", text)
    text = _ITALIC.sub(r"<em>\1</em>", text)
    return _release(text)


def _release(text: str) -> str:
    return "".join(_RELEASE.get(char, char) for char in text)


def to_text(body_html: str) -> str:
    """The text an editor sees for a stored (sanitised) body."""
    reader = _Reader()
    reader.feed(body_html or "")
    reader.close()
    return reader.text()


def _escape(data: str) -> str:
    return re.sub(r"([\\*\[\]])", r"\\\1", data)


class _Words:
    """Text from the HTML (not marks made from its tags)."""

    def __init__(self, text: str):
        self.text = text


class _Reader(HTMLParser):
    """Reads the tags ``sanitize.TAGS`` allows; anything else keeps only its words."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.parts: list = []  # the block being read: marks (str) and words (_Words)
        self.kind = "p"
        self.items: list[str] = []
        self.lists: list[str] = []  # "ul"/"ol" of the lists being read
        self.quote: list[str] | None = None
        self.links: list[str | None] = []

    # Blocks ---------------------------------------------------------------------------
    def _flush(self) -> None:
        # Words go back as typed unless a character of theirs would read as a mark: then
        # (only then) the backslashes keep "5 * 3 * 2" from turning into italics.
        raw = "".join(part if isinstance(part, str) else part.text for part in self.parts)
        escaped = "".join(
            part if isinstance(part, str) else _escape(part.text) for part in self.parts
        )
        words = raw if _inline(raw) == _inline(escaped) else escaped
        words = words.strip(" \n")
        self.parts = []
        if not words:
            return
        if self.lists:
            self.items.append(words)
        elif self.quote is not None:
            self.quote.append(words)
        elif self.kind in ("h2", "h3"):
            self.blocks.append("#" * int(self.kind[1]) + " " + words.replace("\n", " "))
        else:
            lines = words.split("\n")
            self.blocks.append("\n".join(self._guard(line) for line in lines))

    @staticmethod
    def _guard(line: str) -> str:
        return "\\" + line if _LOOKS_LIKE_MARK.match(line) else line

    def handle_starttag(self, tag, attrs):
        if tag in ("p", "h2", "h3"):
            self._flush()
            self.kind = tag
        elif tag in ("ul", "ol"):
            self._flush()
            if not self.lists:
                self.items = []
            self.lists.append(tag)
        elif tag == "li":
            self._flush()
        elif tag == "blockquote":
            self._flush()
            self.quote = []
        elif tag == "br":
            self.parts.append("\n")
        elif tag in ("strong", "b"):
            self.parts.append("**")
        elif tag in ("em", "i"):
            self.parts.append("*")
        elif tag == "a":
            href = dict(attrs).get("href")
            if href:
                href = href.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
            self.links.append(href)
            if href:
                self.parts.append("[")

    def handle_endtag(self, tag):
        if tag in ("p", "h2", "h3"):
            self._flush()
            self.kind = "p"
        elif tag == "li":
            self._flush()
        elif tag in ("ul", "ol") and self.lists:
            self._flush()
            kind = self.lists.pop()
            if not self.lists:
                self.blocks.append(self._render_list(kind, self.items))
                self.items = []
        elif tag == "blockquote" and self.quote is not None:
            self._flush()
            lines = "\n".join(self.quote).split("\n")
            self.quote = None
            if lines != [""]:
                self.blocks.append("\n".join(f"> {line}".rstrip() for line in lines))
        elif tag in ("strong", "b"):
            self.parts.append("**")
        elif tag in ("em", "i"):
            self.parts.append("*")
        elif tag == "a" and self.links:
            href = self.links.pop()
            if href:
                self.parts.append(f"]({href})")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        # Source line breaks inside HTML are spaces; only <br> breaks a line.
        self.parts.append(_Words(re.sub(r"\s*\n\s*", " ", data)))

    @staticmethod
    def _render_list(kind: str, items: list[str]) -> str:
        lines = []
        for number, item in enumerate(items, start=1):
            mark = f"{number}. " if kind == "ol" else "- "
            first, *rest = item.split("\n")
            # A continuation line must not read as a new item or another mark.
            lines.append(mark + first)
            lines.extend(_Reader._guard(line) for line in rest)
        return "\n".join(lines)

    def text(self) -> str:
        self._flush()
        return "\n\n".join(block for block in self.blocks if block)
