"""Importing indicator values from CSV or XLSX: preview every row, write on confirm.

The file's first column names the region (as people write it, or its code); the other
columns are headed by indicator codes. Each row ends as matched, ambiguous (a person
picks one of the resolver's candidates), unknown, not invited, or invalid (a value that
is not a number or out of range, or a region that appears twice). The preview is stored
in an `ImportBatch`; confirming writes only what that batch holds.
"""

import math
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cerdas.assessments.models import Answer, ImportBatch, Indicator, Round
from cerdas.core import numbers, tabular
from cerdas.core.registries import indicator_sources
from cerdas.core.tabular import Limits, Row
from cerdas.lib.plain_text import to_plain_text
from cerdas.regions.engine import names as region_names
from cerdas.regions.services import get_resolver

FORMULA_STARTS = ("=", "+", "@")

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
MAX_COLUMNS = 100
VALUE_PLACES = 6  # decimals an indicator value may have


class RowStatus(models.TextChoices):
    MATCHED = "matched", gettext_lazy("matched")
    AMBIGUOUS = "ambiguous", gettext_lazy("ambiguous: pick one")
    UNKNOWN = "unknown", gettext_lazy("unknown region")
    NOT_INVITED = "not_invited", gettext_lazy("not invited")
    INVALID = "invalid", gettext_lazy("invalid")


MATCHED, AMBIGUOUS, UNKNOWN, NOT_INVITED, INVALID = RowStatus


LIMITS = Limits(max_bytes=MAX_BYTES, max_rows=MAX_ROWS, max_columns=MAX_COLUMNS)


def read_table(name: str, content: bytes) -> list[Row]:
    """The rows of a CSV (UTF-8; comma, semicolon or tab) or XLSX file, within ``LIMITS``."""
    return tabular.read_table(name, content, LIMITS)


def parse_number(cell) -> float:
    """A cell's number: a number cell as it is, text as Indonesians write it ("12,5",
    "1.234,5"); raises ValidationError with the reason."""
    if isinstance(cell, bool):
        raise ValidationError(_("Enter a number."))
    if isinstance(cell, int | float):
        if not math.isfinite(cell):
            raise ValidationError(_("Enter a number."))
        value = cell
    else:
        text = str(cell).strip().removesuffix("%").strip()
        value = numbers.read(text, places=VALUE_PLACES)
    numbers.check_range(value, places=VALUE_PLACES)
    return float(value)


@dataclass
class Preview:
    batch: ImportBatch
    unknown_columns: list[str] = field(default_factory=list)


@transaction.atomic
def preview_import(*, round_id: int, filename: str, content: bytes, user) -> Preview:
    round_ = Round.objects.get(pk=round_id)
    rows = read_table(filename, content)
    if len(rows) < 2:
        raise ValidationError(_("The file needs a header row and at least one row of values."))
    return _preview_rows(round_, filename, rows, user)


def _data_indicators(round_) -> dict:
    return {
        i.code: i for i in round_.framework.ordered_indicators() if i.kind == Indicator.Kind.DATA
    }


def _preview_rows(round_, filename: str, rows: list[Row], user) -> Preview:
    """Check every row (the first is the header) and keep them as a batch to confirm."""
    indicators = _data_indicators(round_)
    header = [_text(cell) for cell in rows[0].cells]
    columns = [
        (position, indicators[code]) for position, code in enumerate(header) if code in indicators
    ]
    unknown_columns = [code[:40] for code in header[1:] if code and code not in indicators]
    if not columns:
        raise ValidationError(
            _("No column is headed by an indicator code. Use these codes: %(codes)s.")
            % {"codes": ", ".join(indicators)}
        )
    invited = set(round_.participants.values_list("region_id", flat=True))
    parsed = [_parse_row(row, columns, invited) for row in rows[1:]]
    _mark_duplicates(parsed)
    batch = ImportBatch.objects.create(
        round=round_,
        filename=filename[:200],
        rows=parsed,
        indicator_codes=[i.code for _position, i in columns],
        created_by=user,
    )
    return Preview(batch=batch, unknown_columns=unknown_columns)


