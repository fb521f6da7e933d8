"""Changes to masterplans: each one a transaction, taking ids and plain values."""

from dataclasses import dataclass
from typing import NamedTuple

from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cerdas.cohorts.models import Cohort
from cerdas.core.registries import PROFILE
from cerdas.core.signals import content_changed
from cerdas.lib.plain_text import to_plain_text
from cerdas.masterplans import permissions
from cerdas.masterplans.models import (
    EDITABLE,
    MAX_PERIOD_YEARS,
    Budget,
    Comment,
    Indicator,
    Masterplan,
    Program,
    Section,
    Status,
    Version,
)
from cerdas.masterplans.sections import fields_for
from cerdas.masterplans.snapshot import build_snapshot

CACHE_KIND = "masterplans"


class WorkflowError(Exception):
    """A change the plan's state or the user's role does not allow; the message says why."""


class NotEditable(WorkflowError):
    pass


def refuse_unless_editable(masterplan) -> None:
    if masterplan.status not in EDITABLE:
        if masterplan.status == Status.APPROVED:
            raise NotEditable(
                _("This masterplan is approved and can no longer change: start a revision.")
            )
        raise NotEditable(
            _("This masterplan is with the reviewers; it can be changed again when returned.")
        )


def _locked(masterplan_id) -> Masterplan:
    return Masterplan.objects.select_for_update().select_related("region").get(pk=masterplan_id)


def _bump_public_pages() -> None:
    content_changed("masterplans", CACHE_KIND, PROFILE)


@transaction.atomic
def create_masterplan(
    region_id: str,
    title: str,
    period_start: int,
    period_end: int,
    user=None,
    cohort_id: int | None = None,
    is_demo: bool = False,
) -> Masterplan:
    if not period_start <= period_end < period_start + MAX_PERIOD_YEARS:
        raise WorkflowError(_("A masterplan covers one to ten years, first year first."))
    _refuse_foreign_cohort(region_id, cohort_id)
    masterplan = Masterplan.objects.create(
        region_id=region_id,
        title=to_plain_text(title, 200),
        period_start=period_start,
        period_end=period_end,
        cohort_id=cohort_id,
        is_demo=is_demo,
    )
    Section.objects.bulk_create(
        Section(masterplan=masterplan, kind=kind) for kind in Section.Kind.values
    )
    masterplan.log_action("masterplan.created", user=user, changes={"title": masterplan.title})
    return masterplan


def cohorts_for_region(region_id: str):
    """The cohorts the region is or was a member of: the ones its plans may be tied to."""
    return Cohort.objects.filter(memberships__region_id=region_id).distinct().order_by("-year")


def _refuse_foreign_cohort(region_id: str, cohort_id: int | None) -> None:
    if cohort_id is not None and not cohorts_for_region(region_id).filter(pk=cohort_id).exists():
        raise WorkflowError(_("The region has never been a member of that cohort."))


@transaction.atomic
def set_cohort(masterplan_id: int, cohort_id: int | None, user=None) -> Masterplan:
    """Tie the plan to one of its region's cohorts, or to none."""
    masterplan = _locked(masterplan_id)
    refuse_unless_editable(masterplan)
    _refuse_foreign_cohort(masterplan.region_id, cohort_id)
    before = masterplan.cohort.year if masterplan.cohort else None
    masterplan.cohort_id = cohort_id
    masterplan.save(update_fields=["cohort", "updated_at"])
    masterplan.refresh_from_db(fields=["cohort"])
    after = masterplan.cohort.year if masterplan.cohort else None
    masterplan.log_action("masterplan.cohort_set", user=user, changes={"cohort": [before, after]})
    return masterplan


@dataclass
class SectionSave:
    saved: bool
    section: Section
    # On a conflict: what the other person saved, and the version to save over it.
    current_data: dict | None = None


