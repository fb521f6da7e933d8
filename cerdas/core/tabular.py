"""Reading uploaded tables (CSV and XLSX) within limits, so no file can pin a worker.

A 5 KB workbook can declare a million rows by sixteen thousand columns; a ZIP can inflate
to gigabytes; a CSV field can be megabytes long. Every import in Cerdas reads through here:

    limits = Limits(max_rows=5000)
    rows = read_table(upload.name, upload.read(), limits)      # first sheet or the CSV
    with open_workbook(upload, limits) as book:                # several named sheets
        rows = book.rows("Programs")

Each ``Row`` has its ``number`` in the file, its ``cells`` (text for CSV; text, numbers or
dates for XLSX) and a ``problem`` when the row itself cannot be read (a cell longer than
``max_cell_chars``, a broken CSV quote): the import reports such a row, it never stops the
file. What breaks a limit of the whole file — its size, the package inside an XLSX, more
than ``max_rows`` rows, ``max_columns`` columns or ``max_cells`` cells, more than
``seconds`` of reading — is refused at once with a ``ValidationError`` naming the limit
("at most 5.000 rows"). An XLSX sheet's declared size is checked before a row is read.
"""

import csv
import io
import time
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from cerdas.core.numbers import show
from cerdas.lib import document_types


@dataclass(frozen=True)
class Limits:
    """What one import may hold; each app picks its own, within these defaults."""

    max_bytes: int = 5 * 1024 * 1024
    max_rows: int = 5000  # data rows under the header
    max_columns: int = 100
    max_cells: int = 200_000
    max_cell_chars: int = 10_000
    seconds: float = 10.0
    max_inflated_bytes: int = 50 * 1024 * 1024  # an XLSX package, unpacked
    max_members: int = 500  # files inside an XLSX package


@dataclass
class Row:
    number: int  # the row's number as a spreadsheet shows it (the CSV line it starts on)
    cells: list = field(default_factory=list)
    problem: str = ""

    @property
    def is_empty(self) -> bool:
        return not any(str(cell).strip() for cell in self.cells if cell is not None)


class Deadline:
    """Refuse the file once reading it has taken longer than ``limits.seconds``."""

    def __init__(self, limits: Limits):
        self.limits = limits
        self.ends = time.monotonic() + limits.seconds

    def check(self) -> None:
        if time.monotonic() > self.ends:
            raise ValidationError(
                _(
                    "Reading the file took longer than %(seconds)s seconds: split it into "
                    "smaller files."
                )
                % {"seconds": show(self.limits.seconds, None)},
                code="too_slow",
            )


def _too_large(limits: Limits) -> ValidationError:
    return ValidationError(
        _("The file is larger than %(size)s: split it and upload the parts one by one.")
        % {"size": filesizeformat(limits.max_bytes)},
        code="too_large",
    )


def _too_many_rows(limits: Limits, where: str = "") -> ValidationError:
    message = _("The file has more than %(limit)s rows: at most %(limit)s rows, split it.")
    if where:
        message = _("“%(sheet)s” has more than %(limit)s rows: at most %(limit)s rows, split it.")
    return ValidationError(
        message % {"limit": show(limits.max_rows), "sheet": where}, code="too_many_rows"
    )


def _too_many_columns(limits: Limits, where: str = "") -> ValidationError:
    return ValidationError(
        _("“%(sheet)s” has more than %(limit)s columns: at most %(limit)s columns.")
        % {"limit": show(limits.max_columns), "sheet": where or _("The file")},
        code="too_many_columns",
    )


def _too_many_cells(limits: Limits) -> ValidationError:
    return ValidationError(
        _("The file has more than %(limit)s cells: at most %(limit)s cells, split it.")
        % {"limit": show(limits.max_cells)},
        code="too_many_cells",
    )


class _Counter:
    """Rows, columns and cells read so far, against the limits."""

    def __init__(self, limits: Limits, deadline: Deadline, where: str = ""):
        self.limits, self.deadline, self.where = limits, deadline, where
        self.rows = self.cells = 0

    def add(self, row: Row) -> None:
        self.deadline.check()
        if row.is_empty:
            return
        self.rows += 1
        if self.rows > self.limits.max_rows + 1:  # the header row is not counted
            raise _too_many_rows(self.limits, self.where)
        width = len(row.cells)
        while width and (row.cells[width - 1] is None or str(row.cells[width - 1]) == ""):
            width -= 1
        if width > self.limits.max_columns:
            raise _too_many_columns(self.limits, self.where)
        self.cells += width
        if self.cells > self.limits.max_cells:
            raise _too_many_cells(self.limits)
        long = next(
            (c for c in row.cells if isinstance(c, str) and len(c) > self.limits.max_cell_chars),
            None,
        )
        if long is not None and not row.problem:
            row.problem = _("A cell is longer than %(limit)s characters.") % {
                "limit": show(self.limits.max_cell_chars)
            }
            row.cells = [
                c[: self.limits.max_cell_chars] if isinstance(c, str) else c for c in row.cells
            ]


