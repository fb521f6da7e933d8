"""What everyone sees: published rounds, their ranking, announcement and explanations.

Before publication the same pages answer only the panel (national admins and the round's
assessors) and, for its own results page, the region's team; anyone else gets a 404.
"""

import csv
import functools
import io

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from cerdas.assessments import permissions
from cerdas.assessments.coverage import gap_texts
from cerdas.assessments.models import Participant, Round
from cerdas.assessments.results import explanation, ranking_rows
from cerdas.assessments.services import CACHE_KIND
from cerdas.core.cache import public_page
from cerdas.lib.spreadsheet import append_row, safe_row


def _get_round_for_user(request, slug) -> Round:
    """A round whose ranking the user may see; 404 for the rest, so drafts stay unseen."""
    round_ = get_object_or_404(Round.objects.select_related("framework"), slug=slug)
    if not permissions.can_see_round_results(request.user, round_):
        raise Http404
    return round_


def _get_participant_for_user(request, slug, code) -> Participant:
    participant = get_object_or_404(
        Participant.objects.select_related("round__framework", "region__province"),
        round__slug=slug,
        region_id=code,
    )
    if not permissions.can_see_region_result(request.user, participant):
        raise Http404
    return participant


@public_page(CACHE_KIND)
def index(request):
    rounds = Round.objects.for_user(request.user).select_related("framework")
    return render(
        request,
        "assessments/index.html",
        {
            "rounds": rounds,
            "can_manage": permissions.can_manage(request.user),
        },
    )


def by_id(request, pk, rest=""):
    """The first addresses used the database id: send them to the slug.

    Anonymous visitors are sent on only for a published round, so the redirect does not
    reveal that an unpublished round exists; the page itself still checks access.
    """
    round_ = get_object_or_404(Round, pk=pk)
    if not (round_.is_published or request.user.is_authenticated):
        raise Http404
    return redirect(f"{round_.get_absolute_url()}{rest}", permanent=round_.is_published)


@public_page(CACHE_KIND)
def round_detail(request, slug):
    """The announcement of a round: who was selected, and why."""
    round_ = _get_round_for_user(request, slug)
    return render(
        request,
        "assessments/round.html",
        {
            "round": round_,
            # Read only when the shared copy of the page's body is missing or not allowed.
            "selected": SimpleLazyObject(
                lambda: [row for row in ranking_rows(round_) if row["selected"]]
            ),
            "selection": getattr(round_, "selection", None),
            "count": round_.participants.filter(rank__isnull=False).count(),
            "shared_kinds": CACHE_KIND if round_.is_published else "",
            # Decided although data were missing: the public sees that too, and why.
            "override_texts": gap_texts(round_.data_gaps) if round_.was_overridden else [],
        },
    )


@public_page(CACHE_KIND)
def ranking(request, slug):
    round_ = _get_round_for_user(request, slug)
    return render(
        request,
        "assessments/ranking.html",
        {
            "round": round_,
            # Read only when the shared copy of the table is missing or not allowed.
            "rows": functools.partial(ranking_rows, round_),
            "dimensions": round_.framework.dimensions.order_by("order", "id"),
            # A published round's table is the same for every reader (the public page cache
            # keeps it too); a round before publication announces no change: never shared.
            "shared_kinds": CACHE_KIND if round_.is_published else "",
        },
    )


def _table(round_) -> tuple[list[str], list[list]]:
    dimensions = list(round_.framework.dimensions.order_by("order", "id"))
    header = [
        _("Rank"),
        _("Code"),
        _("Region"),
        _("Province"),
        _("Score"),
        _("Selected"),
        *[d.label for d in dimensions],
        _("Share of weight draws inside the cohort"),
    ]
    body = [
        [
            row["rank"],
            row["region"].code,
            row["region"].name,
            row["region"].province.name,
            None if row["score"] is None else round(row["score"], 2),
            _("yes") if row["selected"] else _("no"),
            *[None if v is None else round(v, 2) for v in row["dimensions"]],
            None if row["share"] is None else round(row["share"], 3),
        ]
        for row in ranking_rows(round_)
    ]
    return header, body


@public_page(CACHE_KIND)
def ranking_csv(request, slug):
    round_ = _get_round_for_user(request, slug)
    header, body = _table(round_)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(safe_row(header))
    writer.writerows(safe_row(row) for row in body)
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="ranking-{round_.slug}.csv"'
    return response


@public_page(CACHE_KIND)
def ranking_xlsx(request, slug):
    from openpyxl import Workbook

    round_ = _get_round_for_user(request, slug)
    header, body = _table(round_)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(round_.year)
    append_row(sheet, header)
    for row in body:
        append_row(sheet, row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="ranking-{round_.slug}.xlsx"'
    return response


@public_page(CACHE_KIND)
def report_pdf(request, slug):
    """The round's report: framework, rules, ranking and selection, as a PDF."""
    from weasyprint import HTML

    round_ = _get_round_for_user(request, slug)
    html = render_to_string(
        "assessments/report.html",
        {
            "round": round_,
            "rows": ranking_rows(round_),
            "dimensions": list(round_.framework.dimensions.prefetch_related("indicators")),
            "selection": getattr(round_, "selection", None),
        },
        request=request,
    )
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="report-{round_.slug}.pdf"'
    return response


@public_page(CACHE_KIND)
def region_result(request, slug, code):
    """A region's score, each indicator's contribution, the cut-off and what to improve."""
    participant = _get_participant_for_user(request, slug, code)
    if participant.score is None and participant.rank is None:
        raise Http404
    return render(
        request,
        "assessments/region_result.html",
        {
            "participant": participant,
            "round": participant.round,
            "region": participant.region,
            **explanation(participant),
        },
    )