@transaction.atomic
def save_section(masterplan_id: int, kind: str, data: dict, loaded_version: int, user=None):
    """Save a section unless someone saved it since ``loaded_version`` was read.

    The check and the write are one UPDATE (``… WHERE version = loaded``), so of two people
    saving at once exactly one wins; the other gets a conflict with both texts.
    """
    masterplan = _locked(masterplan_id)
    refuse_unless_editable(masterplan)
    section, _created = Section.objects.get_or_create(masterplan=masterplan, kind=kind)
    names = [field.name for field in fields_for(kind)]
    clean = {name: to_plain_text(data.get(name, "")) for name in names}
    updated = Section.objects.filter(pk=section.pk, version=loaded_version).update(
        data=clean, version=F("version") + 1, updated_by=user, updated_at=timezone.now()
    )
    section.refresh_from_db()
    if not updated:
        return SectionSave(False, section, current_data=section.data)
    masterplan.log_action("masterplan.section_saved", user=user, changes={"section": kind})
    return SectionSave(True, section)


@dataclass
class ProgramSave:
    saved: bool
    program: Program | None


@transaction.atomic
def save_program(
    masterplan_id: int,
    values: dict,
    budgets: list[dict],
    indicators: list[dict],
    user=None,
    program_id: int | None = None,
    loaded_version: int | None = None,
) -> ProgramSave:
    """Create a program, or update one unless someone saved it since it was loaded.

    ``values`` are the program's fields (already validated); ``budgets`` and ``indicators``
    replace the program's current ones.
    """
    masterplan = _locked(masterplan_id)
    refuse_unless_editable(masterplan)
    values = {
        key: to_plain_text(value) if isinstance(value, str) else value
        for key, value in values.items()
    }
    if program_id is None:
        order = masterplan.programs.aggregate(last=Max("order"))["last"] or 0
        program = Program.objects.create(masterplan=masterplan, order=order + 1, **values)
    else:
        updated = Program.objects.filter(
            pk=program_id, masterplan=masterplan, version=loaded_version
        ).update(version=F("version") + 1, **values)
        program = Program.objects.filter(pk=program_id, masterplan=masterplan).first()
        if not updated:
            return ProgramSave(False, program)
        program.budgets.all().delete()
        program.indicators.all().delete()
    _add_details(program, budgets, indicators)
    masterplan.log_action("masterplan.program_saved", user=user, changes={"program": program.name})
    return ProgramSave(True, program)


def _add_details(program, budgets, indicators) -> None:
    merged: dict[tuple, int] = {}
    for budget in budgets:
        key = (budget["year"], budget["source"])
        merged[key] = merged.get(key, 0) + budget["amount"]
    Budget.objects.bulk_create(
        Budget(program=program, year=year, source=source, amount=amount)
        for (year, source), amount in merged.items()
    )
    Indicator.objects.bulk_create(
        Indicator(
            program=program,
            name=to_plain_text(i["name"], 200),
            unit=to_plain_text(i.get("unit", ""), 40),
            baseline=i.get("baseline"),
            target=i["target"],
        )
        for i in indicators
    )


@transaction.atomic
def delete_program(masterplan_id: int, program_id: int, user=None, *, confirmed=False) -> None:
    """Delete a program with its budgets and indicators; confirmed first (no undo)."""
    if not confirmed:
        raise WorkflowError(_("Confirm this step on its confirmation page first."))
    masterplan = _locked(masterplan_id)
    refuse_unless_editable(masterplan)
    program = Program.objects.get(pk=program_id, masterplan=masterplan)
    name = program.name
    program.delete()
    masterplan.log_action("masterplan.program_deleted", user=user, changes={"program": name})


class Transition(NamedTuple):
    """A step of the review workflow: from which statuses, to which, who takes it, what the
    audit log calls it, whether it needs a comment (a reason), and whether it is confirmed
    on a check-your-answers page first (``transition`` refuses it unconfirmed)."""

    sources: tuple
    target: str
    who: str
    audit: str
    needs_comment: bool = False
    confirm: bool = False