def source_choices(round_) -> list[tuple[str, str]]:
    """The round's indicators a source's figure may fill: those that take imported data."""
    return [(code, f"{code}: {i.name}") for code, i in _data_indicators(round_).items()]


@transaction.atomic
def preview_source(*, round_id: int, source_key: str, mapping: dict[str, str], user) -> Preview:
    """The figures another app knows (``core.registries.indicator_sources``) for the round's
    invited regions, as rows of a table previewed like an uploaded file.

    ``mapping`` says which indicator code each of the source's figures fills; every invited
    region gets a row, and one the source knows nothing about is reported, not dropped.
    """
    source = {entry.key: entry for entry in indicator_sources}.get(source_key)
    if source is None:
        raise ValidationError(_("There is no such source of indicator values."))
    round_ = Round.objects.get(pk=round_id)
    indicators = _data_indicators(round_)
    mapping = {figure: code for figure, code in mapping.items() if code}
    if not mapping:
        raise ValidationError(_("Choose the indicator at least one figure fills."))
    if set(mapping.values()) - set(indicators):
        raise ValidationError(_("Choose indicators of this round that take imported data."))
    if len(set(mapping.values())) < len(mapping):
        raise ValidationError(_("Each indicator can be filled by one figure only."))
    figures = list(mapping)
    regions = list(round_.participants.select_related("region").order_by("region__name"))
    known = source.values([p.region_id for p in regions], figures)
    rows = [Row(1, ["region", *(mapping[f] for f in figures)], "")]
    for number, participant in enumerate(regions, start=2):
        values = known.get(participant.region_id)
        problem = "" if values else _("The source has no figures for this region.")
        cells = [participant.region_id, *((values or {}).get(f) for f in figures)]
        rows.append(Row(number, cells, problem))
    return _preview_rows(round_, str(source.label), rows, user)


def _text(cell) -> str:
    """A cell as one line of plain text (numbers and dates as written)."""
    return "" if cell is None else to_plain_text(str(cell), 200).strip()


def _parse_row(row: Row, columns, invited) -> dict:
    name = _text(row.cells[0]) if row.cells else ""
    if row.problem or not name or name.startswith(FORMULA_STARTS):
        # A row that cannot be read, or a region "name" that is a formula, is reported.
        result = region_names.Resolution(query=name, status=region_names.UNKNOWN, candidates=())
    else:
        result = get_resolver().resolve(name)
    entry = {
        "line": row.number,
        "name": name,
        "code": None,
        "problems": [row.problem] if row.problem else [],
        "values": {},
        "candidates": [[c.code, c.name] for c in result.candidates],
    }
    if result.status == region_names.MATCH:
        entry["status"], entry["code"] = MATCHED, result.best.code
        entry["region_name"] = result.best.name
        if result.best.code not in invited:
            entry["status"] = NOT_INVITED
    elif result.status == region_names.AMBIGUOUS:
        entry["status"] = AMBIGUOUS
    else:
        entry["status"] = UNKNOWN
    if name.startswith(FORMULA_STARTS):
        entry["problems"].append(_("The region column holds a formula, not a region name."))
    for position, indicator in columns:
        cell = row.cells[position] if position < len(row.cells) else None
        text = _text(cell)
        if not text:
            continue
        try:
            value = parse_number(cell)
        except ValidationError as error:
            entry["problems"].append(
                _("%(indicator)s: “%(text)s” is not a number.")
                % {"indicator": indicator.code, "text": text[:40]}
                + " "
                + " ".join(error.messages)
            )
            continue
        problem = indicator.value_problem(value)
        if problem:
            entry["problems"].append(f"{indicator.code}: {problem}")
        else:
            entry["values"][indicator.code] = value
    if entry["problems"] and entry["status"] in (MATCHED, AMBIGUOUS, UNKNOWN):
        entry["status"] = INVALID
    return entry


def _mark_duplicates(rows) -> None:
    seen: dict[str, list[dict]] = {}
    for row in rows:
        if row["code"]:
            seen.setdefault(row["code"], []).append(row)
    for code, same in seen.items():
        if len(same) > 1:
            lines = ", ".join(str(r["line"]) for r in same)
            for row in same:
                row["status"] = INVALID
                row["problems"].append(
                    _("%(code)s appears more than once (rows %(lines)s): keep one row.")
                    % {"code": code, "lines": lines}
                )


