"""Writing news: creating and editing articles, publishing, images. Each in one transaction."""

import datetime
import zoneinfo
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from cerdas.core.images import process_upload
from cerdas.core.registries import PROFILE
from cerdas.core.signals import content_changed
from cerdas.portal.models import (
    NATIONAL_TIMEZONE,
    Article,
    ArticleImage,
    LegacyCounts,
    Reaction,
)
from cerdas.portal.permissions import can_write_in, linkable_masterplans
from cerdas.portal.sanitize import clean_body
from cerdas.regions.models import Region

PORTAL = "portal"
EDITABLE_FIELDS = ("region_id", "title", "slug", "summary", "body", "category_id", "tags", "byline")


def _content_changed():
    """Retire cached news pages and region profiles once the change is committed."""
    content_changed("portal", PORTAL, PROFILE)


def _locked_article_for(user, article_id: int) -> Article:
    article = Article.objects.select_for_update().get(pk=article_id)
    if not can_write_in(user, article.region_id):
        raise PermissionDenied
    return article


@transaction.atomic
def save_article(
    user,
    article_id: int | None,
    fields: dict,
    related_codes: list[str],
    cohort_ids: list[int] | None = None,
    masterplan_ids: list[int] | None = None,
) -> Article:
    """Create (``article_id`` None) or edit an article; the body is sanitised here.

    ``cohort_ids`` and ``masterplan_ids`` None leave those links as they are."""
    if not can_write_in(user, fields.get("region_id")):
        raise PermissionDenied
    fields = {**fields, "body": clean_body(fields["body"])}
    if article_id is None:
        article = Article(author=user, **fields)
        article.save()
        article.related_regions.set(related_codes)
        _set_links(user, article, cohort_ids, masterplan_ids)
        article.log_action("article.created", user=user, changes={"title": article.title})
    else:
        article = _locked_article_for(user, article_id)
        changes = {
            key: [str(getattr(article, key)), str(value)]
            for key, value in fields.items()
            if getattr(article, key) != value
        }
        before = set(article.related_regions.values_list("pk", flat=True))
        if before != set(related_codes):
            changes["related_regions"] = [sorted(before), sorted(related_codes)]
        for key, value in fields.items():
            setattr(article, key, value)
        article.save()
        article.related_regions.set(related_codes)
        changes.update(_set_links(user, article, cohort_ids, masterplan_ids))
        if changes:
            # The body can be long: the log says that it changed, not the whole text.
            if "body" in changes:
                changes["body"] = "changed"
            article.log_action("article.updated", user=user, changes=changes)
    _content_changed()
    return article


def _set_links(user, article, cohort_ids, masterplan_ids) -> dict:
    """Link cohorts and masterplans; returns the changes for the log.

    An editor may link only masterplans they may see (PermissionDenied otherwise). Links
    to plans they cannot see, made earlier by someone who could, are kept as they are:
    the editor was never shown them, so leaving them out is not a wish to remove them."""
    changes = {}
    if cohort_ids is not None:
        before = set(article.related_cohorts.values_list("pk", flat=True))
        if before != set(cohort_ids):
            changes["related_cohorts"] = [sorted(before), sorted(set(cohort_ids))]
            article.related_cohorts.set(cohort_ids)
    if masterplan_ids is not None:
        visible = linkable_masterplans(user)
        wanted = set(masterplan_ids)
        if len(wanted) != visible.filter(pk__in=wanted).count():
            raise PermissionDenied
        before = set(article.related_masterplans.values_list("pk", flat=True))
        hidden = before - set(visible.filter(pk__in=before).values_list("pk", flat=True))
        after = wanted | hidden
        if before != after:
            changes["related_masterplans"] = [sorted(before), sorted(after)]
            article.related_masterplans.set(after)
    return changes


@transaction.atomic
def change_status(user, article_id: int, status: str, publish_at=None, reason: str = "") -> Article:
    """Publish now or at ``publish_at`` (scheduled), take back to draft, or archive."""
    article = _locked_article_for(user, article_id)
    before = article.status, article.published_at
    if status == Article.Status.PUBLISHED:
        article.published_at = publish_at or timezone.now()
        action = "article.published"
    elif status == Article.Status.DRAFT:
        action = "article.unpublished"
    elif status == Article.Status.ARCHIVED:
        if article.published_at is None:
            raise ValueError("only published articles can be archived")
        action = "article.archived"
    else:
        raise ValueError(status)
    article.status = status
    article.save(update_fields=["status", "published_at", "updated_at"])
    if (article.status, article.published_at) != before:
        article.log_action(
            action,
            user=user,
            reason=reason,
            changes={
                "status": [before[0], status],
                "published_at": [
                    before[1].isoformat() if before[1] else None,
                    article.published_at.isoformat() if article.published_at else None,
                ],
            },
        )
        _content_changed()
    return article


