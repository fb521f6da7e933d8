"""Programs from an XLSX workbook: read into a preview, resolved by people, then written.

Reading writes nothing. Every row of the workbook ends in the preview as "to create",
"to update" or "reported" with its reasons; names of agencies (OPD) the region does not
have yet are listed for the team to map to an agency, to create, or to leave empty.
"""
# ruff: noqa: RUF001 - en dashes in year ranges are intended typography

import math
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from cerdas.core import numbers, tabular
from cerdas.core.numbers import show
from cerdas.core.tabular import Limits
from cerdas.lib.plain_text import to_plain_text
from cerdas.masterplans.models import (
    MAX_BUDGET,
    MEASURE_DIGITS,
    MEASURE_PLACES,
    Budget,
    Dimension,
    Element,
    Horizon,
)
from cerdas.masterplans.services import refuse_unless_editable, save_program
from cerdas.regions.models import Agency

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_PROGRAMS = 500
MAX_DETAIL_ROWS = 5000
LIMITS = Limits(max_bytes=MAX_FILE_BYTES, max_rows=MAX_DETAIL_ROWS, max_columns=40)

HEADERS = {
    "name": ("program", "name", "nama program", "nama"),
    "dimension": ("dimension", "dimensi"),
    "element": ("element", "elemen"),
    "horizon": ("horizon", "jangka"),
    "start_year": ("start year", "tahun mulai"),
    "end_year": ("end year", "tahun selesai"),
    "agency": ("opd", "agency", "perangkat daerah"),
    "partners": ("partners", "mitra"),
    "description": ("description", "deskripsi", "uraian"),
    "citizen_benefit": ("citizen benefit", "manfaat bagi warga"),
    "rpjmd_program": ("rpjmd program", "program rpjmd"),
    "renstra_program": ("renstra program", "program renstra"),
    "year": ("year", "tahun"),
    "source": ("source", "sumber"),
    "amount": ("amount", "jumlah", "nilai"),
    "indicator": ("indicator", "indikator"),
    "unit": ("unit", "satuan"),
    "baseline": ("baseline", "nilai awal"),
    "target": ("target",),
}
SHEET_NAMES = {
    "programs": ("programs", "program"),
    "budgets": ("budgets", "anggaran"),
    "indicators": ("indicators", "indikator"),
}
HORIZON_WORDS = {
    "quick win": Horizon.QUICK_WIN,
    "quick_win": Horizon.QUICK_WIN,
    "short": Horizon.SHORT,
    "pendek": Horizon.SHORT,
    "jangka pendek": Horizon.SHORT,
    "medium": Horizon.MEDIUM,
    "menengah": Horizon.MEDIUM,
    "jangka menengah": Horizon.MEDIUM,
    "long": Horizon.LONG,
    "panjang": Horizon.LONG,
    "jangka panjang": Horizon.LONG,
}
SOURCE_WORDS = {value: value for value in Budget.Source.values} | {
    "swasta": Budget.Source.PRIVATE,
    "lainnya": Budget.Source.OTHER,
}


class WorkbookError(Exception):
    """The workbook as a whole cannot be read; the message says what to do."""


def _norm(value) -> str:
    return " ".join(str(value or "").split()).lower()


def _sheets(book) -> dict:
    found = {}
    for title in book.sheet_names:
        for key, names in SHEET_NAMES.items():
            if _norm(title) in names and key not in found:
                found[key] = title
    return found


def _records(book, title: str) -> list[tuple[int, dict]]:
    """(row number, {field: value}) for each non-empty row under the header row.

    A row the reader could not take whole (a cell too long) carries its reason as
    ``_problem``, which the row's reader reports.
    """
    rows = book.rows(title)
    if not rows:
        return []
    header, body = rows[0], rows[1:]
    columns = {}
    for index, cell in enumerate(header.cells):
        for key, names in HEADERS.items():
            if _norm(cell) in names and key not in columns.values():
                columns[index] = key
                break
    records = []
    for row in body:
        record = {key: row.cells[i] for i, key in columns.items() if i < len(row.cells)}
        if row.problem:
            record["_problem"] = row.problem
        records.append((row.number, record))
    return records


def read_workbook(upload, masterplan) -> dict:
    """Parse the workbook into a preview (plain data for the session); writes nothing."""
    try:
        with tabular.open_workbook(upload, LIMITS) as book:
            sheets = _sheets(book)
            if "programs" not in sheets:
                raise WorkbookError(_("The workbook needs a sheet named “Programs”."))
            records = {key: _records(book, title) for key, title in sheets.items()}
    except ValidationError as error:
        raise WorkbookError(" ".join(error.messages)) from error
    if len(records["programs"]) > MAX_PROGRAMS:
        raise WorkbookError(
            _("The workbook has more than %(limit)s programs: at most %(limit)s, split it.")
            % {"limit": show(MAX_PROGRAMS)}
        )
    reader = _Reader(masterplan)
    programs = [reader.program(n, r) for n, r in records["programs"]]
    valid = {_norm(p["values"]["name"]): p for p in programs if not p["errors"]}
    budgets = [reader.budget(n, r, valid) for n, r in records.get("budgets", [])]
    indicators = [reader.indicator(n, r, valid) for n, r in records.get("indicators", [])]
    unknown = sorted(
        {
            p["agency_name"]
            for p in programs
            if p["agency_name"] and p["agency_id"] is None and not p["errors"]
        }
    )
    return {
        "programs": programs,
        "budgets": budgets,
        "indicators": indicators,
        "unknown_agencies": unknown,
    }


