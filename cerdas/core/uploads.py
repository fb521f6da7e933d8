"""One check for every uploaded document: kind, size, and what a package holds.

``check_document(upload, allowed=..., max_bytes=...)`` returns the document's kind (a
``cerdas.lib.document_types`` constant) or raises ``ValidationError`` with a message that
tells the person what to do. DOCX and XLSX are looked into (members, inflated size, macros,
programs) before they are accepted. Assessment evidence, cohort documents and every later
upload (complaint attachments) use it, so a file refused in one place is refused in all.
"""

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cerdas.core.numbers import show
from cerdas.lib import document_types

KIND_NAMES = {
    document_types.PDF: "PDF",
    document_types.JPEG: "JPEG",
    document_types.PNG: "PNG",
    document_types.DOCX: "DOCX",
    document_types.XLSX: "XLSX",
}


def kinds_text(allowed) -> str:
    """``PDF, JPEG or PNG``: the accepted kinds for a message."""
    names = [KIND_NAMES[kind] for kind in allowed]
    if len(names) == 1:
        return names[0]
    return format_lazy("{} {} {}", ", ".join(names[:-1]), gettext_lazy("or"), names[-1])


def check_document(upload, *, allowed, max_bytes: int) -> str:
    """The kind of ``upload`` if it is acceptable, else a ``ValidationError`` saying why."""
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    kind, problem = document_types.check(
        upload.name or "", head, upload.size, allowed=allowed, max_bytes=max_bytes, file=upload
    )
    if kind:
        return kind
    code, detail = problem
    raise ValidationError(_message(code, detail, upload.name or "", allowed, max_bytes), code=code)


def _message(code, detail, name, allowed, max_bytes) -> str:
    params = {"name": name[:100], "kinds": kinds_text(allowed), "size": filesizeformat(max_bytes)}
    messages = {
        "too_large": _("“%(name)s” is larger than %(size)s: make it smaller and upload it again."),
        "empty": _("“%(name)s” is empty."),
        "extension": _("“%(name)s” is not accepted: upload a %(kinds)s file."),
        "content": _("The content of “%(name)s” is not a %(kind)s file."),
        "mismatch": _("The content of “%(name)s” is not a %(kind)s file."),
        "damaged": _("“%(name)s” is damaged or protected with a password: save it again."),
        "members": _("“%(name)s” holds more than %(limit)s parts: save it again as a plain file."),
        "inflated": _("“%(name)s” unpacks to more than %(limit)s: make it smaller."),
        "ratio": _("“%(name)s” unpacks to far more than its size: save it again."),
        "macros": _("“%(name)s” contains macros: save it as a plain DOCX or XLSX without macros."),
        "executable": _("“%(name)s” contains a program (%(member)s) and is refused."),
    }
    if code == "members":
        params["limit"] = show(int(detail))
    elif code == "inflated":
        params["limit"] = filesizeformat(int(detail))
    params["member"] = detail[:100]
    params["kind"] = detail.upper()
    return messages[code] % params
