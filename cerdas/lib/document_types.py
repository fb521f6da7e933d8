"""Which kind of document an upload really is, from its first bytes and its name.

A file is accepted only when its content and its extension agree, so a renamed
executable or an HTML page called ``mou.pdf`` is refused.
"""

PDF = "pdf"
JPEG = "jpeg"
PNG = "png"

# Extensions people use for each kind, lower case, without the dot.
EXTENSIONS = {
    PDF: ("pdf",),
    JPEG: ("jpg", "jpeg"),
    PNG: ("png",),
}

CONTENT_TYPES = {PDF: "application/pdf", JPEG: "image/jpeg", PNG: "image/png"}

_SIGNATURES = (
    (b"%PDF-", PDF),
    (b"\xff\xd8\xff", JPEG),
    (b"\x89PNG\r\n\x1a\n", PNG),
)


def sniff(head: bytes) -> str | None:
    """The kind of document these first bytes start, or None."""
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            return kind
    return None


def extension(filename: str) -> str:
    _, dot, ext = filename.rpartition(".")
    return ext.lower() if dot else ""


def check(filename: str, head: bytes, size: int, *, allowed=(PDF, JPEG, PNG), max_bytes: int):
    """The document's kind, or a (code, detail) problem explaining why it is refused.

    Returns ``(kind, None)`` or ``(None, (code, detail))`` with code one of ``too_large``,
    ``empty``, ``extension``, ``content``, ``mismatch``.
    """
    if size <= 0:
        return None, ("empty", "")
    if size > max_bytes:
        return None, ("too_large", str(max_bytes))
    ext = extension(filename)
    by_extension = next((kind for kind in allowed if ext in EXTENSIONS[kind]), None)
    if by_extension is None:
        return None, ("extension", ext)
    by_content = sniff(head)
    if by_content is None or by_content not in allowed:
        return None, ("content", ext)
    if by_content != by_extension:
        return None, ("mismatch", ext)
    return by_content, None