def _number(value, places: int, currency: bool = False):
    """A cell's number (whole for ``places=0``, else a Decimal of ``places`` decimals) within
    what the database holds; the reason as a string when it is not one; None when empty.

    A number cell counts as it is; text is read as Indonesians write it ("1.500.000").
    """
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        if isinstance(value, int | float):
            if not math.isfinite(value):
                raise ValidationError(_("Enter a number."))
            number = Decimal(str(value))
            if places == 0 and number != number.to_integral_value():
                raise ValidationError(_("Enter a whole number."))
        else:
            number = Decimal(numbers.read(str(value), places=places, currency=currency))
        limit = numbers.decimal_limit(MEASURE_DIGITS, MEASURE_PLACES) if places else None
        numbers.check_range(number, -limit if limit else None, limit, places=places)
    except ValidationError as error:
        return " ".join(error.messages)
    return int(number) if places == 0 else number.quantize(Decimal(1).scaleb(-places))


class _Reader:
    def __init__(self, masterplan):
        self.plan = masterplan
        self.dimensions = {}
        for d in Dimension.objects.all():
            for word in (d.code, d.name, d.name_en, d.name.lower().removeprefix("smart ")):
                self.dimensions[_norm(word)] = d.pk
        self.elements = {
            (e.dimension_id, _norm(word)): e.pk
            for e in Element.objects.all()
            for word in (e.code, e.name, e.name_en)
            if word
        }
        self.agencies = {}
        for a in Agency.objects.filter(region_id=masterplan.region_id):
            for word in (a.name, a.short_name):
                if word:
                    self.agencies[_norm(word)] = a.pk
        self.existing = {_norm(n): pk for pk, n in masterplan.programs.values_list("pk", "name")}

    def _year(self, value, errors, label):
        year = _number(value, 0)
        if year is None or isinstance(year, str):
            errors.append(_("%(field)s is not a year.") % {"field": label})
            return None
        if not self.plan.period_start <= year <= self.plan.period_end:
            errors.append(
                _("%(field)s %(year)s is outside the plan period %(start)s–%(end)s.")
                % {
                    "field": label,
                    "year": year,
                    "start": self.plan.period_start,
                    "end": self.plan.period_end,
                }
            )
        return year

    def program(self, number, row) -> dict:
        errors = [row["_problem"]] if "_problem" in row else []
        name = to_plain_text(row.get("name"), 200)
        if not name:
            errors.append(_("The program has no name."))
        dimension = self.dimensions.get(_norm(row.get("dimension")))
        if dimension is None:
            errors.append(_("Unknown dimension “%(value)s”.") % {"value": row.get("dimension")})
        element = None
        if row.get("element") not in (None, ""):
            element = self.elements.get((dimension, _norm(row.get("element"))))
            if element is None:
                errors.append(
                    _("Unknown element “%(value)s” for this dimension.")
                    % {"value": row.get("element")}
                )
        horizon = HORIZON_WORDS.get(_norm(row.get("horizon")))
        if horizon is None:
            errors.append(
                _("Unknown horizon “%(value)s”: use quick win, short, medium or long.")
                % {"value": row.get("horizon")}
            )
        start = self._year(row.get("start_year"), errors, _("Start year"))
        end = self._year(row.get("end_year"), errors, _("End year"))
        if start and end and start > end:
            errors.append(_("The end year comes before the start year."))
        elif start and end and horizon == Horizon.QUICK_WIN and end - start + 1 > 2:
            errors.append(_("A quick win is done within two years."))
        agency_name = to_plain_text(row.get("agency"), 200)
        values = {
            "name": name,
            "dimension_id": dimension,
            "element_id": element,
            "horizon": horizon,
            "start_year": start,
            "end_year": end,
            **{
                key: to_plain_text(row.get(key))
                for key in (
                    "partners",
                    "description",
                    "citizen_benefit",
                    "rpjmd_program",
                    "renstra_program",
                )
            },
        }
        values["partners"] = values["partners"][:300]
        existing = self.existing.get(_norm(name))
        return {
            "row": number,
            "values": values,
            "errors": errors,
            "agency_name": agency_name,
            "agency_id": self.agencies.get(_norm(agency_name)),
            "action": "update" if existing else "create",
            "existing_id": existing,
        }

    def budget(self, number, row, valid) -> dict:
        errors = [row["_problem"]] if "_problem" in row else []
        program = valid.get(_norm(row.get("name")))
        if program is None:
            errors.append(
                _("No importable program named “%(value)s” in the Programs sheet.")
                % {"value": row.get("name")}
            )
        source = SOURCE_WORDS.get(_norm(row.get("source")))
        if source is None:
            errors.append(
                _("Unknown source “%(value)s”: use apbd, apbn, private or other.")
                % {"value": row.get("source")}
            )
        year = self._year(row.get("year"), errors, _("Year"))
        if (
            program
            and year
            and not (program["values"]["start_year"] <= year <= program["values"]["end_year"])
        ):
            errors.append(_("The year %(year)s is outside the program's years.") % {"year": year})
        amount = _number(row.get("amount"), 0, currency=True)
        if amount is None or isinstance(amount, str):
            errors.append(_("The amount is not a number of Rupiah.") + " " + (amount or ""))
            amount = None
        elif not 0 <= amount <= MAX_BUDGET:
            errors.append(_("The amount must be between 0 and Rp 10 trillion."))
            amount = None
        return {
            "row": number,
            "program": _norm(row.get("name")),
            "errors": errors,
            "values": {"year": year, "source": source, "amount": amount},
        }

    def indicator(self, number, row, valid) -> dict:
        errors = [row["_problem"]] if "_problem" in row else []
        if valid.get(_norm(row.get("name"))) is None:
            errors.append(
                _("No importable program named “%(value)s” in the Programs sheet.")
                % {"value": row.get("name")}
            )
        name = to_plain_text(row.get("indicator"), 200)
        if not name:
            errors.append(_("The indicator has no name."))
        measures = {}
        for key in ("baseline", "target"):
            value = row.get(key)
            if value in (None, "") and key == "baseline":
                measures[key] = None
                continue
            parsed = _number(value, MEASURE_PLACES)
            if parsed is None or isinstance(parsed, str):
                errors.append(
                    _("The %(field)s is not a number.") % {"field": key} + " " + (parsed or "")
                )
                continue
            measures[key] = str(parsed)
        return {
            "row": number,
            "program": _norm(row.get("name")),
            "errors": errors,
            "values": {"name": name, "unit": to_plain_text(row.get("unit"), 40), **measures},
        }


