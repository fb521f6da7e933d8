"""News statistics as an open dataset: views and reactions of each published article.

Only published articles (published, their publish time reached); no text of the article
beyond its title, no author, no reader. Views are those already folded in by the view
counter's flush (``cerdas.portal.counting``); counts an older portal recorded before the
article moved into Cerdas are kept in their own columns, as the article's page keeps them.
"""

import datetime

from django.db.models import Count, Max, Min, Q
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from cerdas.core.registries import REGION, Column, Dataset, datasets
from cerdas.portal.models import Article, ArticleView, Reaction
from cerdas.portal.services import PORTAL

CHOICES = tuple(Reaction.Choice.values)

FIELDS = (
    Column("article_id", "integer", _("Article number (its page is /berita/<number>/...)")),
    Column("region_code", "string", _("Kemendagri code of the region (empty: national news)")),
    Column("region_name", "string", _("Name of the region")),
    Column("title", "string", _("Title of the article")),
    Column("category", "string", _("Category")),
    Column("published_at", "datetime", _("Publish time")),
    Column("views", "integer", _("Views counted by Cerdas")),
    *(
        Column(f"reactions_{choice}", "integer", format_lazy("{}: {}", _("Reactions"), label))
        for choice, label in Reaction.Choice.choices
    ),
    Column("reactions_total", "integer", _("Reactions counted by Cerdas")),
    Column("recorded_views", "integer", _("Views an older portal recorded")),
    *(
        Column(
            f"recorded_{choice}",
            "integer",
            format_lazy("{}: {}", _("Reactions an older portal recorded"), label),
        )
        for choice, label in Reaction.Choice.choices
    ),
    Column("is_demo", "boolean", _("Demo content")),
)


def _articles(region_ids):
    articles = Article.objects.published()
    if region_ids is not None:
        articles = articles.filter(region_id__in=region_ids)
    return articles


def rows(region_ids=None):
    articles = (
        _articles(region_ids)
        .select_related("region", "category", "legacy")
        .annotate(
            **{
                f"n_{choice}": Count("reactions", filter=Q(reactions__choice=choice))
                for choice in CHOICES
            }
        )
        .order_by("published_at", "pk")
    )
    for article in articles.iterator(chunk_size=500):
        counts = [getattr(article, f"n_{choice}") for choice in CHOICES]
        legacy = getattr(article, "legacy", None)
        yield (
            article.pk,
            article.region_id or "",
            article.region.name if article.region_id else "",
            article.title,
            article.category.name if article.category_id else "",
            article.published_at.isoformat(),
            article.views,
            *counts,
            sum(counts),
            legacy.views if legacy else 0,
            *(getattr(legacy, choice) if legacy else 0 for choice in CHOICES),
            article.is_demo,
        )


def regions():
    return set(_articles(None).exclude(region=None).values_list("region_id", flat=True).distinct())


def modified(region_ids=None):
    articles = _articles(region_ids)
    times = [
        articles.aggregate(last=Max("updated_at"))["last"],
        Reaction.objects.filter(article__in=articles).aggregate(last=Max("updated_at"))["last"],
    ]
    # Views reach the rows when the counter's flush folds them in; a flushed view's window
    # end (capped at now) says when that happened closely enough.
    window = ArticleView.objects.filter(flushed=True, article__in=articles).aggregate(
        last=Max("window_end")
    )["last"]
    if window:
        times.append(min(datetime.datetime.fromtimestamp(window, datetime.UTC), timezone.now()))
    return max((t for t in times if t), default=None)


def temporal(region_ids=None):
    span = _articles(region_ids).aggregate(first=Min("published_at"), last=Max("published_at"))
    if span["first"] is None:
        return None
    return span["first"].date(), span["last"].date()


def register() -> None:
    datasets.register(
        Dataset(
            "news-statistics",
            _("News views and reactions"),
            _(
                "Every published news article with its views and the readers' answers to "
                "“Bagaimana Tanggapan Anda?” (very satisfied, satisfied, fairly satisfied, "
                "not satisfied), and, apart, the counts an older portal recorded."
            ),
            fields=FIELDS,
            rows=rows,
            modified=modified,
            regions=regions,
            temporal=temporal,
            scope=REGION,
            frequency="continual",
            kinds=(PORTAL,),
            order=50,
        )
    )
