# ruff: noqa: RUF001 - en dashes in age bands and periods are intended typography
"""Service units, their satisfaction surveys (SKM) per period, responses and paper imports.

A region's service unit (unit layanan, e.g. the KTP counter of the Dinas Kependudukan dan
Pencatatan Sipil) runs one survey per period. Citizens answer the nine elements of
PermenPANRB 14/2017 on a 1-4 scale, online or on paper (imported). The results stay hidden
until the team publishes them; publishing freezes the figures on the survey (the sum and
count of every element and the respondents' characteristics), so public pages and the API
read one row whatever the number of responses, and a published figure never drifts.
"""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cerdas.core.models import AUDIT_ACTIONS, Audited
from cerdas.surveys.engine import ikm

AUDIT_ACTIONS.update(
    {
        "surveys.unit_created": _("added the service unit"),
        "surveys.unit_updated": _("changed the service unit"),
        "surveys.survey_opened": _("opened a satisfaction survey"),
        "surveys.survey_updated": _("changed the satisfaction survey"),
        "surveys.survey_closed": _("stopped taking answers to the survey"),
        "surveys.survey_reopened": _("took answers to the survey again"),
        "surveys.published": _("published the survey results"),
        "surveys.unpublished": _("withdrew the published survey results"),
        "surveys.responses_imported": _("imported paper questionnaires"),
    }
)

# The model field of each element, in code order: U1 -> u1.
ELEMENT_FIELDS = tuple(code.lower() for code in ikm.CODES)
SUGGESTION_MAX = 1000


class Sex(models.TextChoices):
    MALE = "L", _("Male")
    FEMALE = "P", _("Female")


class AgeBand(models.TextChoices):
    """Age in bands: the report needs no more, and a band says less about a person."""

    UNDER_20 = "under_20", _("Under 20")
    FROM_20 = "20_29", "20–29"
    FROM_30 = "30_39", "30–39"
    FROM_40 = "40_49", "40–49"
    FROM_50 = "50_59", "50–59"
    FROM_60 = "60_plus", _("60 or older")


class Education(models.TextChoices):
    """Highest education, as the regulation's questionnaire lists it."""

    PRIMARY = "sd", _("Primary school (SD) or less")
    JUNIOR = "smp", _("Junior high school (SMP)")
    SENIOR = "sma", _("Senior high school (SMA)")
    DIPLOMA = "d1_d3", _("Diploma (D1–D3)")
    D4 = "d4", _("Applied bachelor (D4)")
    BACHELOR = "s1", _("Bachelor (S1)")
    MASTER = "s2", _("Master (S2)")
    DOCTORATE = "s3", _("Doctorate (S3)")


class Occupation(models.TextChoices):
    """Main occupation, as the regulation's questionnaire lists it."""

    CIVIL_SERVANT = "pns", _("Civil servant (PNS)")
    MILITARY = "tni", _("Armed forces (TNI)")
    POLICE = "polri", _("Police (POLRI)")
    PRIVATE = "swasta", _("Private employee")
    SELF_EMPLOYED = "wirausaha", _("Self-employed")
    OTHER = "lainnya", _("Other")


# The characteristics a respondent may give, with their choices, in report order.
CHARACTERISTICS = (
    ("sex", _("Sex"), Sex),
    ("age_band", _("Age"), AgeBand),
    ("education", _("Education"), Education),
    ("occupation", _("Occupation"), Occupation),
)


