"""Jury scoring, results and certificates for the award night."""

from dataclasses import dataclass

from django.db import transaction
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from cerdas.cohorts.engine.jury import Summary, rank, summarise

from .models import AwardCategory, Cohort, Nominee, Score
from .permissions import is_juror, juror_may_score


class ScoringError(ValueError):
    pass


@transaction.atomic
def score_nominee(*, nominee_id: int, juror, values: dict[int, int]) -> list[Score]:
    """Save one juror's scores of one nominee, criterion by criterion (replacing earlier ones)."""
    nominee = Nominee.objects.select_related("category__cohort", "region").get(pk=nominee_id)
    cohort = nominee.category.cohort
    if not is_juror(juror, cohort):
        raise ScoringError(_("Only the cohort's jurors score nominees."))
    if cohort.jury_closed:
        raise ScoringError(_("The jury is closed; scores can no longer change."))
    if not juror_may_score(juror, nominee.region_id):
        raise ScoringError(_("A juror cannot score their own region."))
    criteria = {c.pk: c for c in nominee.category.criteria.all()}
    if set(values) != set(criteria):
        raise ScoringError(_("Score every criterion of the rubric."))
    saved = []
    for criterion_id, value in values.items():
        criterion = criteria[criterion_id]
        if not 0 <= value <= criterion.max_score:
            raise ScoringError(
                _("%(criterion)s takes a score from 0 to %(max)s.")
                % {"criterion": criterion.name, "max": criterion.max_score}
            )
        score, _created = Score.objects.update_or_create(
            nominee=nominee, criterion=criterion, juror=juror, defaults={"value": value}
        )
        saved.append(score)
    saved[0].log_action(
        "cohort.award_scored",
        user=juror,
        changes={"nominee": str(nominee), "values": {str(k): v for k, v in values.items()}},
    )
    return saved


def missing_scores(cohort: Cohort) -> list[str]:
    """What the jury has not done yet, as sentences: categories without nominees or a
    rubric, and each juror's nominees still to score (their own region excepted)."""
    texts = []
    jurors = list(cohort.jurors.all())
    if not jurors:
        texts.append(_("The cohort has no jurors."))
    categories = list(cohort.award_categories.prefetch_related("criteria", "nominees"))
    if not categories:
        texts.append(_("There is no award category."))
    given = set(
        Score.objects.filter(nominee__category__cohort=cohort).values_list(
            "juror_id", "nominee_id", "criterion_id"
        )
    )
    for category in categories:
        criteria = list(category.criteria.all())
        nominees = list(category.nominees.all())
        if not nominees or not criteria:
            texts.append(
                _("“%(category)s” has no nominees or no rubric yet.") % {"category": category.name}
            )
            continue
        for juror in jurors:
            left = sum(
                1
                for nominee in nominees
                if juror_may_score(juror, nominee.region_id)
                and any((juror.pk, nominee.pk, c.pk) not in given for c in criteria)
            )
            if left:
                texts.append(
                    ngettext(
                        "%(juror)s has not scored %(count)s nominee in “%(category)s”.",
                        "%(juror)s has not scored %(count)s nominees in “%(category)s”.",
                        left,
                    )
                    % {"juror": juror, "count": left, "category": category.name}
                )
    return texts


@transaction.atomic
def close_jury(*, cohort_id: int, user, confirmed: bool = False) -> Cohort:
    """Fix the jury's scores: no juror changes them after this. Confirmed first."""
    if not confirmed:
        raise ScoringError(_("Confirm this step on its confirmation page first."))
    cohort = Cohort.objects.select_for_update().get(pk=cohort_id)
    cohort.jury_closed = True
    cohort.save(update_fields=["jury_closed"])
    cohort.log_action("cohort.jury_closed", user=user)
    return cohort


@dataclass
class CategoryResult:
    category: AwardCategory
    ranking: list[Summary]  # keys are Nominee objects

    @property
    def winner(self):
        top = self.ranking[0] if self.ranking else None
        return top.key if top is not None and top.mean is not None else None


def results(cohort: Cohort) -> list[CategoryResult]:
    """Each category's nominees ranked by the mean of the jurors' weighted rubric totals."""
    categories = list(cohort.award_categories.prefetch_related("nominees__region"))
    totals: dict[tuple[int, int], float] = {}
    for nominee_id, juror_id, value, weight in Score.objects.filter(
        nominee__category__cohort=cohort
    ).values_list("nominee_id", "juror_id", "value", "criterion__weight"):
        totals[(nominee_id, juror_id)] = totals.get((nominee_id, juror_id), 0) + value * weight
    by_nominee: dict[int, list[float]] = {}
    for (nominee_id, _juror), total in totals.items():
        by_nominee.setdefault(nominee_id, []).append(total)
    return [
        CategoryResult(
            category,
            rank([summarise(n, by_nominee.get(n.pk, [])) for n in category.nominees.all()]),
        )
        for category in categories
    ]


def certificate_pdf(*, cohort: Cohort, category: AwardCategory, region) -> bytes:
    """A certificate naming the region, the category, the cohort and the award night's date."""
    from weasyprint import HTML

    html = render_to_string(
        "cohorts/certificate.html", {"cohort": cohort, "category": category, "region": region}
    )
    return HTML(string=html).write_pdf()