def read_csv(content: bytes, limits: Limits) -> list[Row]:
    """The non-empty rows of a CSV file (UTF-8; comma, semicolon or tab between cells)."""
    if len(content) > limits.max_bytes:
        raise _too_large(limits)
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(
            _("Save the CSV file as UTF-8 and upload it again."), code="encoding"
        ) from error
    deadline = Deadline(limits)
    counter = _Counter(limits, deadline)
    reader = csv.reader(io.StringIO(text), _dialect(text))
    rows = []
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
            row = Row(start, cells)
        except StopIteration:
            break
        except csv.Error:
            row = Row(start, [""], _("This row cannot be read: a cell is too long or a quote is "
                                     "not closed."))  # fmt: skip
            rows.append(row)
            counter.rows += 1
            deadline.check()
            continue
        counter.add(row)
        if not row.is_empty or row.problem:
            rows.append(row)
    return rows


def _dialect(text: str):
    """The CSV's separator, guessed from its first lines; a comma when nothing tells."""
    sample = text[:4096]
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        # One column, or too little to tell: the separator that appears most, else a comma.
        first = sample.splitlines()[0] if sample.strip() else ""
        separator = max(",;\t", key=first.count) if first else ","
        dialect = csv.excel
        if first.count(separator):
            dialect = type("Guessed", (csv.excel,), {"delimiter": separator})
        return dialect


class Workbook:
    """An XLSX workbook opened read-only after its package was checked; rows within limits."""

    def __init__(self, workbook, limits: Limits):
        self.workbook, self.limits = workbook, limits
        self.deadline = Deadline(limits)
        self.cells = 0

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self) -> None:
        self.workbook.close()

    @property
    def sheet_names(self) -> list[str]:
        return list(self.workbook.sheetnames)

    def rows(self, name: str | int = 0) -> list[Row]:
        """The non-empty rows of a sheet (by name or position), with their row numbers."""
        sheet = self.workbook.worksheets[name] if isinstance(name, int) else self.workbook[name]
        limits, title = self.limits, sheet.title
        # The sheet's declared size is read before any row: a small file may declare a
        # million rows of sixteen thousand columns.
        declared_rows, declared_columns = sheet.max_row, sheet.max_column
        if declared_rows is not None and declared_rows > limits.max_rows + 1:
            raise _too_many_rows(limits, title)
        if declared_columns is not None and declared_columns > limits.max_columns:
            raise _too_many_columns(limits, title)
        counter = _Counter(limits, self.deadline, title)
        counter.cells = self.cells
        rows = []
        # Never past the limits, whatever the sheet declares (or fails to declare): one row
        # and one column more than allowed tell that the sheet is too large.
        for number, values in enumerate(
            sheet.iter_rows(
                max_row=limits.max_rows + 2, max_col=limits.max_columns + 1, values_only=True
            ),
            start=1,
        ):
            row = Row(number, list(values))
            counter.add(row)
            if not row.is_empty:
                rows.append(row)
        self.cells = counter.cells
        return rows


def open_workbook(upload, limits: Limits) -> Workbook:
    """An XLSX upload (a file or bytes) opened within ``limits``, or a ``ValidationError``."""
    from openpyxl import load_workbook

    file = io.BytesIO(upload) if isinstance(upload, bytes) else upload
    size = len(upload) if isinstance(upload, bytes) else upload.size
    if size > limits.max_bytes:
        raise _too_large(limits)
    problem = document_types.package_problem(
        file, max_members=limits.max_members, max_inflated_bytes=limits.max_inflated_bytes
    )
    if problem:
        code, detail = problem
        if code == "damaged":
            raise ValidationError(_("This file cannot be read as an XLSX workbook."), code=code)
        if code == "members":
            message = _("The workbook holds more than %(limit)s parts: at most %(limit)s.")
            raise ValidationError(message % {"limit": show(int(detail))}, code=code)
        if code in ("inflated", "ratio"):
            raise ValidationError(
                _("The workbook unpacks to more than %(size)s: at most %(size)s, split it.")
                % {"size": filesizeformat(limits.max_inflated_bytes)},
                code=code,
            )
        raise ValidationError(
            _("The workbook contains macros or a program (%(member)s): save it as a plain XLSX.")
            % {"member": detail[:100]},
            code=code,
        )
    try:
        file.seek(0)
        workbook = load_workbook(file, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not XLSX
        raise ValidationError(
            _("This file cannot be read as an XLSX workbook."), code="damaged"
        ) from error
    return Workbook(workbook, limits)


def read_table(name: str, content: bytes, limits: Limits) -> list[Row]:
    """The rows of a CSV file or of an XLSX workbook's first sheet, by the file's name."""
    lower = (name or "").lower()
    if len(content) > limits.max_bytes:
        raise _too_large(limits)
    if lower.endswith(".xlsx"):
        with open_workbook(content, limits) as book:
            return book.rows(0)
    if lower.endswith(".csv"):
        return read_csv(content, limits)
    raise ValidationError(_("Upload a .csv or .xlsx file."), code="kind")
