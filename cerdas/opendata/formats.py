"""A package's rows as CSV, JSON and XLSX, written as they are read.

CSV and JSON are generators of text chunks for a ``StreamingHttpResponse``: rows come from
the dataset's lazy iterator and leave in batches, so memory stays flat whatever the size.
XLSX cannot be streamed (a zip whose directory comes last); it is written row by row by
openpyxl's write-only mode into a temporary file, which the response then streams.

CSV: UTF-8, a header of column names, ``true``/``false`` for booleans, empty for no value,
text that would start a formula behind an apostrophe (``cerdas.lib.spreadsheet``). JSON: an
array of objects keyed by column name.
"""

import csv
import datetime
import decimal
import io
import json
import tempfile

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter

from cerdas.lib.spreadsheet import FORMULA_STARTS, safe_row

BATCH = 500


def _plain(value):
    """Dates and times as ISO 8601 text, whatever a dataset yields (a spreadsheet cannot hold
    a time with its zone)."""
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    return value


def _text(value):
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    return _plain(value)


def csv_chunks(fields, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([field.name for field in fields])
    for count, row in enumerate(rows, 1):
        writer.writerow(safe_row(_text(value) for value in row))
        if count % BATCH == 0:
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode()


def _json_default(value):
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    return str(value)


def json_chunks(fields, rows):
    names = [field.name for field in fields]
    parts = ["["]
    first = True
    for row in rows:
        item = json.dumps(dict(zip(names, row, strict=True)), default=_json_default)
        parts.append(item if first else "," + item)
        first = False
        if len(parts) >= BATCH:
            yield "".join(parts).encode()
            parts = []
    parts.append("]")
    yield "".join(parts).encode()


def _xlsx_cell(sheet, value, grouped: bool):
    # Text that looks like a formula stays text (a write-only sheet cannot be read back, so
    # this is ``cerdas.lib.spreadsheet.append_row``'s rule applied while writing).
    value = _plain(value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    if grouped and isinstance(value, int) and not isinstance(value, bool):
        # Thousands grouped as the reader's spreadsheet groups them (1.500.000 in Indonesian).
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "#,##0"
        return cell
    return value


def xlsx_file(fields, rows, title: str):
    """A temporary file holding the workbook, at its start (closed when the response ends):
    the header row frozen, each column wide enough for its name, whole numbers grouped."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31] or "data")
    sheet.freeze_panes = "A2"
    for index, field in enumerate(fields, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = (
            min(max(len(field.name), 10), 40) + 2
        )
    grouped = [field.type == "integer" for field in fields]
    sheet.append([field.name for field in fields])
    for row in rows:
        sheet.append([_xlsx_cell(sheet, v, g) for v, g in zip(row, grouped, strict=True)])
    # Handed to the response, which closes it (and so deletes it) once sent.
    handle = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115
    workbook.save(handle)
    handle.seek(0)
    return handle