def unresolved(preview: dict, resolutions: dict) -> list[str]:
    """Unknown agency names still without a decision."""
    return [name for name in preview["unknown_agencies"] if not resolutions.get(name)]


@transaction.atomic
def apply_import(masterplan, preview: dict, resolutions: dict, user) -> dict:
    """Write the preview: agencies as resolved, then each valid program; returns counts.

    ``resolutions`` maps each unknown agency name to ``"create"``, ``"none"`` or an
    agency id of the region.
    """
    refuse_unless_editable(masterplan)
    agency_ids = _resolve_agencies(masterplan, preview["unknown_agencies"], resolutions)
    created = updated = 0
    for program in preview["programs"]:
        if program["errors"]:
            continue
        key = _norm(program["values"]["name"])
        budgets = [
            b["values"] for b in preview["budgets"] if b["program"] == key and not b["errors"]
        ]
        indicators = [
            {
                **i["values"],
                "baseline": i["values"]["baseline"] and Decimal(i["values"]["baseline"]),
                "target": Decimal(i["values"]["target"]),
            }
            for i in preview["indicators"]
            if i["program"] == key and not i["errors"]
        ]
        values = dict(program["values"])
        values["agency_id"] = program["agency_id"] or agency_ids.get(program["agency_name"])
        existing = masterplan.programs.filter(name__iexact=values["name"]).first()
        if existing:
            if not budgets:
                budgets = list(existing.budgets.values("year", "source", "amount"))
            if not indicators:
                indicators = list(existing.indicators.values("name", "unit", "baseline", "target"))
        result = save_program(
            masterplan.pk,
            values,
            budgets,
            indicators,
            user,
            program_id=existing.pk if existing else None,
            loaded_version=existing.version if existing else None,
        )
        if result.saved:
            created, updated = created + (not existing), updated + bool(existing)
    reported = sum(
        bool(row["errors"]) for key in ("programs", "budgets", "indicators") for row in preview[key]
    )
    masterplan.log_action(
        "masterplan.programs_imported",
        user=user,
        changes={"created": created, "updated": updated, "reported": reported},
    )
    return {"created": created, "updated": updated, "reported": reported}


def _resolve_agencies(masterplan, names, resolutions) -> dict[str, int | None]:
    result = {}
    region_agencies = Agency.objects.filter(region_id=masterplan.region_id)
    for name in names:
        choice = str(resolutions.get(name, "none"))
        if choice == "create":
            agency, _created = region_agencies.get_or_create(
                name=name[:200], defaults={"region_id": masterplan.region_id}
            )
            result[name] = agency.pk
        elif choice.isdigit() and region_agencies.filter(pk=int(choice)).exists():
            result[name] = int(choice)
        else:
            result[name] = None
    return result