@dataclass
class ImportReport:
    imported: list[int] = field(default_factory=list)  # lines
    not_taken: list[tuple[int, str, str]] = field(default_factory=list)  # line, name, why
    values: int = 0


STATUS_REASONS = {
    UNKNOWN: gettext_lazy("No region has this name."),
    NOT_INVITED: gettext_lazy("This region is not invited to the round."),
}


def preview(batch: ImportBatch) -> tuple[list[dict], list[tuple[str, int]]]:
    """The batch's rows as the preview shows them (status label, reason, whether a region is
    still to be picked), and how many rows have each status."""
    rows, counts = [], {}
    for row in batch.rows:
        status = RowStatus(row["status"])
        counts[status] = counts.get(status, 0) + 1
        rows.append(
            row
            | {
                "label": status.label,
                "reason": STATUS_REASONS.get(status, ""),
                "pick": status == AMBIGUOUS and not batch.confirmed_at,
            }
        )
    return rows, [(status.label, count) for status, count in counts.items()]


@transaction.atomic
def confirm_import(*, batch_id: int, picks: dict[int, str], user) -> ImportReport:
    """Write the stored rows; ``picks`` map an ambiguous row's line to one of its candidates."""
    batch = ImportBatch.objects.select_for_update().select_related("round").get(pk=batch_id)
    if batch.confirmed_at:
        raise ValidationError(_("This import has already been confirmed."))
    if batch.created_by_id != user.pk:
        raise ValidationError(
            _("Only the person who uploaded this file can confirm it: upload it yourself.")
        )
    _check_picks(batch.rows, picks)
    round_ = batch.round
    participants = {p.region_id: p for p in round_.participants.all()}
    indicators = {i.code: i for i in round_.framework.ordered_indicators()}
    report, taken = ImportReport(), {r["code"] for r in batch.rows if r["status"] == MATCHED}
    for row in batch.rows:
        code, why = _row_code(row, picks, participants, taken)
        if code is None:
            report.not_taken.append((row["line"], row["name"], why))
            continue
        taken.add(code)
        for indicator_code, value in row["values"].items():
            Answer.objects.update_or_create(
                participant=participants[code],
                indicator=indicators[indicator_code],
                defaults={"value": value, "source": Answer.Source.IMPORT, "updated_by": user},
            )
            report.values += 1
        report.imported.append(row["line"])
    batch.confirmed_at = timezone.now()
    batch.save(update_fields=["confirmed_at"])
    round_.log_action(
        "assessments.values_imported",
        user=user,
        changes={
            "file": batch.filename,
            "rows": len(report.imported),
            "not_taken": len(report.not_taken),
            "values": report.values,
        },
    )
    return report


def _check_picks(rows, picks) -> None:
    """Refuse the whole confirmation when a pick names a region the preview did not offer.

    The preview form only offers each ambiguous row's candidates, so anything else was
    not typed by a person looking at the preview: nothing is written.
    """
    offered = {row["line"]: {c for c, _name in row["candidates"]} for row in rows}
    ambiguous = {row["line"] for row in rows if row["status"] == AMBIGUOUS}
    for line, pick in picks.items():
        if pick and (line not in ambiguous or pick not in offered[line]):
            raise ValidationError(
                _(
                    "Row %(line)s: “%(pick)s” is not one of the regions offered. "
                    "Nothing was imported."
                )
                % {"line": line, "pick": pick}
            )


def _row_code(row, picks, participants, taken) -> tuple[str | None, str]:
    status = row["status"]
    if status == MATCHED:
        return row["code"], ""
    if status == AMBIGUOUS:
        pick = picks.get(row["line"])
        if not pick:
            return None, _("Ambiguous name and no region was picked.")
        if pick not in {c for c, _name in row["candidates"]}:
            return None, _("The region picked is not one of the candidates.")
        if pick not in participants:
            return None, _("This region is not invited to the round.")
        if pick in taken:
            return None, _("The region picked already has another row in this file.")
        return pick, ""
    if status == INVALID:
        return None, " ".join(row["problems"])
    return None, str(STATUS_REASONS[status])
