"""Reading paper questionnaires from CSV or XLSX: one row per respondent, every row judged.

The first row names the columns: ``U1`` … ``U9`` (all nine must be there) and, optionally,
the characteristics (``jenis_kelamin``/``sex``, ``umur``/``usia``/``age``,
``pendidikan``/``education``, ``pekerjaan``/``occupation``) and ``saran``/``suggestion``.
A score is 1-4 (or the questionnaire's letter, a-d); an empty cell means the respondent
left that element blank. Each row ends *valid* or *invalid* with every reason, and its line
number as the spreadsheet shows it (the header is line 1).

Every file is bounded before and while it is read: its size, its unpacked size (an XLSX is
a zip: a small file can unpack to gigabytes), rows, columns, cell length and reading time.
A file over a limit is refused with a message naming the limit; nothing is written.
"""

import csv
import io
import time
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from cerdas.surveys.engine import ikm
from cerdas.surveys.models import SUGGESTION_MAX, AgeBand, Education, Occupation, Sex

MAX_BYTES = 5 * 1024 * 1024
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_ROWS = 5000  # respondents in one file
MAX_COLUMNS = 30
MAX_CELL = 2000  # characters
MAX_SECONDS = 20

HEADERS = {
    "sex": ("sex", "jenis_kelamin", "jenis kelamin", "jk", "gender"),
    "age": ("age", "umur", "usia", "age_band", "kelompok_umur"),
    "education": ("education", "pendidikan"),
    "occupation": ("occupation", "pekerjaan"),
    "suggestion": ("suggestion", "saran", "saran_masukan", "saran dan masukan", "masukan"),
}
LETTERS = {"a": 1, "b": 2, "c": 3, "d": 4}


class Deadline:
    """Stops a read that takes longer than ``MAX_SECONDS``."""

    def __init__(self, seconds: float = MAX_SECONDS):
        self.end = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() > self.end:
            raise ValidationError(
                _(
                    "Reading the file took longer than %(seconds)s seconds: split it into "
                    "smaller files."
                )
                % {"seconds": MAX_SECONDS}
            )


def too_many_rows() -> ValidationError:
    return ValidationError(
        _("The file has more than %(rows)s respondents: split it into smaller files.")
        % {"rows": f"{MAX_ROWS:,}".replace(",", ".")}
    )


def too_many_columns() -> ValidationError:
    return ValidationError(
        _("The file has more than %(columns)s columns: keep only U1 to U9 and the characteristics.")
        % {"columns": MAX_COLUMNS}
    )


def read_table(name: str, content: bytes) -> list[tuple[int, list[str]]]:
    """``(line, cells)`` for every non-empty row of a CSV (UTF-8, comma or semicolon) or
    XLSX file, the header first; refused (ValidationError) past any limit."""
    if len(content) > MAX_BYTES:
        raise ValidationError(_("The file is larger than 5 MB: split it into smaller files."))
    lower = name.lower()
    deadline = Deadline()
    if lower.endswith(".xlsx"):
        rows = _read_xlsx(content, deadline)
    elif lower.endswith(".csv"):
        rows = _read_csv(content, deadline)
    else:
        raise ValidationError(_("Upload a .csv or .xlsx file."))
    for _line, cells in rows:
        if any(len(cell) > MAX_CELL for cell in cells):
            raise ValidationError(
                _("A cell holds more than %(characters)s characters: shorten it.")
                % {"characters": MAX_CELL}
            )
    return rows


def _keep(rows: list, line: int, cells: list[str]) -> None:
    if len(cells) > MAX_COLUMNS and any(cell.strip() for cell in cells[MAX_COLUMNS:]):
        raise too_many_columns()
    cells = [cell.strip() for cell in cells[:MAX_COLUMNS]]
    if any(cells):
        if len(rows) > MAX_ROWS:  # the header and MAX_ROWS respondents are allowed
            raise too_many_rows()
        rows.append((line, cells))


def _read_csv(content: bytes, deadline: Deadline) -> list:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(_("Save the CSV file as UTF-8 and upload it again.")) from error
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows: list = []
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        for line, cells in enumerate(reader, start=1):
            if line % 500 == 0:
                deadline.check()
            _keep(rows, line, cells)
    except csv.Error as error:
        raise ValidationError(
            _("Line %(line)s of the CSV file cannot be read: %(error)s")
            % {"line": reader.line_num, "error": error}
        ) from error
    return rows


def _read_xlsx(content: bytes, deadline: Deadline) -> list:
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as error:
        raise ValidationError(_("This XLSX file cannot be read.")) from error
    if unpacked > MAX_UNPACKED_BYTES:
        raise ValidationError(
            _("The XLSX file unpacks to more than 50 MB: split it into smaller files.")
        )
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise ValidationError(_("This XLSX file cannot be read.")) from error
    rows: list = []
    try:
        sheet = workbook.worksheets[0]
        # A sheet may declare A1:XFD1048576 whatever it holds: read one column past the
        # limit (so a file that is too wide is told apart) and stop at the row limit.
        rows_in_sheet = sheet.iter_rows(max_col=MAX_COLUMNS + 1, values_only=True)
        for line, values in enumerate(rows_in_sheet, start=1):
            if line % 500 == 0:
                deadline.check()
            if any(value is not None for value in values):
                _keep(rows, line, [_cell_text(value) for value in values])
    finally:
        workbook.close()
    return rows


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _normalise(text: str) -> str:
    return " ".join(text.lower().replace("_", " ").replace("-", " ").split())


