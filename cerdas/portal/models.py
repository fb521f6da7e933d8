"""News articles of regions and the national program office, their images, views and reactions."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from cerdas.core.models import AUDIT_ACTIONS, Audited

AUDIT_ACTIONS.update(
    {
        "article.created": _("wrote the article"),
        "article.updated": _("edited the article"),
        "article.published": _("published or scheduled the article"),
        "article.unpublished": _("took the article back to draft"),
        "article.archived": _("archived the article"),
        "article.image_added": _("added an image to the article"),
        "article.image_removed": _("removed an image from the article"),
        "article.imported": _("imported the article from an older portal, with its counts"),
    }
)

NATIONAL_TIMEZONE = "Asia/Jakarta"


class Category(models.Model):
    """A topic news is filed under, shared by every region (e.g. smart governance)."""

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=80)

    class Meta:
        ordering = ["name"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return self.name


class ArticleQuerySet(models.QuerySet):
    def published(self, now=None):
        """What readers may see: published, with a publish time already reached."""
        now = now or timezone.now()
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=now)

    def readable(self, now=None):
        """Reachable by URL: published ones and archived ones that were once published."""
        now = now or timezone.now()
        return self.filter(
            Q(status=Article.Status.PUBLISHED) | Q(status=Article.Status.ARCHIVED),
            published_at__lte=now,
        )

    def for_user(self, user):
        """Articles this user may edit: national admins all, a region's team its region's."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.can("manage_program"):
            return self
        if user.role == user.Role.REGIONAL_TEAM and user.region_id:
            return self.filter(region_id=user.region_id)
        return self.none()

    def search(self, text: str):
        text = " ".join(text.split())
        if not text:
            return self
        query = Q()
        for word in text.split()[:8]:
            query &= (
                Q(title__icontains=word)
                | Q(summary__icontains=word)
                | Q(body__icontains=word)
                | Q(tags__icontains=word)
            )
        return self.filter(query)