TRANSITIONS = {
    "submit": Transition(
        (Status.DRAFT,), Status.SUBMITTED, "team", "masterplan.submitted", confirm=True
    ),
    # Taking a plan back before any reviewer has started on it: the team changes its mind.
    "withdraw": Transition(
        (Status.SUBMITTED,), Status.DRAFT, "team", "masterplan.withdrawn", True, True
    ),
    "start_review": Transition(
        (Status.SUBMITTED, Status.RESUBMITTED),
        Status.IN_REVIEW,
        "reviewer",
        "masterplan.review_started",
    ),
    "return": Transition(
        (Status.IN_REVIEW,), Status.RETURNED, "reviewer", "masterplan.returned", True
    ),
    "resubmit": Transition(
        (Status.RETURNED,), Status.RESUBMITTED, "team", "masterplan.resubmitted", confirm=True
    ),
    "withdraw_resubmission": Transition(
        (Status.RESUBMITTED,), Status.RETURNED, "team", "masterplan.withdrawn", True, True
    ),
    "approve": Transition(
        (Status.IN_REVIEW,), Status.APPROVED, "reviewer", "masterplan.approved", confirm=True
    ),
}
SNAPSHOT_ON = {Status.SUBMITTED, Status.RESUBMITTED, Status.APPROVED}
WITHDRAWALS = {"withdraw", "withdraw_resubmission"}


@dataclass(frozen=True)
class Action:
    """A review step as the workspace offers it: its name, its button, whether it needs a
    comment (returning a plan says what must change, withdrawing it says why), and whether
    the button leads to a check-your-answers page first."""

    name: str
    label: str
    needs_comment: bool = False
    confirm: bool = False


ACTIONS = {
    "submit": Action("submit", _("Submit for review"), confirm=True),
    "withdraw": Action("withdraw", _("Withdraw from review"), True, True),
    "start_review": Action("start_review", _("Start the review")),
    "return": Action("return", _("Return with comments"), needs_comment=True),
    "resubmit": Action("resubmit", _("Resubmit for review"), confirm=True),
    "withdraw_resubmission": Action("withdraw_resubmission", _("Withdraw from review"), True, True),
    "approve": Action("approve", _("Approve"), confirm=True),
}


def review_started(masterplan) -> bool:
    """Whether a reviewer has begun on the plan as submitted: the review is under way, or a
    reviewer has commented since the team last submitted it."""
    if masterplan.status not in (Status.SUBMITTED, Status.RESUBMITTED):
        return masterplan.status in (Status.IN_REVIEW, Status.APPROVED)
    latest = masterplan.versions.order_by("-number").first()
    comments = masterplan.comments.all()
    if latest is not None:
        comments = comments.filter(created_at__gte=latest.created_at)
    return comments.exists()


def allowed_actions(user, masterplan) -> list[str]:
    """The transitions this user may take on the plan as it stands."""
    result = []
    for action, step in TRANSITIONS.items():
        if masterplan.status not in step.sources:
            continue
        if action in WITHDRAWALS and review_started(masterplan):
            continue
        if (step.who == "team" and permissions.can_write_region(user, masterplan.region_id)) or (
            step.who == "reviewer" and permissions.can_review(user, masterplan)
        ):
            result.append(action)
    return result


@transaction.atomic
def transition(
    masterplan_id: int, action: str, user, comment: str = "", *, confirmed: bool = False
) -> Masterplan:
    """Move the plan through the review workflow; audit-logged, with a version when frozen.

    A step marked ``confirm`` is taken only with ``confirmed=True``: the person has seen
    its check-your-answers page (or, through the API, said so explicitly).
    """
    if action not in TRANSITIONS:
        raise WorkflowError(_("Unknown action."))
    step = TRANSITIONS[action]
    masterplan = _locked(masterplan_id)
    if action not in allowed_actions(user, masterplan):
        if action in WITHDRAWALS and review_started(masterplan):
            raise WorkflowError(
                _("A reviewer has started on this plan: it can no longer be withdrawn.")
            )
        raise WorkflowError(_("This step is not possible for you at this stage of the plan."))
    if step.confirm and not confirmed:
        raise WorkflowError(_("Confirm this step on its confirmation page first."))
    comment = to_plain_text(comment)
    if step.needs_comment and not comment:
        if action in WITHDRAWALS:
            raise WorkflowError(_("Say why the plan is withdrawn."))
        raise WorkflowError(_("Say what needs to change before returning the plan."))
    before = masterplan.status
    masterplan.status = step.target
    if step.target == Status.APPROVED:
        masterplan.approved_at = timezone.now()
    masterplan.save(update_fields=["status", "approved_at", "updated_at"])
    version = _take_version(masterplan, user) if step.target in SNAPSHOT_ON else None
    if comment and action not in WITHDRAWALS:
        Comment.objects.create(masterplan=masterplan, version=version, author=user, text=comment)
    masterplan.log_action(
        step.audit, user=user, reason=comment, changes={"status": [before, step.target]}
    )
    if step.target == Status.APPROVED:
        _supersede_earlier(masterplan, user)
        _bump_public_pages()
    return masterplan


