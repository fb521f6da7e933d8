"""Serving a package's rows: conditional requests first, then the rows as they are read.

The ETag names the package, the format, the rows' last change (``Dataset.modified``) and
the versions of the content kinds the dataset reads (``Dataset.kinds``), so any change a
dataset can see gives a new tag; ``Last-Modified`` is the rows' last change. A client that
sends a tag it holds (``If-None-Match``) or a time (``If-Modified-Since``) gets a 304 and no
rows are read.
"""

import hashlib

from django.http import FileResponse, HttpResponseNotModified, StreamingHttpResponse
from django.utils.http import http_date, parse_http_date_safe, quote_etag

from cerdas.core.cache import content_version
from cerdas.opendata import formats
from cerdas.opendata.catalogue import MEDIA_TYPES, Package


def etag(package: Package, fmt: str) -> str:
    modified = package.modified.isoformat() if package.modified else "-"
    versions = content_version(*package.dataset.kinds)
    key = f"{package.name}|{fmt}|{modified}|{versions}|{len(package.dataset.fields)}"
    return quote_etag(hashlib.sha256(key.encode()).hexdigest()[:32])


def _not_modified(request, tag: str, package: Package) -> bool:
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is not None:
        tags = [t.strip().removeprefix("W/") for t in if_none_match.split(",")]
        return tag in tags or "*" in tags
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    if since is not None and package.modified is not None:
        return int(package.modified.timestamp()) <= since
    return False


def _headers(response, package: Package, tag: str) -> None:
    response["ETag"] = tag
    if package.modified is not None:
        response["Last-Modified"] = http_date(package.modified.timestamp())
    # Public data: any cache may keep it, and must ask again before reusing it.
    response["Cache-Control"] = "public, no-cache"
    response["Access-Control-Allow-Origin"] = "*"


def serve(request, package: Package, fmt: str):
    tag = etag(package, fmt)
    if _not_modified(request, tag, package):
        response = HttpResponseNotModified()
        _headers(response, package, tag)
        return response
    filename = f"{package.name}.{fmt}"
    fields = package.dataset.fields
    if fmt == "xlsx":
        handle = formats.xlsx_file(fields, package.rows(), package.dataset.key)
        response = FileResponse(
            handle, as_attachment=True, filename=filename, content_type=MEDIA_TYPES[fmt]
        )
    else:
        chunks = formats.csv_chunks if fmt == "csv" else formats.json_chunks
        response = StreamingHttpResponse(
            chunks(fields, package.rows()), content_type=f"{MEDIA_TYPES[fmt]}; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    _headers(response, package, tag)
    return response
