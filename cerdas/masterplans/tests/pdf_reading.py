"""Just enough PDF reading for tests, without pypdf: page count and outline/info texts.

WeasyPrint compresses objects into Flate streams; we inflate every stream, then count the
page objects and decode the ``/Title`` strings (document title and the outline built from
the headings), which is the text a reader's bookmarks pane shows.
"""

import re
import zlib


def _inflated(content: bytes) -> bytes:
    data = content
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", content, re.S):
        try:
            data += zlib.decompress(match.group(1))
        except zlib.error:
            continue
    return data


def _decode(raw: bytes) -> str:
    if raw.startswith(b"<"):
        return bytes.fromhex(raw[1:-1].decode()).decode("utf-16")
    text = raw[1:-1]
    text = re.sub(rb"\\([()\\])", rb"\1", text)
    return text.decode("latin-1")


def pdf_facts(content: bytes) -> tuple[int, list[str]]:
    data = _inflated(content)
    pages = len(re.findall(rb"/Type\s*/Page(?![a-z])", data))
    titles = [
        _decode(raw) for raw in re.findall(rb"/Title\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f]+>)", data)
    ]
    return pages, titles