@transaction.atomic
def add_image(user, article_id: int, upload, alt_text: str, caption: str = "") -> ArticleImage:
    """Check, resize and attach a picture; raises ValidationError for a file we cannot use."""
    article = _locked_article_for(user, article_id)
    large, thumbnail = process_upload(upload)
    image = ArticleImage(
        article=article,
        alt_text=alt_text,
        caption=caption,
        position=article.images.count(),
        width=large.size_px[0],
        height=large.size_px[1],
    )
    stem = f"{timezone.now():%Y%m%d%H%M%S}"
    image.image.save(f"{stem}.jpg", large, save=False)
    image.thumbnail.save(f"{stem}-400.jpg", thumbnail, save=False)
    image.save()
    article.log_action("article.image_added", user=user, changes={"alt_text": alt_text})
    _content_changed()
    return image


@transaction.atomic
def remove_image(user, image_id: int, *, confirmed: bool = False) -> None:
    """Delete a picture and its files; confirmed first, since the files are gone for good."""
    if not confirmed:
        raise ValueError("Removing a picture needs its confirmation page.")
    image = ArticleImage.objects.select_related("article").get(pk=image_id)
    article = _locked_article_for(user, image.article_id)
    alt_text = image.alt_text
    files = [image.image.name, image.thumbnail.name]
    storage = image.image.storage
    image.delete()
    article.log_action("article.image_removed", user=user, changes={"alt_text": alt_text})
    transaction.on_commit(lambda: [storage.delete(name) for name in files])
    _content_changed()


# An article whose older portal gave only the day it published is stored at noon of that
# day: the same day in every Indonesian zone and in UTC. Its page shows the day alone.
UNKNOWN_TIME = datetime.time(12, 0)


@dataclass(frozen=True)
class LegacyArticle:
    """An article as an older portal published it, with what that portal had counted."""

    region_code: str | None
    title: str
    summary: str
    body: str
    byline: str
    published_at: datetime.datetime
    source: str
    recorded_on: datetime.date | None = None
    views: int = 0
    reactions: dict = field(default_factory=dict)  # choice -> count
    time_known: bool = True
    source_url: str = ""
    category_id: int | None = None
    related_codes: tuple = ()
    cohort_ids: tuple = ()


def find_legacy_article(legacy: LegacyArticle) -> Article | None:
    """The article already imported from this one: same region and older address, or, with
    no address, same region, title and day of publication."""
    imported = Article.objects.filter(region_id=legacy.region_code, legacy__isnull=False)
    if legacy.source_url:
        return imported.filter(legacy__source_url=legacy.source_url).first()
    day = timezone.localtime(legacy.published_at, _zone_of(legacy.region_code)).date()
    for article in imported.filter(title=legacy.title):
        if timezone.localtime(article.published_at, article.tzinfo).date() == day:
            return article
    return None


def _zone_of(region_code):
    if region_code is None:
        return zoneinfo.ZoneInfo(NATIONAL_TIMEZONE)
    return Region.objects.select_related("province").get(pk=region_code).tzinfo


@transaction.atomic
def import_legacy_article(user, legacy: LegacyArticle) -> tuple[Article, bool]:
    """Publish an article moved from an older portal, keeping the views and reactions that
    portal counted apart from what Cerdas counts; once: importing it again changes nothing.

    ``user`` None is the site itself (``load_records``); a person must be an editor of the
    region (or of national news)."""
    if user is not None and not can_write_in(user, legacy.region_code):
        raise PermissionDenied
    existing = find_legacy_article(legacy)
    if existing is not None:
        return existing, False
    unknown = set(legacy.reactions) - set(Reaction.Choice.values)
    if unknown or any(int(n) < 0 for n in legacy.reactions.values()) or legacy.views < 0:
        raise ValueError("Reaction counts are whole numbers of the four answers.")
    article = Article.objects.create(
        region_id=legacy.region_code,
        title=legacy.title,
        summary=legacy.summary,
        body=clean_body(legacy.body),
        byline=legacy.byline,
        category_id=legacy.category_id,
        author=user,
        status=Article.Status.PUBLISHED,
        published_at=legacy.published_at,
        publish_time_known=legacy.time_known,
    )
    article.related_regions.set(legacy.related_codes)
    article.related_cohorts.set(legacy.cohort_ids)
    recorded = LegacyCounts.objects.create(
        article=article,
        source=legacy.source,
        source_url=legacy.source_url,
        recorded_on=legacy.recorded_on,
        views=legacy.views,
        **{choice: int(n) for choice, n in legacy.reactions.items()},
    )
    article.log_action(
        "article.imported",
        user=user,
        reason=legacy.source,
        changes={
            "views": recorded.views,
            "reactions": recorded.reaction_counts(),
            "recorded_on": str(recorded.recorded_on),
        },
    )
    _content_changed()
    return article, True
