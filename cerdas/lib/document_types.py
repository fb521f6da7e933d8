"""Which kind of document an upload really is, from its first bytes and its name.

A file is accepted only when its content and its extension agree, so a renamed
executable or an HTML page called ``mou.pdf`` is refused. DOCX and XLSX are ZIP packages:
their first bytes say "ZIP", and the names inside say which of the two it is.
"""

import zipfile

PDF = "pdf"
JPEG = "jpeg"
PNG = "png"
DOCX = "docx"
XLSX = "xlsx"

# Extensions people use for each kind, lower case, without the dot.
EXTENSIONS = {
    PDF: ("pdf",),
    JPEG: ("jpg", "jpeg"),
    PNG: ("png",),
    DOCX: ("docx",),
    XLSX: ("xlsx",),
}

CONTENT_TYPES = {
    PDF: "application/pdf",
    JPEG: "image/jpeg",
    PNG: "image/png",
    DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

_ZIP = "zip"
_SIGNATURES = (
    (b"%PDF-", PDF),
    (b"\xff\xd8\xff", JPEG),
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"PK\x03\x04", _ZIP),
)
# The folder inside an Office package that only that kind of document has.
_PACKAGE_FOLDERS = {DOCX: "word/", XLSX: "xl/"}


def sniff(head: bytes, file=None) -> str | None:
    """The kind of document these first bytes start, or None.

    A ZIP package is told apart only when the whole ``file`` is given to look inside.
    """
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            return _package_kind(file) if kind == _ZIP else kind
    return None


def _package_kind(file) -> str | None:
    if file is None:
        return None
    try:
        file.seek(0)
        with zipfile.ZipFile(file) as package:
            names = package.namelist()
    except zipfile.BadZipFile:
        return None
    finally:
        file.seek(0)
    return next(
        (
            kind
            for kind, folder in _PACKAGE_FOLDERS.items()
            if any(n.startswith(folder) for n in names)
        ),
        None,
    )


def extension(filename: str) -> str:
    _, dot, ext = filename.rpartition(".")
    return ext.lower() if dot else ""


def check(
    filename: str, head: bytes, size: int, *, allowed=(PDF, JPEG, PNG), max_bytes: int, file=None
):
    """The document's kind, or a (code, detail) problem explaining why it is refused.

    Pass the whole ``file`` when DOCX or XLSX are allowed: their kind is inside the package.

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
    by_content = sniff(head, file)
    if by_content is None or by_content not in allowed:
        return None, ("content", ext)
    if by_content != by_extension:
        return None, ("mismatch", ext)
    return by_content, None