class ServiceUnitQuerySet(models.QuerySet):
    def for_user(self, user):
        """Units this user manages: a region's team its region's, an OPD officer its
        agency's, national admins all."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_national_admin:
            return self
        if user.role == user.Role.REGIONAL_TEAM and user.region_id:
            return self.filter(region_id=user.region_id)
        if user.role == user.Role.AGENCY_OFFICER and user.agency_id:
            return self.filter(agency_id=user.agency_id, region_id=user.region_id)
        return self.none()


class ServiceUnit(Audited, models.Model):
    """A public service unit of a region that measures its citizens' satisfaction."""

    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        related_name="service_units",
    )
    agency = models.ForeignKey(
        "regions.Agency",
        verbose_name=_("agency (OPD)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="service_units",
    )
    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_("The agency and the service, e.g. Disdukcapil — layanan KTP-el."),
    )
    is_demo = models.BooleanField(_("demo"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ServiceUnitQuerySet.as_manager()

    class Meta:
        ordering = ["region", "name"]
        constraints = [
            models.UniqueConstraint(fields=["region", "name"], name="surveys_unit_unique_name")
        ]
        verbose_name = _("service unit")
        verbose_name_plural = _("service units")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("surveys:unit", args=[self.pk])

    def audit_region_id(self):
        return self.region_id


class SurveyQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_at__isnull=False)

    def for_user(self, user):
        """Surveys of the units this user manages."""
        return self.filter(unit__in=ServiceUnit.objects.for_user(user))


class Survey(Audited, models.Model):
    """One unit's survey over one period: open for answers, then published."""

    class Status(models.TextChoices):
        OPEN = "open", _("Taking answers")
        CLOSED = "closed", _("Closed")

    unit = models.ForeignKey(
        ServiceUnit,
        verbose_name=_("service unit"),
        on_delete=models.PROTECT,
        related_name="surveys",
    )
    period_start = models.DateField(_("first day"))
    period_end = models.DateField(_("last day"))
    population = models.PositiveIntegerField(
        _("people served in the period"),
        null=True,
        blank=True,
        help_text=_(
            "How many people the unit served in the period (or expects to). It sets the "
            "minimum number of respondents (Krejcie and Morgan)."
        ),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    follow_up = models.TextField(
        _("follow-up plan"),
        blank=True,
        help_text=_("What the unit will do about the weakest elements, by when and who."),
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The figures as published: {code: [sum, count]}, the respondents and the counts of
    # each characteristic ({"sex": {"L": 3, "": 1}, ...}). Set when publishing.
    published_totals = models.JSONField(default=dict, blank=True)
    published_respondents = models.PositiveIntegerField(default=0)
    published_characteristics = models.JSONField(default=dict, blank=True)
    is_demo = models.BooleanField(_("demo"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SurveyQuerySet.as_manager()

    class Meta:
        ordering = ["unit", "-period_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "period_start"], name="surveys_survey_unique_start"
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="surveys_survey_period_order",
            ),
        ]
        verbose_name = _("satisfaction survey")
        verbose_name_plural = _("satisfaction surveys")

    def __str__(self):
        return f"{self.unit.name} {self.period_start:%d-%m-%Y}–{self.period_end:%d-%m-%Y}"

    def get_absolute_url(self):
        return reverse("surveys:results", args=[self.pk])

    def audit_region_id(self):
        return self.unit.region_id

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    def local_today(self) -> dt.date:
        """Today's date in the region's own time zone."""
        return timezone.now().astimezone(self.unit.region.tzinfo).date()

    def answering_state(self, today: dt.date | None = None) -> str:
        """``open``, ``not_started``, ``ended`` or ``closed``: may citizens answer today?"""
        today = today or self.local_today()
        if self.status != self.Status.OPEN or self.is_published:
            return "closed"
        if today < self.period_start:
            return "not_started"
        if today > self.period_end:
            return "ended"
        return "open"

    def accepts_answers(self, today: dt.date | None = None) -> bool:
        return self.answering_state(today) == "open"

    def published_result(self) -> ikm.Result:
        """The index as published, from the frozen totals."""
        return ikm.from_totals({code: tuple(pair) for code, pair in self.published_totals.items()})


class ImportBatch(models.Model):
    """A file of paper questionnaires as previewed, kept until someone confirms it.

    Confirming writes these stored rows, never what a browser sends back, so a forged
    confirmation cannot slip in other answers.
    """

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="import_batches")
    filename = models.CharField(max_length=200)
    # One entry per data row: {"line", "valid", "problems", "answers", "sex", ...}.
    rows = models.JSONField(default=list)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    imported = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.filename

    @property
    def valid_count(self) -> int:
        return sum(1 for row in self.rows if row["valid"])

    @property
    def invalid_count(self) -> int:
        return len(self.rows) - self.valid_count


class Tally(models.Model):
    """A survey's running totals: respondents, and each element's sum and number of answers.

    Updated in the same transaction as every response written (one ``UPDATE … SET x = x +
    …`` statement, so answers arriving together are all counted), so the index of 100,000
    responses is read from one row instead of adding them all up again.
    ``services.recount`` rebuilds it from the responses.
    """

    survey = models.OneToOneField(
        Survey, primary_key=True, on_delete=models.CASCADE, related_name="tally"
    )
    respondents = models.PositiveIntegerField(default=0)
    u1_total = models.PositiveBigIntegerField(default=0)
    u1_answers = models.PositiveIntegerField(default=0)
    u2_total = models.PositiveBigIntegerField(default=0)
    u2_answers = models.PositiveIntegerField(default=0)
    u3_total = models.PositiveBigIntegerField(default=0)
    u3_answers = models.PositiveIntegerField(default=0)
    u4_total = models.PositiveBigIntegerField(default=0)
    u4_answers = models.PositiveIntegerField(default=0)
    u5_total = models.PositiveBigIntegerField(default=0)
    u5_answers = models.PositiveIntegerField(default=0)
    u6_total = models.PositiveBigIntegerField(default=0)
    u6_answers = models.PositiveIntegerField(default=0)
    u7_total = models.PositiveBigIntegerField(default=0)
    u7_answers = models.PositiveIntegerField(default=0)
    u8_total = models.PositiveBigIntegerField(default=0)
    u8_answers = models.PositiveIntegerField(default=0)
    u9_total = models.PositiveBigIntegerField(default=0)
    u9_answers = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.survey_id}: {self.respondents}"

    def totals(self) -> dict[str, tuple[int, int]]:
        """Each element's (sum, answers), keyed U1..U9, as the engine takes them."""
        return {
            code: (getattr(self, f"{field}_total"), getattr(self, f"{field}_answers"))
            for code, field in zip(ikm.CODES, ELEMENT_FIELDS, strict=True)
        }


def _score_field(code: str):
    return models.PositiveSmallIntegerField(code, null=True, blank=True)


class Response(models.Model):
    """One respondent's answers: nine scores (1-4, blank when not answered), the
    characteristics they chose to give, and an optional suggestion. Nothing else about
    the person: no name, no address, no account."""

    class Source(models.TextChoices):
        ONLINE = "online", _("Online form")
        PAPER = "paper", _("Paper (imported)")

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    u1 = _score_field("U1")
    u2 = _score_field("U2")
    u3 = _score_field("U3")
    u4 = _score_field("U4")
    u5 = _score_field("U5")
    u6 = _score_field("U6")
    u7 = _score_field("U7")
    u8 = _score_field("U8")
    u9 = _score_field("U9")
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices, blank=True)
    age_band = models.CharField(_("age"), max_length=10, choices=AgeBand.choices, blank=True)
    education = models.CharField(
        _("education"), max_length=10, choices=Education.choices, blank=True
    )
    occupation = models.CharField(
        _("occupation"), max_length=10, choices=Occupation.choices, blank=True
    )
    suggestion = models.TextField(_("suggestion"), blank=True, max_length=SUGGESTION_MAX)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.ONLINE)
    batch = models.ForeignKey(
        ImportBatch, null=True, blank=True, on_delete=models.SET_NULL, related_name="responses"
    )
    # The hash of the single-use visit token the form carried: one response per visit.
    visit_hash = models.CharField(max_length=64, null=True, blank=True, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["survey", "created_at"], name="surveys_response_when")]
        constraints = [
            models.CheckConstraint(
                condition=Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__range": (1, 4)}),
                name=f"surveys_response_{field}_1_to_4",
            )
            for field in ELEMENT_FIELDS
        ]

    def __str__(self):
        return f"{self.survey_id}#{self.pk}"

    def scores(self) -> dict[str, int | None]:
        return {
            code: getattr(self, field)
            for code, field in zip(ikm.CODES, ELEMENT_FIELDS, strict=True)
        }
