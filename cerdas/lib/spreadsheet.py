"""Cells that spreadsheets show as text, never run as formulas.

A CSV or XLSX cell whose text starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage
return before one) is taken by Excel and LibreOffice as a formula: ``=HYPERLINK(...)`` in a
program's name would become a live link in an official's spreadsheet. Text a person wrote is
written with a leading apostrophe instead, which spreadsheets hide and read as "this is
text". Numbers, dates and empty cells pass unchanged.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """The value for a cell: text that would start a formula gets a leading apostrophe."""
    if not isinstance(value, str):
        return value
    return "'" + value if value.startswith(FORMULA_STARTS) else value
