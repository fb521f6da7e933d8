"""CSV and XLSX downloads for officials: the figures, and the list of reports.

No personal data and no text a citizen wrote leave through them: the list of reports has
numbers, topics, agencies, dates, deadlines and ratings only. Every cell of text a person
typed (a topic's or an agency's name) goes through ``safe_cell``, so no spreadsheet runs it.
"""

import csv
import io

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook

from cerdas.complaints.stats import figures_for
from cerdas.lib.spreadsheet import safe_cell
from cerdas.regions.models import Agency

FIGURE_COLUMNS = [
    "region_code",
    "region",
    "agency",
    "reports",
    "open",
    "closed",
    "verified_on_time_percent",
    "answered_on_time_percent",
    "answered_on_time_count",
    "answers_due",
    "median_working_days_to_verify",
    "median_working_days_to_answer",
    "median_working_days_to_close",
    "ratings",
    "satisfied_percent",
    "rating_sangat_puas",
    "rating_puas",
    "rating_cukup_puas",
    "rating_tidak_puas",
]

REPORT_COLUMNS = [
    "tracking_number",
    "region_code",
    "kind",
    "privacy",
    "status",
    "category",
    "agency",
    "handling",
    "submitted_at",
    "verify_due_at",
    "verified_at",
    "dispatched_at",
    "followup_due_at",
    "followed_up_at",
    "answered_on_time",
    "closed_at",
    "rating",
]


def figures_of(reports, region):
    total, by_agency = figures_for(reports, region.tzinfo)
    names = dict(Agency.objects.filter(pk__in=by_agency).values_list("pk", "name"))
    rows = sorted(
        ((names.get(pk, ""), figures) for pk, figures in by_agency.items()), key=lambda r: r[0]
    )
    return total, rows


def figure_rows(region, total, by_agency) -> list[list]:
    rows = [[region.pk, region.name, "", *_values(total)]]
    rows += [[region.pk, region.name, name, *_values(figures)] for name, figures in by_agency]
    return rows


def _values(figures) -> list:
    row = figures.row()
    return [row[column] for column in FIGURE_COLUMNS[3:]]


def _iso(value):
    return timezone.localtime(value).isoformat() if value else ""


def report_rows(reports) -> list[list]:
    rows = []
    for report in reports.select_related("category", "agency").order_by("submitted_at"):
        on_time = ""
        if report.followed_up_at and report.followup_due_at:
            on_time = "yes" if report.followed_up_at < report.followup_due_at else "no"
        rows.append(
            [
                report.tracking_number,
                report.region_id,
                report.kind,
                report.privacy,
                report.status,
                report.category.name if report.category_id else "",
                report.agency.name if report.agency_id else "",
                report.handling,
                _iso(report.submitted_at),
                _iso(report.verify_due_at),
                _iso(report.verified_at),
                _iso(report.dispatched_at),
                _iso(report.followup_due_at),
                _iso(report.followed_up_at),
                on_time,
                _iso(report.closed_at),
                report.rating,
            ]
        )
    return rows


def _response(name: str, header: list, rows: list, fmt: str) -> HttpResponse:
    safe = [[safe_cell(cell) for cell in row] for row in rows]
    if fmt == "xlsx":
        book = Workbook()
        sheet = book.active
        sheet.append(header)
        for row in safe:
            sheet.append(["" if cell is None else cell for cell in row])
        out = io.BytesIO()
        book.save(out)
        response = HttpResponse(
            out.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        text = io.StringIO()
        writer = csv.writer(text)
        writer.writerow(header)
        writer.writerows([["" if cell is None else cell for cell in row] for row in safe])
        response = HttpResponse(text.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def figures_response(region, total, by_agency, fmt) -> HttpResponse:
    rows = figure_rows(region, total, by_agency)
    return _response(f"pengaduan-statistik-{region.pk}", FIGURE_COLUMNS, rows, fmt)


def reports_response(reports, region, fmt) -> HttpResponse:
    return _response(f"pengaduan-laporan-{region.pk}", REPORT_COLUMNS, report_rows(reports), fmt)
