"""The program office's set-up of a cohort and the teams' records, each in one transaction.

Sessions, deliverables and award categories are saved by their forms; what touches
several rows at once (attendance, mentors, nominees, the MoU's obligations) is here.
"""

from django.db import transaction

from .models import (
    Attendance,
    AwardCategory,
    BimtekSession,
    Cohort,
    MentorAssignment,
    Mou,
    Nominee,
    Obligation,
)


@transaction.atomic
def record_attendance(*, session_id: int, user, rows: dict[str, tuple[bool, str]]) -> int:
    """Save who came from each region ({region_id: (attended, names)}); returns rows changed."""
    session = BimtekSession.objects.select_for_update().get(pk=session_id)
    existing = {a.region_id: a for a in session.attendance.all()}
    changed = 0
    for region_id, (attended, names) in rows.items():
        names = "\n".join(line.strip() for line in names.splitlines() if line.strip())
        row = existing.get(region_id)
        if row is None and not attended and not names:
            continue
        if row is not None and (row.attended, row.attendees) == (attended, names):
            continue
        row = row or Attendance(session=session, region_id=region_id)
        row.attended, row.attendees = attended, names
        row.save()
        row.log_action(
            "cohort.attendance_recorded",
            user=user,
            changes={"stage": session.stage, "attended": attended, "attendees": names},
        )
        changed += 1
    return changed


@transaction.atomic
def assign_mentors(*, cohort_id: int, user, chosen: dict) -> int:
    """Make each chosen person the mentor of that region (None removes); returns changes."""
    cohort = Cohort.objects.select_for_update().get(pk=cohort_id)
    current = {m.region_id: m for m in cohort.mentor_assignments.all()}
    changed = 0
    for region_id, mentor in chosen.items():
        row = current.get(region_id)
        if row is not None and mentor is not None and row.mentor_id == mentor.pk:
            continue
        if row is None and mentor is None:
            continue
        if mentor is None:
            row.log_action("cohort.mentor_assigned", user=user, changes={"mentor": None})
            row.delete()
        else:
            row = row or MentorAssignment(cohort=cohort, region_id=region_id)
            row.mentor = mentor
            row.save()
            row.log_action("cohort.mentor_assigned", user=user, changes={"mentor": str(mentor)})
        changed += 1
    return changed


@transaction.atomic
def set_nominees(*, category_id: int, user, region_ids) -> None:
    """Keep exactly these regions as the category's nominees (scores of removed ones go)."""
    category = AwardCategory.objects.select_related("cohort").get(pk=category_id)
    wanted = set(region_ids)
    have = set(category.nominees.values_list("region_id", flat=True))
    category.nominees.filter(region_id__in=have - wanted).delete()
    Nominee.objects.bulk_create(
        Nominee(category=category, region_id=code) for code in sorted(wanted - have)
    )
    if wanted != have:
        category.cohort.log_action(
            "cohort.award_category_saved",
            user=user,
            changes={"category": category.name, "nominees": sorted(wanted)},
        )


def ensure_obligations(mou: Mou) -> None:
    """Every MoU carries the five obligations of the program, as rows to tick off."""
    have = set(mou.obligations.values_list("kind", flat=True))
    # A list: bulk_create opened a transaction for a generator even when it held nothing.
    Obligation.objects.bulk_create(
        [Obligation(mou=mou, kind=kind) for kind in Obligation.Kind.values if kind not in have]
    )
