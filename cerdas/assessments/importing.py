"""Importing indicator values from CSV or XLSX: preview every row, write on confirm.

The file's first column names the region (as people write it, or its code); the other
columns are headed by indicator codes. Each row ends as matched, ambiguous (a person
picks one of the resolver's candidates), unknown, not invited, or invalid (a value that
is not a number or out of range, or a region that appears twice). The preview is stored
in an `ImportBatch`; confirming writes only what that batch holds.
"""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cerdas.assessments.models import Answer, ImportBatch, Indicator, Round
from cerdas.regions.engine import names as region_names
from cerdas.regions.services import get_resolver

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000


class RowStatus(models.TextChoices):
    MATCHED = "matched", gettext_lazy("matched")
    AMBIGUOUS = "ambiguous", gettext_lazy("ambiguous: pick one")
    UNKNOWN = "unknown", gettext_lazy("unknown region")
    NOT_INVITED = "not_invited", gettext_lazy("not invited")
    INVALID = "invalid", gettext_lazy("invalid")


MATCHED, AMBIGUOUS, UNKNOWN, NOT_INVITED, INVALID = RowStatus


def read_table(name: str, content: bytes) -> list[list[str]]:
    """The rows of a CSV (UTF-8, comma or semicolon) or XLSX file, as text cells."""
    if len(content) > MAX_BYTES:
        raise ValidationError(_("The file is larger than 5 MB."))
    lower = name.lower()
    if lower.endswith(".xlsx"):
        return _read_xlsx(content)
    if lower.endswith(".csv"):
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ValidationError(_("Save the CSV file as UTF-8 and upload it again.")) from error
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;") if text.strip() else csv.excel
        return [
            row for row in csv.reader(io.StringIO(text), dialect) if any(c.strip() for c in row)
        ]
    raise ValidationError(_("Upload a .csv or .xlsx file."))


def _read_xlsx(content: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise ValidationError(_("This XLSX file cannot be read.")) from error
    sheet = workbook.worksheets[0]
    rows = []
    for row in sheet.iter_rows(values_only=True):
        cells = ["" if cell is None else str(cell) for cell in row]
        if any(c.strip() for c in cells):
            rows.append(cells)
    workbook.close()
    return rows


def parse_number(text: str) -> float | None:
    """A number as Indonesian and English files write it ("12,5", "12.5", "1.234,5")."""
    text = text.strip().replace(" ", "").replace("%", "")
    if "," in text and "." in text:
        text = text.replace(".", "").replace(",", ".")
    elif "," in text:
        text = text.replace(",", ".")
    value = float(text)
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(text)
    return value


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
    if len(rows) > MAX_ROWS + 1:
        raise ValidationError(_("The file has more than 5,000 rows: split it."))
    indicators = {
        i.code: i for i in round_.framework.ordered_indicators() if i.kind == Indicator.Kind.DATA
    }
    header = [cell.strip() for cell in rows[0]]
    columns = [
        (position, indicators[code]) for position, code in enumerate(header) if code in indicators
    ]
    unknown_columns = [code for code in header[1:] if code and code not in indicators]
    if not columns:
        raise ValidationError(
            _("No column is headed by an indicator code. Use these codes: %(codes)s.")
            % {"codes": ", ".join(indicators)}
        )
    invited = set(round_.participants.values_list("region_id", flat=True))
    parsed = [_parse_row(line, row, columns, invited) for line, row in enumerate(rows[1:], start=2)]
    _mark_duplicates(parsed)
    batch = ImportBatch.objects.create(
        round=round_,
        filename=filename[:200],
        rows=parsed,
        indicator_codes=[i.code for _position, i in columns],
        created_by=user,
    )
    return Preview(batch=batch, unknown_columns=unknown_columns)


def _parse_row(line, row, columns, invited) -> dict:
    name = row[0].strip() if row else ""
    result = get_resolver().resolve(name)
    entry = {
        "line": line,
        "name": name,
        "code": None,
        "problems": [],
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
    for position, indicator in columns:
        text = row[position].strip() if position < len(row) else ""
        if not text:
            continue
        try:
            value = parse_number(text)
        except ValueError:
            entry["problems"].append(
                _("%(indicator)s: “%(text)s” is not a number.")
                % {"indicator": indicator.code, "text": text}
            )
            continue
        problem = indicator.value_problem(value)
        if problem:
            entry["problems"].append(f"{indicator.code}: {problem}")
        else:
            entry["values"][indicator.code] = value
    if entry["problems"] and entry["status"] in (MATCHED, AMBIGUOUS):
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