def submitted_at(masterplan):
    """When the team last handed the plan in (submitted or resubmitted), or None."""
    latest = (
        masterplan.versions.filter(status__in=(Status.SUBMITTED, Status.RESUBMITTED))
        .order_by("-number")
        .first()
    )
    return latest.created_at if latest else None


def _take_version(masterplan, user) -> Version:
    last = masterplan.versions.aggregate(last=Max("number"))["last"] or 0
    return Version.objects.create(
        masterplan=masterplan,
        number=last + 1,
        status=masterplan.status,
        snapshot=build_snapshot(masterplan),
        created_by=user,
    )


def _supersede_earlier(masterplan, user) -> None:
    earlier = Masterplan.objects.filter(pk__in=masterplan.lineage_ids()[1:], status=Status.APPROVED)
    for plan in earlier:
        plan.status = Status.SUPERSEDED
        plan.save(update_fields=["status", "updated_at"])
        plan.log_action("masterplan.superseded", user=user, changes={"by": masterplan.pk})


@transaction.atomic
def add_comment(masterplan_id: int, user, text: str, section: str = "", program_id=None):
    masterplan = _locked(masterplan_id)
    if not permissions.can_review(user, masterplan):
        raise WorkflowError(_("Only the plan's reviewers comment on it."))
    text = to_plain_text(text)
    if not text:
        raise WorkflowError(_("Write a comment first."))
    program = masterplan.programs.filter(pk=program_id).first() if program_id else None
    comment = Comment.objects.create(
        masterplan=masterplan,
        version=masterplan.versions.order_by("-number").first(),
        section=section if section in Section.Kind.values else "",
        program=program,
        program_name=program.name if program else "",
        author=user,
        text=text,
    )
    masterplan.log_action(
        "masterplan.commented",
        user=user,
        reason=text[:500],
        changes={"section": comment.section, "program": comment.program_name},
    )
    return comment


@transaction.atomic
def start_revision(masterplan_id: int, user) -> Masterplan:
    """A new draft copied from an approved plan; the approved one stays public until then."""
    source = _locked(masterplan_id)
    if not permissions.can_write_region(user, source.region_id):
        raise WorkflowError(_("Only the region's team starts a revision."))
    if source.status != Status.APPROVED:
        raise WorkflowError(_("Only the approved masterplan can be revised."))
    open_revision = source.revisions.exclude(status__in=(Status.APPROVED, Status.SUPERSEDED))
    if open_revision.exists():
        raise WorkflowError(_("A revision of this masterplan is already being written."))
    draft = Masterplan.objects.create(
        region_id=source.region_id,
        title=source.title,
        period_start=source.period_start,
        period_end=source.period_end,
        cohort_id=source.cohort_id,
        revision=source.revision + 1,
        based_on=source,
        is_demo=source.is_demo,
    )
    Section.objects.bulk_create(
        Section(masterplan=draft, kind=s.kind, data=s.data) for s in source.sections.all()
    )
    for program in source.programs.prefetch_related("budgets", "indicators"):
        budgets, indicators = list(program.budgets.all()), list(program.indicators.all())
        program.pk, program.masterplan, program.version = None, draft, 1
        program.save()
        Budget.objects.bulk_create(
            Budget(program=program, year=b.year, source=b.source, amount=b.amount) for b in budgets
        )
        Indicator.objects.bulk_create(
            Indicator(
                program=program, name=i.name, unit=i.unit, baseline=i.baseline, target=i.target
            )
            for i in indicators
        )
    source.log_action("masterplan.revision_started", user=user, changes={"draft": draft.pk})
    draft.log_action("masterplan.created", user=user, changes={"revision_of": source.pk})
    return draft
