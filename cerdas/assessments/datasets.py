"""Published assessment results as an open dataset: each region's score and rank per round.

Only rounds whose results are published; nothing of a round still open or closed, no
self-assessment answer, no assessor.
"""

import datetime

from django.db.models import Max, Min
from django.utils.translation import gettext_lazy as _

from cerdas.assessments.models import Participant, Round, Selection
from cerdas.core.registries import NATIONAL, Column, Dataset, datasets

FIELDS = (
    Column("round", "string", _("Round (its address name)")),
    Column("round_name", "string", _("Round")),
    Column("year", "integer", _("Cohort year")),
    Column("purpose", "string", _("Purpose: selection or evaluation")),
    Column("region_code", "string", _("Kemendagri code of the kabupaten/kota")),
    Column("region_name", "string", _("Name of the kabupaten/kota")),
    Column("rank", "integer", _("Rank in the round")),
    Column("score", "number", _("Composite score")),
    Column("selected", "boolean", _("Selected for the cohort (selection rounds)")),
    Column("published_at", "datetime", _("When the results were published")),
    Column("is_demo", "boolean", _("Demo content")),
)


def _participants(region_ids):
    # Only the columns the rows show: a participant's explanation and a selection's
    # decisions are large JSON documents that a row never needs.
    participants = (
        Participant.objects.filter(round__status=Round.Status.PUBLISHED)
        .select_related("round", "region")
        .only(
            "rank",
            "score",
            "region__name",
            "round__slug",
            "round__name",
            "round__year",
            "round__purpose",
            "round__published_at",
            "round__is_demo",
        )
        .order_by("-round__year", "round__slug", "rank", "region_id")
    )
    if region_ids is not None:
        participants = participants.filter(region_id__in=region_ids)
    return participants


def rows(region_ids=None):
    chosen = {
        round_id: set(codes or [])
        for round_id, codes in Selection.objects.filter(
            round__status=Round.Status.PUBLISHED, round__purpose=Round.Purpose.SELECTION
        ).values_list("round_id", "final_codes")
    }
    for participant in _participants(region_ids).iterator(chunk_size=1000):
        round_ = participant.round
        selected = None
        if round_.pk in chosen:
            selected = participant.region_id in chosen[round_.pk]
        yield (
            round_.slug,
            round_.name,
            round_.year,
            round_.purpose,
            participant.region_id,
            participant.region.name,
            participant.rank,
            None if participant.score is None else round(participant.score, 4),
            selected,
            round_.published_at.isoformat() if round_.published_at else None,
            round_.is_demo,
        )


def modified(region_ids=None):
    return Round.objects.published().aggregate(last=Max("published_at"))["last"]


def temporal(region_ids=None):
    years = Round.objects.published().aggregate(first=Min("year"), last=Max("year"))
    if years["first"] is None:
        return None
    return datetime.date(years["first"], 1, 1), datetime.date(years["last"], 12, 31)


def register() -> None:
    datasets.register(
        Dataset(
            "assessment-rankings",
            _("Smart city readiness and evaluation rankings"),
            _(
                "Each region's composite score and rank in every assessment round whose "
                "results the program office has published, and whether a selection round "
                "chose it for the cohort."
            ),
            fields=FIELDS,
            rows=rows,
            modified=modified,
            temporal=temporal,
            scope=NATIONAL,
            frequency="annual",
            kinds=("assessments",),
            order=20,
        )
    )
