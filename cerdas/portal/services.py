"""Writing news: creating and editing articles, publishing, images. Each in one transaction."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from cerdas.core.images import process_upload
from cerdas.core.registries import PROFILE
from cerdas.core.signals import content_changed
from cerdas.portal.models import Article, ArticleImage
from cerdas.portal.permissions import can_write_in, linkable_masterplans
from cerdas.portal.sanitize import clean_body

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
