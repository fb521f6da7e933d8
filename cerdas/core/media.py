"""Sending uploaded files: one helper for every app, with the app's access rule first.

Uploads never sit in a public folder. Each app either serves its files from its own views
(assessment evidence, cohort documents) or registers a ``MediaRule`` for a prefix of the
``/media/`` address (article pictures), and both end in ``serve``, which

- sends pictures inline and every other document as an attachment, so a PDF that is also
  an HTML page (a polyglot) is downloaded, never rendered by the browser;
- takes the content type from the file's first bytes, not from its name;
- adds ``X-Content-Type-Options: nosniff`` and a ``Content-Security-Policy`` that lets
  nothing in the file run (``sandbox``);
- lets public files be cached and keeps private ones out of shared caches;
- hands the bytes over as ``MEDIA_SERVE`` says: ``django`` streams them from Django (the
  default, and what ``make run`` uses), ``x-accel`` answers with ``X-Accel-Redirect`` to an
  internal nginx location (``MEDIA_ACCEL_PREFIX``, default ``/_media/``) that reads
  ``MEDIA_ROOT``, and ``x-sendfile`` answers with ``X-Sendfile`` (Apache, Caddy, lighttpd).
  The access check runs in Django in every mode.
"""

import mimetypes
import posixpath
from dataclasses import dataclass
from urllib.parse import quote

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

from cerdas.core.registries import media_rules
from cerdas.lib import document_types

INLINE_KINDS = (document_types.JPEG, document_types.PNG)
FILE_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"


@dataclass(frozen=True)
class Access:
    """How a visitor who passed the app's check gets the file."""

    public: bool = False  # anyone may have it: shared caches may keep it
    filename: str = ""  # the name the download gets (the stored name's last part by default)


def serve(request, name: str, *, public: bool = False, filename: str = "") -> HttpResponse:
    """The stored file ``name`` as a response, after the caller checked access."""
    if not name or not default_storage.exists(name):
        raise Http404
    with default_storage.open(name, "rb") as file:
        head = file.read(16)
    kind = document_types.sniff(head)
    content_type = document_types.CONTENT_TYPES.get(kind, "application/octet-stream")
    if kind is None and name.lower().endswith((".docx", ".xlsx")):
        # Packages are told apart by their members; the extension was checked at upload.
        content_type = mimetypes.guess_type(name)[0] or content_type
    response = _transfer(name, content_type)
    download = filename or posixpath.basename(name)
    disposition = "inline" if kind in INLINE_KINDS else "attachment"
    response["Content-Disposition"] = _disposition(disposition, download)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = FILE_POLICY
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    if public:
        patch_cache_control(response, public=True, max_age=3600)
    else:
        patch_cache_control(response, private=True, no_store=True)
        patch_vary_headers(response, ["Cookie"])
    return response


def _transfer(name: str, content_type: str) -> HttpResponse:
    mode = settings.MEDIA_SERVE
    if mode == "x-accel":
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = settings.MEDIA_ACCEL_PREFIX + quote(name)
        return response
    if mode == "x-sendfile":
        response = HttpResponse(content_type=content_type)
        response["X-Sendfile"] = default_storage.path(name)
        return response
    return FileResponse(default_storage.open(name, "rb"), content_type=content_type)


def _disposition(kind: str, filename: str) -> str:
    ascii_name = filename.encode("ascii", "ignore").decode().replace('"', "") or "file"
    return f"{kind}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"


def media(request, name: str):
    """``/media/<name>``: the file, when the app that owns its prefix lets this visitor have it."""
    clean = posixpath.normpath(name)
    if clean != name or clean.startswith(("/", "..")) or "\x00" in name:
        raise Http404
    for rule in media_rules:
        if name.startswith(rule.prefix):
            access = rule.access(request, name)
            if access is None:
                raise Http404
            return serve(request, name, public=access.public, filename=access.filename)
    raise Http404
