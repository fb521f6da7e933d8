"""The portal's open API: published articles and their reaction totals (read only)."""

from datetime import datetime

from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router, Schema

from cerdas.core.schemas import check_page
from cerdas.portal import counting, reactions
from cerdas.portal.models import Article

router = Router(tags=["portal"])

MAX_LIMIT = 100


class ChoiceFigures(Schema):
    sangat_puas: int
    puas: int
    cukup_puas: int
    tidak_puas: int


class ReactionsOut(Schema):
    counts: ChoiceFigures
    percentages: ChoiceFigures  # whole numbers summing to 100 (0 everywhere without answers)
    total: int


class ArticleOut(Schema):
    id: int
    url: str  # the public page
    title: str
    summary: str
    region: str | None  # Kemendagri code; null for national news
    region_name: str | None
    category: str | None
    tags: list[str]
    author: str
    published_at: datetime
    views: int
    reactions: ReactionsOut


class RelatedCohortOut(Schema):
    year: int
    name: str
    url: str  # the cohort's public page


class RelatedMasterplanOut(Schema):
    id: int
    title: str
    region: str  # Kemendagri code
    url: str  # the masterplan's public page


class ArticleDetailOut(ArticleOut):
    body: str  # sanitised HTML
    related_regions: list[str]
    related_cohorts: list[RelatedCohortOut]
    related_masterplans: list[RelatedMasterplanOut]  # approved ones only
    images: list[dict]


class ArticlePage(Schema):
    count: int
    limit: int
    offset: int
    items: list[ArticleOut]


def _article_out(request, article: Article, views: int, totals: dict) -> dict:
    return {
        "id": article.pk,
        "url": request.build_absolute_uri(article.get_absolute_url()),
        "title": article.title,
        "summary": article.summary,
        "region": article.region_id,
        "region_name": article.region.name if article.region_id else None,
        "category": article.category.name if article.category_id else None,
        "tags": article.tag_list,
        "author": article.byline,
        # In the article's own zone (WIB for national news), with its offset.
        "published_at": timezone.localtime(article.published_at, article.tzinfo),
        "views": views,
        "reactions": totals,
    }


@router.get("", response=ArticlePage, summary="List published articles, newest first")
def list_articles(
    request,
    region: str = "",
    national: bool = False,
    q: str = "",
    limit: int = 20,
    offset: int = 0,
):
    """Published articles. Filter by `region` (Kemendagri code), `national=true` (national
    news only) and `q` (words in the title, summary, body or tags). `limit` is at most 100.
    `views` includes views not yet written to the database; `reactions.percentages` sum to
    100 (largest remainder)."""
    check_page(limit, offset, max_limit=MAX_LIMIT)
    articles = Article.objects.published().select_related("region", "category").search(q)
    if region:
        articles = articles.filter(region_id=region)
    if national:
        articles = articles.filter(region=None)
    count = articles.count()
    page = list(articles[offset : offset + limit])
    ids = [article.pk for article in page]
    views = counting.shown_views(ids)
    totals = reactions.totals_for(ids)
    return {
        "count": count,
        "limit": limit,
        "offset": offset,
        "items": [_article_out(request, a, views[a.pk], totals[a.pk]) for a in page],
    }


def _published(pk: int) -> Article:
    return get_object_or_404(
        Article.objects.published().select_related("region", "category"), pk=pk
    )


@router.get("/{int:pk}", response=ArticleDetailOut, summary="One published article")
def article_detail(request, pk: int):
    article = _published(pk)
    out = _article_out(request, article, counting.shown_views([pk])[pk], reactions.totals(pk))
    out["body"] = article.body
    out["related_regions"] = list(article.related_regions.values_list("pk", flat=True))
    out["related_cohorts"] = [
        {
            "year": cohort.year,
            "name": cohort.name,
            "url": request.build_absolute_uri(cohort.get_absolute_url()),
        }
        for cohort in article.public_related_cohorts()
    ]
    out["related_masterplans"] = [
        {
            "id": plan.pk,
            "title": plan.title,
            "region": plan.region_id,
            "url": request.build_absolute_uri(plan.get_absolute_url()),
        }
        for plan in article.public_related_masterplans()
    ]
    out["images"] = [
        {
            "url": request.build_absolute_uri(image.image.url),
            "thumbnail_url": request.build_absolute_uri(image.thumbnail.url),
            "alt_text": image.alt_text,
            "caption": image.caption,
            "width": image.width,
            "height": image.height,
        }
        for image in article.images.all()
    ]
    return out


@router.get("/{int:pk}/reactions", response=ReactionsOut, summary="Reaction totals")
def article_reactions(request, pk: int):
    """Counts per answer, percentages summing to 100, and the number of responses."""
    _published(pk)
    return reactions.totals(pk)
