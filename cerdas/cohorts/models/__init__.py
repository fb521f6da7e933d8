"""The cohorts app's models; ``Cohort`` and ``Membership`` are read by other apps."""

from .awards import AwardCategory, AwardRecord, Criterion, Nominee, Presentation, Score
from .membership import Cohort, CohortQuerySet, Membership, MembershipQuerySet
from .program import (
    Attendance,
    BimtekSession,
    Deliverable,
    Institution,
    InstitutionMember,
    MentorAssignment,
    Mou,
    Obligation,
    ReminderSent,
    Submission,
)

__all__ = [
    "Attendance",
    "AwardCategory",
    "AwardRecord",
    "BimtekSession",
    "Cohort",
    "CohortQuerySet",
    "Criterion",
    "Deliverable",
    "Institution",
    "InstitutionMember",
    "Membership",
    "MembershipQuerySet",
    "MentorAssignment",
    "Mou",
    "Nominee",
    "Obligation",
    "Presentation",
    "ReminderSent",
    "Score",
    "Submission",
]