def _lookup(choices) -> dict[str, str]:
    """Each choice by its code, its Indonesian label and its English label, normalised."""
    from django.utils import translation

    found = {}
    for value, label in choices.choices:
        found[_normalise(value)] = value
        for language in ("id", "en"):
            with translation.override(language):
                found[_normalise(str(label))] = value
    return found


def columns_of(header: list[str]) -> tuple[dict[str, int], list[str]]:
    """Column positions by meaning (``U1`` … and the characteristics), and the unknown
    headers. Raises ValidationError when an element column is missing or repeated."""
    positions: dict[str, int] = {}
    unknown = []
    names = {_normalise(code): code for code in ikm.CODES}
    for kind, aliases in HEADERS.items():
        for alias in aliases:
            names[_normalise(alias)] = kind
    for position, text in enumerate(header):
        key = names.get(_normalise(text))
        if key is None:
            if text:
                unknown.append(text)
            continue
        if key in positions:
            raise ValidationError(
                _("The column %(column)s appears twice: keep one.") % {"column": text}
            )
        positions[key] = position
    missing = [code for code in ikm.CODES if code not in positions]
    if missing:
        raise ValidationError(
            _(
                "The first row must name the columns U1 to U9; missing: %(missing)s. "
                "Download the template to see the layout."
            )
            % {"missing": ", ".join(missing)}
        )
    return positions, unknown


def age_band(text: str, bands: dict[str, str]) -> str | None:
    """A band from its code or label, or from an age in years (the number is not kept)."""
    key = _normalise(text)
    if key in bands:
        return bands[key]
    if key.isdigit():
        age = int(key)
        if not 10 <= age <= 120:
            return None
        for limit, band in ((20, "under_20"), (30, "20_29"), (40, "30_39"), (50, "40_49")):
            if age < limit:
                return band
        return "50_59" if age < 60 else "60_plus"
    return None


class RowReader:
    """Turns each data row into a stored preview entry, valid or with its problems."""

    def __init__(self, positions: dict[str, int]):
        self.positions = positions
        self.choices = {
            "sex": _lookup(Sex),
            "education": _lookup(Education),
            "occupation": _lookup(Occupation),
        }
        self.bands = _lookup(AgeBand)
        self.choices["sex"].update({"laki laki": "L", "lk": "L", "pr": "P", "m": "L", "f": "P"})

    def cell(self, cells: list[str], key: str) -> str:
        position = self.positions.get(key)
        return cells[position] if position is not None and position < len(cells) else ""

    def read(self, line: int, cells: list[str]) -> dict:
        entry = {"line": line, "valid": True, "problems": [], "answers": {}}
        for code in ikm.CODES:
            text = self.cell(cells, code)
            if not text:
                entry["answers"][code] = None
                continue
            score = LETTERS.get(text.lower()) or (int(text) if text.isdigit() else None)
            if score is None or not ikm.LOWEST_SCORE <= score <= ikm.HIGHEST_SCORE:
                entry["problems"].append(
                    _("%(code)s: “%(text)s” is not a score from 1 to 4.")
                    % {"code": code, "text": text}
                )
                score = None
            entry["answers"][code] = score
        if not entry["problems"] and all(v is None for v in entry["answers"].values()):
            entry["problems"].append(_("No element is answered: the row has no scores."))
        self._characteristics(entry, cells)
        suggestion = self.cell(cells, "suggestion")
        if len(suggestion) > SUGGESTION_MAX:
            entry["problems"].append(
                _("The suggestion is longer than %(characters)s characters.")
                % {"characters": SUGGESTION_MAX}
            )
        entry["suggestion"] = suggestion[:SUGGESTION_MAX]
        entry["valid"] = not entry["problems"]
        return entry

    def _characteristics(self, entry: dict, cells: list[str]) -> None:
        labels = {
            "sex": _("sex"),
            "education": _("education"),
            "occupation": _("occupation"),
        }
        for key, lookup in self.choices.items():
            text = self.cell(cells, key)
            value = lookup.get(_normalise(text), None) if text else ""
            if value is None:
                entry["problems"].append(
                    _("Unknown %(what)s: “%(text)s”.") % {"what": labels[key], "text": text}
                )
                value = ""
            entry[key] = value
        text = self.cell(cells, "age")
        band = age_band(text, self.bands) if text else ""
        if band is None:
            entry["problems"].append(
                _("Unknown age: “%(text)s” (an age in years from 10 to 120, or a band).")
                % {"text": text}
            )
            band = ""
        entry["age_band"] = band


def parse(name: str, content: bytes) -> tuple[list[dict], list[str]]:
    """Every data row of the file as a preview entry, and the headers that were ignored."""
    table = read_table(name, content)
    if len(table) < 2:
        raise ValidationError(
            _("The file needs a header row (U1 to U9) and at least one respondent.")
        )
    (_header_line, header), data = table[0], table[1:]
    positions, unknown = columns_of(header)
    reader = RowReader(positions)
    return [reader.read(line, cells) for line, cells in data], unknown


def template_csv() -> str:
    """An empty questionnaire file with the columns the import reads, and one example row."""
    header = [*ikm.CODES, "jenis_kelamin", "umur", "pendidikan", "pekerjaan", "saran"]
    example = ["4", "3", "3", "4", "3", "4", "4", "3", "2", "P", "34", "SMA", "Swasta", ""]
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow(header)
    writer.writerow(example)
    return output.getvalue()
