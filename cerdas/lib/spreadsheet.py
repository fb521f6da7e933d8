"""Cells that spreadsheets show as text, never run as formulas.

A CSV or XLSX cell whose text starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage
return before one) is taken by Excel and LibreOffice as a formula: ``=HYPERLINK(...)`` in a
program's name would become a live link in an official's spreadsheet. Text a person wrote is
written with a leading apostrophe instead, which spreadsheets hide and read as "this is
text". Numbers, dates and empty cells pass unchanged.

In an XLSX workbook (``append_row``) no apostrophe is needed: such text is stored as a
string cell, never as a formula. Every CSV and XLSX export of text a person wrote goes
through one of the two.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """The value for a cell: text that would start a formula gets a leading apostrophe."""
    if not isinstance(value, str):
        return value
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def safe_row(values) -> list:
    """Every cell of a CSV row through ``safe_cell``."""
    return [safe_cell(value) for value in values]


def append_row(sheet, values) -> None:
    """Append ``values`` to an openpyxl ``sheet`` with every text stored as text.

    openpyxl stores a string starting with ``=`` as a live formula; here such text is stored
    as an inline string instead, so the spreadsheet shows exactly what the person wrote and
    an import reads the same text back (no apostrophe added).
    """
    sheet.append(list(values))
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str) and cell.data_type == "f":
            cell.data_type = "s"
