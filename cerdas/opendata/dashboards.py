"""The dashboards' figures, read from the very datasets the catalogue publishes.

Nothing here queries an app: every figure is a count or an average over a dataset's rows
(``cerdas.core.registries.datasets``), so a dashboard never shows what a download would not.

- The program funnel: regions assessed (a published round) → selected → MoU signed →
  masterplan approved → quick wins done. The last step comes from the ``implementation``
  dataset when an app registers it (a row whose ``item_kind`` or ``horizon`` is
  ``quick_win``, or ``quick_win`` true, and whose ``status`` is ``done``, or ``done`` true);
  without it the step is left out.
- IKM by service unit (a region) or by region (the nation): the latest published survey of
  each unit; a region's figure is the mean over its units.
- Complaint deadlines met: the share of follow-ups written within the agency's deadline and
  of verifications within 3 working days, per agency (a region) or per region (the nation).
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from cerdas.core.registries import datasets

IMPLEMENTATION = "implementation"
DONE = {"done", "completed", "selesai"}


def dataset_named(key):
    return next((dataset for dataset in datasets if dataset.key == key), None)


def rows_of(key: str, region_ids=None) -> list[dict]:
    """A dataset's rows as dicts (none when no app registers it)."""
    dataset = dataset_named(key)
    if dataset is None:
        return []
    names = [column.name for column in dataset.fields]
    return [dict(zip(names, row, strict=True)) for row in dataset.rows(region_ids)]


def publishing_regions(key: str, region_ids=None) -> set:
    """The regions that publish their own package of a dataset (its ``regions()``): for the
    masterplans, those with an approved plan, without reading every program."""
    dataset = dataset_named(key)
    if dataset is None or dataset.regions is None:
        return set()
    found = set(dataset.regions())
    return found if region_ids is None else found & set(region_ids)


def kinds() -> tuple[str, ...]:
    """The content kinds of every dataset a dashboard reads: its page cache retires with them."""
    keys = (
        "assessment-rankings",
        "cohort-memberships",
        "masterplan-programs",
        "survey-results",
        "complaint-deadlines",
        IMPLEMENTATION,
    )
    found = {kind for key in keys if (d := dataset_named(key)) is not None for kind in d.kinds}
    return tuple(sorted(found))


@dataclass
class Step:
    key: str
    label: str
    regions: set
    dataset: str

    @property
    def count(self) -> int:
        return len(self.regions)


def _quick_win_done(row: dict) -> bool:
    quick = (
        "quick_win" in (row.get("item_kind"), row.get("horizon")) or row.get("quick_win") is True
    )
    done = str(row.get("status", "")).lower() in DONE or row.get("done") is True
    return quick and done


def funnel(region_ids=None) -> list[Step]:
    rankings = rows_of("assessment-rankings", region_ids)
    members = rows_of("cohort-memberships", region_ids)
    steps = [
        Step(
            "assessed",
            _("Assessed"),
            {r["region_code"] for r in rankings if r["purpose"] == "selection"},
            "assessment-rankings",
        ),
        Step(
            "selected",
            _("Selected for a cohort"),
            {r["region_code"] for r in rankings if r["selected"]}
            | {m["region_code"] for m in members},
            "cohort-memberships",
        ),
        Step(
            "mou",
            _("MoU signed"),
            {m["region_code"] for m in members if m["mou_signed_on"]},
            "cohort-memberships",
        ),
        Step(
            "masterplan",
            _("Masterplan approved"),
            publishing_regions("masterplan-programs", region_ids),
            "masterplan-programs",
        ),
    ]
    if dataset_named(IMPLEMENTATION) is not None:
        done = {
            row.get("region_code")
            for row in rows_of(IMPLEMENTATION, region_ids)
            if _quick_win_done(row) and row.get("region_code")
        }
        steps.append(Step("quick_wins", _("Quick wins done"), done, IMPLEMENTATION))
    return steps


def _number(value):
    if value in (None, ""):
        return None
    return float(value)


def ikm_by_unit(region_ids) -> list[dict]:
    """The latest published IKM of each unit (converted, 25-100), best first."""
    latest: dict[tuple, dict] = {}
    for row in rows_of("survey-results", region_ids):
        if _number(row["ikm_converted"]) is None:
            continue
        key = (row["region_code"], row["unit"])
        if key not in latest or row["period_end"] > latest[key]["period_end"]:
            latest[key] = row
    result = [
        {
            "label": row["unit"],
            "region_code": row["region_code"],
            "region_name": row["region_name"],
            "value": _number(row["ikm_converted"]),
            "grade": row["grade"],
            "respondents": row["respondents"],
            "period_end": row["period_end"],
        }
        for row in latest.values()
    ]
    return sorted(result, key=lambda item: (-item["value"], item["label"]))


def ikm_by_region() -> list[dict]:
    """Each region's mean IKM over its units' latest surveys, best first."""
    grouped: dict[str, list[dict]] = {}
    for unit in ikm_by_unit(None):
        grouped.setdefault(unit["region_code"], []).append(unit)
    result = [
        {
            "label": units[0]["region_name"],
            "region_code": code,
            "value": round(sum(u["value"] for u in units) / len(units), 2),
            "units": len(units),
            "respondents": sum(u["respondents"] or 0 for u in units),
        }
        for code, units in grouped.items()
    ]
    return sorted(result, key=lambda item: (-item["value"], item["label"]))


def deadlines(region_ids) -> list[dict]:
    """Deadlines met: per agency for one region, per region for the nation."""
    rows = rows_of("complaint-deadlines", region_ids)
    if region_ids is None:
        chosen = [row for row in rows if not row["agency"]]
        label = "region_name"
    else:
        chosen = [row for row in rows if row["agency"]] or [r for r in rows if not r["agency"]]
        label = "agency"
    return [
        {
            "label": row[label] or row["region_name"],
            "region_code": row["region_code"],
            "reports": row["reports"],
            "answers_due": row["answers_due"],
            "answered": _number(row["answered_on_time_percent"]),
            "verified": _number(row["verified_on_time_percent"]),
        }
        for row in chosen
    ]