class Article(Audited, models.Model):
    """A news article of one region's team, or national news when it has no region."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        ARCHIVED = "archived", _("Archived")

    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="articles",
        help_text=_("Leave empty for national news."),
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address name"), max_length=120, allow_unicode=False)
    summary = models.CharField(_("summary"), max_length=300)
    body = models.TextField(_("body"))
    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    tags = models.CharField(_("tags"), max_length=200, blank=True)
    related_regions = models.ManyToManyField(
        "regions.Region", verbose_name=_("related regions"), blank=True, related_name="+"
    )
    related_cohorts = models.ManyToManyField(
        "cohorts.Cohort", verbose_name=_("related cohorts"), blank=True, related_name="+"
    )
    # Linked by editors who may see the plan; readers only ever see the approved ones.
    related_masterplans = models.ManyToManyField(
        "masterplans.Masterplan",
        verbose_name=_("related masterplans"),
        blank=True,
        related_name="+",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    # What readers see as the author: a name, or a role such as "Diskominfo Bojonegoro".
    byline = models.CharField(_("shown as author"), max_length=120)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(_("publish time"), null=True, blank=True, db_index=True)
    # False for an article moved from an older portal that gave only the day it published:
    # its page then shows the day alone, never an invented time of day.
    publish_time_known = models.BooleanField(_("publish time known"), default=True)
    # Views already flushed from the cache buffer; the page adds what is still buffered.
    views = models.BigIntegerField(_("views"), default=0)
    is_demo = models.BooleanField(_("demo"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        indexes = [models.Index(fields=["status", "published_at"])]
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.title)[:120] or "berita"
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("portal:article", args=[self.pk, self.slug])

    def audit_region_id(self):
        return self.region_id

    @property
    def tzinfo(self):
        import zoneinfo

        return self.region.tzinfo if self.region_id else zoneinfo.ZoneInfo(NATIONAL_TIMEZONE)

    @property
    def timezone_abbreviation(self) -> str:
        return self.region.timezone_abbreviation if self.region_id else "WIB"

    @property
    def tag_list(self) -> list[str]:
        return [tag.strip() for tag in self.tags.split(",") if tag.strip()]

    @property
    def is_archived(self) -> bool:
        return self.status == self.Status.ARCHIVED

    def is_visible(self, now=None) -> bool:
        now = now or timezone.now()
        return (
            self.status in (self.Status.PUBLISHED, self.Status.ARCHIVED)
            and self.published_at is not None
            and self.published_at <= now
        )

    @property
    def display_status(self) -> str:
        """Draft, scheduled, published or archived, as editors read it."""
        if self.status == self.Status.PUBLISHED and self.published_at > timezone.now():
            return str(_("Scheduled"))
        return self.get_status_display()

    def public_related_cohorts(self):
        return self.related_cohorts.order_by("-year")

    def public_related_masterplans(self):
        """Linked plans the public may read: a plan taken back from approval drops out."""
        return self.related_masterplans.public().select_related("region").order_by("title")

    def accepts_reactions(self) -> bool:
        return self.status == self.Status.PUBLISHED and self.is_visible()


def _image_path(instance, filename):
    return f"portal/{instance.article_id}/{filename}"


class ArticleImage(models.Model):
    """A picture of an article, resized on upload, with the text a screen reader reads."""

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="images"
    )
    image = models.ImageField(_("image"), upload_to=_image_path)
    thumbnail = models.ImageField(_("thumbnail"), upload_to=_image_path)
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    alt_text = models.CharField(
        _("description for screen readers"),
        max_length=250,
        help_text=_("Say what the picture shows, for readers who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("article image")
        verbose_name_plural = _("article images")

    def __str__(self):
        return self.alt_text


class Reaction(models.Model):
    """One reader's answer to "Bagaimana Tanggapan Anda?" for one article.

    The reader is known only by ``reader_hash``: a keyed hash of a random cookie (or the
    account) and the article, so answers cannot be linked across articles or to a person.
    The hash is erased once it expires; the answer stays counted.
    """

    class Choice(models.TextChoices):
        SANGAT_PUAS = "sangat_puas", _("Very satisfied")
        PUAS = "puas", _("Satisfied")
        CUKUP_PUAS = "cukup_puas", _("Fairly satisfied")
        TIDAK_PUAS = "tidak_puas", _("Not satisfied")

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="reactions"
    )
    # NULL, not "", once expired: the unique constraint must not clash on erased hashes.
    reader_hash = models.CharField(max_length=64, null=True, blank=True)  # noqa: DJ001
    hash_expires_at = models.DateTimeField(null=True, blank=True, db_index=True)
    choice = models.CharField(_("reaction"), max_length=12, choices=Choice.choices)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["article", "reader_hash"], name="portal_one_reaction_per_reader"
            )
        ]
        verbose_name = _("reaction")
        verbose_name_plural = _("reactions")

    def __str__(self):
        return f"{self.article_id}: {self.choice}"


class LegacyCounts(models.Model):
    """What an older portal had counted for an article before it moved into Cerdas.

    Kept apart from what Cerdas counts, so that editors always see where a figure comes
    from: the page shows the recorded views and reactions plus those counted since.
    """

    article = models.OneToOneField(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="legacy"
    )
    source = models.CharField(_("where the counts come from"), max_length=300)
    source_url = models.URLField(_("address on the older portal"), blank=True)
    recorded_on = models.DateField(_("counts recorded on"), null=True, blank=True)
    views = models.PositiveIntegerField(_("recorded views"), default=0)
    sangat_puas = models.PositiveIntegerField(_("recorded: very satisfied"), default=0)
    puas = models.PositiveIntegerField(_("recorded: satisfied"), default=0)
    cukup_puas = models.PositiveIntegerField(_("recorded: fairly satisfied"), default=0)
    tidak_puas = models.PositiveIntegerField(_("recorded: not satisfied"), default=0)

    class Meta:
        verbose_name = _("counts from an older portal")
        verbose_name_plural = _("counts from an older portal")

    def __str__(self):
        return f"{self.article_id}: {self.source}"

    def reaction_counts(self) -> dict[str, int]:
        return {choice: getattr(self, choice) for choice in Reaction.Choice.values}


class ArticleDay(models.Model):
    """Views of one article on one day (in the article's zone), written at flush time."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="days")
    day = models.DateField()
    views = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "day"], name="portal_one_row_per_day")
        ]

    def __str__(self):
        return f"{self.article_id} {self.day}: {self.views}"


class ArticleView(models.Model):
    """One reader's view of one article in one counting window (``cerdas.portal.counting``).

    The reader is a keyed hash of the account, the reader cookie or the connection, and the
    article: nothing about the person, no link between their views of two articles. The
    unique constraint makes a second view in the same window a no-op; ``flushed`` says
    whether the view is already in ``Article.views``. Rows are deleted once flushed and
    their window has ended.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    reader = models.CharField(max_length=32)
    # When the window ends, in whole seconds since the epoch.
    window_end = models.BigIntegerField()
    flushed = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["article", "reader", "window_end"], name="portal_one_view_per_window"
            )
        ]
        # Only the views still to flush: what the flush and the shown totals look up. Every
        # index costs each view's insert; the sweep of ended windows scans instead.
        indexes = [
            models.Index(
                fields=["article"], condition=models.Q(flushed=False), name="portal_view_pending"
            ),
        ]

    def __str__(self):
        return f"{self.article_id}/{self.reader}: {'flushed' if self.flushed else 'pending'}"
