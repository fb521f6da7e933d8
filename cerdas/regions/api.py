from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.decorators import decorate_view
from ninja.errors import HttpError

from cerdas.core.cache import public_page
from cerdas.core.schemas import check_page, text
from cerdas.regions.models import Province, Region
from cerdas.regions.services import get_resolver, reason_text

router = Router(tags=["regions"])

MAX_LIMIT = 1000
MAX_BATCH = 1000


class RegionOut(Schema):
    code: str
    name: str
    kind: str  # "province", "kabupaten" or "kota"
    province_code: str
    province_name: str
    timezone: str  # WIB, WITA or WIT
    timezone_name: str  # the IANA zone, e.g. Asia/Jakarta
    is_administrative: bool
    url: str | None


class RegionPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[RegionOut]


class CandidateOut(Schema):
    code: str
    name: str
    confidence: float
    reason: str
    reason_text: str


class ResolutionOut(Schema):
    query: str
    status: str  # match, ambiguous or unknown
    code: str | None  # the region when status is "match"
    candidates: list[CandidateOut]


class ResolveBatchIn(Schema):
    names: list[text(200)]
    province: text(100) | None = None


def _province_out(province: Province) -> dict:
    return {
        "code": province.code,
        "name": province.name,
        "kind": "province",
        "province_code": province.code,
        "province_name": province.name,
        "timezone": province.timezone_abbreviation,
        "timezone_name": province.timezone,
        "is_administrative": False,
        "url": None,
    }


def _region_out(request: HttpRequest, region: Region) -> dict:
    return {
        "code": region.code,
        "name": region.name,
        "kind": region.kind,
        "province_code": region.province_id,
        "province_name": region.province.name,
        "timezone": region.timezone_abbreviation,
        "timezone_name": region.timezone,
        "is_administrative": region.is_administrative,
        "url": request.build_absolute_uri(region.get_absolute_url()),
    }


@router.get("", response=RegionPage, summary="List provinces and kabupaten/kota")
@decorate_view(public_page("regions"))
def list_regions(
    request,
    level: str = "",
    province: str = "",
    kind: str = "",
    q: str = "",
    limit: int = 100,
    offset: int = 0,
):
    """Provinces (`level=province`), kabupaten/kota (`level=regency`) or both, by code.

    Filter by `province` code, `kind` (kabupaten or kota) and `q` (part of the name or code).
    Empty parameters count as absent. `limit` is at most 1000; `count` is the total.
    """
    if level not in ("", "province", "regency"):
        raise HttpError(400, "level must be 'province' or 'regency'")
    if kind not in ("", *Region.Kind.values):
        raise HttpError(400, "kind must be 'kabupaten' or 'kota'")
    check_page(limit, offset, max_limit=MAX_LIMIT)
    provinces = []
    if level in ("", "province") and not kind:
        provinces = Province.objects.all()
        if province:
            provinces = provinces.filter(code=province)
        if q:
            provinces = provinces.filter(name__icontains=q) | provinces.filter(code__startswith=q)
        provinces = [_province_out(p) for p in provinces]
    regions = Region.objects.none()
    if level in ("", "regency"):
        regions = Region.objects.select_related("province").search(q)
        if province:
            regions = regions.filter(province_id=province)
        if kind:
            regions = regions.filter(kind=kind)
    if provinces:
        # Provinces and regions interleave by code ("35" before "35.01"): merge in Python,
        # at most 552 rows.
        items = sorted(provinces + [_region_out(request, r) for r in regions], key=_code)
        count, page = len(items), items[offset : offset + limit]
    else:
        count = regions.count()
        page = [_region_out(request, r) for r in regions[offset : offset + limit]]
    return {"count": count, "limit": limit, "offset": offset, "items": page}


def _code(item: dict) -> str:
    return item["code"]


def _resolution_out(result) -> dict:
    return {
        "query": result.query,
        "status": result.status,
        "code": result.best.code if result.best else None,
        "candidates": [
            {
                "code": c.code,
                "name": c.name,
                "confidence": c.confidence,
                "reason": c.reason,
                "reason_text": reason_text(c.reason),
            }
            for c in result.candidates
        ],
    }


@router.get("/resolve", response=ResolutionOut, summary="Resolve a written region name")
def resolve(request, name: str, province: str = ""):
    """Turn a name as people write it ("Kab. Bojonegoro", "Bandung") into candidate codes.

    `status` is `match` (one region, in `code`), `ambiguous` (pick one of `candidates`) or
    `unknown`. A name that fits both a kota and a kabupaten is always ambiguous.
    """
    return _resolution_out(get_resolver().resolve(name, province=province or None))


@router.post("/resolve", response=list[ResolutionOut], summary="Resolve many names at once")
def resolve_batch(request, payload: ResolveBatchIn):
    if len(payload.names) > MAX_BATCH:
        raise HttpError(400, f"send at most {MAX_BATCH} names at once")
    resolver = get_resolver()
    return [
        _resolution_out(result)
        for result in resolver.resolve_many(payload.names, province=payload.province or None)
    ]


@router.get("/{code}", response=RegionOut, summary="One province or kabupaten/kota")
@decorate_view(public_page("regions"))
def region_detail(request, code: str):
    if "." in code:
        region = get_object_or_404(Region.objects.select_related("province"), code=code)
        return _region_out(request, region)
    return _province_out(get_object_or_404(Province, code=code))
