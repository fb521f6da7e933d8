"""Which kind of document an upload really is, from its first bytes and its name.

A file is accepted only when its content and its extension agree, so a renamed
executable or an HTML page called ``mou.pdf`` is refused. DOCX and XLSX are ZIP packages:
their first bytes say "ZIP", and the names inside say which of the two it is.

A package is also looked into before it is accepted (``package_problem``): a few kilobytes
of ZIP can inflate to gigabytes (an "archive bomb") or hold thousands of members, and an
Office file can carry macros or a program. Refused: more than ``MAX_MEMBERS`` members,
more than ``MAX_INFLATED_BYTES`` once inflated (as the package's directory declares it;
Python's zipfile never inflates a member past its declared size), an inflation ratio above
``MAX_RATIO``, macros (``vbaProject.bin``) and members that are programs by name
(``.exe``, ``.dll``, ``.js`` …) or by their first bytes (Windows, Linux and macOS
executables, scripts starting with ``#!``).
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

MAX_MEMBERS = 1000
MAX_INFLATED_BYTES = 100 * 1024 * 1024
MAX_RATIO = 200
EXECUTABLE_EXTENSIONS = {
    "app", "bat", "cmd", "com", "cpl", "dll", "dylib", "elf", "exe", "hta", "jar", "js",
    "jse", "lnk", "msi", "msp", "ps1", "scr", "sh", "so", "sys", "vb", "vbe", "vbs", "wsf",
}  # fmt: skip
EXECUTABLE_SIGNATURES = (
    b"MZ",  # Windows programs and libraries
    b"\x7fELF",  # Linux
    b"\xfe\xed\xfa\xce",  # macOS (Mach-O, both byte orders, 32 and 64 bits)
    b"\xfe\xed\xfa\xcf",
    b"\xce\xfa\xed\xfe",
    b"\xcf\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",  # macOS universal binaries and Java classes
    b"#!",  # scripts
)
MACRO_NAMES = ("vbaproject.bin", "vbadata.xml")

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


def package_problem(
    file,
    *,
    max_members: int = MAX_MEMBERS,
    max_inflated_bytes: int = MAX_INFLATED_BYTES,
    max_ratio: int = MAX_RATIO,
) -> tuple[str, str] | None:
    """Why this ZIP package (DOCX, XLSX) is refused, as (code, detail), or None.

    Codes: ``damaged`` (not a readable ZIP), ``members`` (too many; detail the limit),
    ``inflated`` (too large once inflated; detail the limit in bytes), ``ratio`` (inflates
    suspiciously much; detail the limit), ``macros`` and ``executable`` (detail the member).
    """
    try:
        file.seek(0)
        with zipfile.ZipFile(file) as package:
            members = package.infolist()
            if len(members) > max_members:
                return "members", str(max_members)
            inflated = sum(member.file_size for member in members)
            packed = sum(member.compress_size for member in members)
            if inflated > max_inflated_bytes:
                return "inflated", str(max_inflated_bytes)
            if inflated > max(packed, 1) * max_ratio and inflated > 1024 * 1024:
                return "ratio", str(max_ratio)
            for member in members:
                problem = _member_problem(package, member)
                if problem:
                    return problem
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, RuntimeError):
        # RuntimeError: an encrypted member; EOFError/OSError: a truncated package.
        return "damaged", ""
    finally:
        file.seek(0)
    return None


def _member_problem(package, member) -> tuple[str, str] | None:
    name = member.filename
    base = name.rsplit("/", 1)[-1].lower()
    if base in MACRO_NAMES:
        return "macros", name
    if extension(base) in EXECUTABLE_EXTENSIONS:
        return "executable", name
    if member.is_dir() or member.file_size == 0:
        return None
    with package.open(member) as content:
        head = content.read(4)
    if head.startswith(EXECUTABLE_SIGNATURES):
        return "executable", name
    return None


def extension(filename: str) -> str:
    _, dot, ext = filename.rpartition(".")
    return ext.lower() if dot else ""


def check(
    filename: str, head: bytes, size: int, *, allowed=(PDF, JPEG, PNG), max_bytes: int, file=None
):
    """The document's kind, or a (code, detail) problem explaining why it is refused.

    Pass the whole ``file`` when DOCX or XLSX are allowed: their kind is inside the package,
    which is also checked by ``package_problem``.

    Returns ``(kind, None)`` or ``(None, (code, detail))`` with code one of ``too_large``,
    ``empty``, ``extension``, ``content``, ``mismatch``, or a code of ``package_problem``.
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
    if by_content in _PACKAGE_FOLDERS:
        problem = package_problem(file)
        if problem:
            return None, problem
    return by_content, None
