"""The programs as a workbook, in the same layout the import reads back."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from cerdas.lib.spreadsheet import append_row

PROGRAM_COLUMNS = [
    ("name", "Program"),
    ("dimension", "Dimension"),
    ("element", "Element"),
    ("horizon", "Horizon"),
    ("start_year", "Start year"),
    ("end_year", "End year"),
    ("agency", "OPD"),
    ("partners", "Partners"),
    ("description", "Description"),
    ("citizen_benefit", "Citizen benefit"),
    ("rpjmd_program", "RPJMD program"),
    ("renstra_program", "Renstra program"),
]
BUDGET_COLUMNS = ["Program", "Year", "Source", "Amount"]
INDICATOR_COLUMNS = ["Program", "Indicator", "Unit", "Baseline", "Target"]
SHEETS = ("Programs", "Budgets", "Indicators")


def render_xlsx(snapshot: dict) -> bytes:
    workbook = Workbook()
    programs = workbook.active
    programs.title = SHEETS[0]
    budgets = workbook.create_sheet(SHEETS[1])
    indicators = workbook.create_sheet(SHEETS[2])
    append_row(programs, [header for _key, header in PROGRAM_COLUMNS])
    append_row(budgets, BUDGET_COLUMNS)
    append_row(indicators, INDICATOR_COLUMNS)
    for program in snapshot["programs"]:
        append_row(programs, [program[key] for key, _header in PROGRAM_COLUMNS])
        for budget in program["budgets"]:
            append_row(
                budgets, [program["name"], budget["year"], budget["source"], budget["amount"]]
            )
        for indicator in program["indicators"]:
            append_row(
                indicators,
                [
                    program["name"],
                    indicator["name"],
                    indicator["unit"],
                    indicator["baseline"],
                    indicator["target"],
                ],
            )
    for sheet in (programs, budgets, indicators):
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
    notes = workbook.create_sheet(_("Notes"))
    notes.append(
        [
            _(
                "Dimension: a code such as governance, branding, economy, living, "
                "society, environment. Horizon: quick_win, short, medium or long. "
                "Source: apbd, apbn, private or other. Amounts in whole Rupiah."
            )
        ]
    )
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
