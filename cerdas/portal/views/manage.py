"""What editors use: writing and publishing news, images, and the readership dashboard."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cerdas.core.addresses import address_pattern
from cerdas.core.cache import desk_kinds
from cerdas.core.confirm import confirm_page, is_confirmed
from cerdas.core.numbers import show as number
from cerdas.masterplans.receivers import DESK as MASTERPLANS_DESK
from cerdas.portal import counting, reactions, receivers, services, stats
from cerdas.portal.forms import ArticleForm, ImageForm, LegacyArticleForm, PeriodForm, StatusForm
from cerdas.portal.models import (
    NATIONAL_TIMEZONE,
    Article,
    ArticleImage,
    LegacyCounts,
    Reaction,
)
from cerdas.portal.permissions import can_edit_article, can_use_dashboard
from cerdas.portal.views.public import ARTICLE_KINDS


def _get_article_for_user(request, pk: int) -> Article:
    """The article, if the signed-in user may edit it; else 404 or 403."""
    article = get_object_or_404(
        Article.objects.select_related("region__province", "category"), pk=pk
    )
    if not can_edit_article(request.user, article):
        raise PermissionDenied
    return article


def _require_editor(request) -> None:
    if not can_use_dashboard(request.user):
        raise PermissionDenied


@login_required
def article_list(request):
    """The articles this editor may edit, newest first, with their readership."""
    _require_editor(request)
    # The list shows no text of an article: its body (often long) is left in the database.
    # Its readers and responses are counted in the same query (one snapshot, no second trip).
    articles = (
        reactions.articles_with_responses()
        .for_user(request.user)
        .select_related("region")
        .defer("body", "summary")
    )
    status = request.GET.get("status", "")
    if status in Article.Status.values:
        articles = articles.filter(status=status)
    page = Paginator(articles.order_by("-updated_at"), 25).get_page(request.GET.get("page"))
    edit, stats = address_pattern("portal:manage_edit"), address_pattern("portal:manage_stats")
    rows = [
        (a, counting.total_views(a), edit.format(a.pk), stats.format(a.pk))
        for a in page.object_list
    ]
    return render(
        request,
        "portal/manage/article_list.html",
        {
            "page": page,
            "rows": rows,
            "status": status,
            "statuses": Article.Status.choices,
            "query": f"status={status}" if status else "",
            # The table is kept (article_list.html) per who sees which articles, and per
            # what its rows count and say, read above: a view or a response counted, a
            # status turning (a scheduled article published on the clock) draw it again;
            # any other change of an article announces its region's desk.
            "kinds": " ".join(_articles_desk(request.user)),
            "shown": [
                request.user.visibility,
                status,
                page.number,
                page.paginator.count,
                [(a.pk, views, a.responses, a.display_status) for a, views, _, _ in rows],
            ],
        },
    )


@login_required
def article_create(request):
    _require_editor(request)
    form = None
    if request.method == "POST":
        form = ArticleForm(request.POST, user=request.user)
        if form.is_valid():
            article = services.save_article(
                request.user,
                None,
                form.service_fields(),
                form.cleaned_data["related"],
                **form.link_fields(),
            )
            messages.success(request, _("The article is saved as a draft."))
            return redirect("portal:manage_edit", article.pk)
    return _render_editor(request, None, form)


def _render_editor(request, article, form=None, *, status=200, **extra):
    """The article editor. Its fields, unbound, are kept per article and per
    ``User.visibility`` (``receivers``): the form is built only when the kept copy has
    retired. A form sent back (with its errors) is drawn afresh, as ``{% shared %}`` draws
    every part on a POST."""
    user = request.user
    if form is None:
        form = SimpleLazyObject(lambda: ArticleForm(instance=article, user=user))
    context = {
        "form": form,
        "article": article,
        "editor_kinds": _editor_kinds(article),
        "viewer": user.visibility,
    }
    return render(request, "portal/manage/article_form.html", {**context, **extra}, status=status)


def _editor_kinds(article) -> str:
    """What the editor's fields show: the lists to pick from (regions, categories, cohorts,
    masterplans) and, for an article, its region's desk (its text and links)."""
    lists = ("cohorts", MASTERPLANS_DESK, receivers.CATEGORIES)
    if article is None:
        return " ".join(["regions", *lists])
    return " ".join(desk_kinds(receivers.DESK, article.region_id, *lists))


@login_required
def article_import(request):
    """Move an article from an older portal into Cerdas with the views and reactions that
    portal counted (kept apart from what Cerdas counts); asks before it publishes."""
    _require_editor(request)
    form = LegacyArticleForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        legacy = form.legacy_article()
        existing = services.find_legacy_article(legacy)
        if existing is not None:
            messages.info(request, _("This article was imported before: nothing was changed."))
            return redirect("portal:manage_edit", existing.pk)
        if not is_confirmed(request):
            return _confirm_import(request, form, legacy)
        article, _created = services.import_legacy_article(request.user, legacy)
        messages.success(
            request,
            _("The article is published with the counts of the older portal."),
        )
        return redirect("portal:manage_edit", article.pk)
    return render(request, "portal/manage/import_form.html", {"form": form})


def _confirm_import(request, form, legacy):
    counts = " / ".join(
        f"{label}: {number(legacy.reactions[choice])}" for choice, label in Reaction.Choice.choices
    )
    zone = form.cleaned_data["region"].tzinfo if form.cleaned_data.get("region") else None
    day = formats.date_format(timezone.localtime(legacy.published_at, zone), "j F Y")
    return confirm_page(
        request,
        title=_("Publish “%(title)s” with its counts?") % {"title": legacy.title},
        effects=[
            _("The article is published at once, dated %(day)s as on the older portal.")
            % {"day": day},
            _(
                "Its page starts from %(views)s views and these answers: %(counts)s. They stay "
                "marked as the older portal's: editors see them apart from what Cerdas counts "
                "from now on, and they cannot be changed later."
            )
            % {"views": number(legacy.views), "counts": counts},
        ],
        answers=[
            (form.fields["title"].label, legacy.title),
            (form.fields["byline"].label, legacy.byline),
            (form.fields["source"].label, legacy.source),
        ],
        button=_("Publish with these counts"),
        back_url=reverse("portal:manage"),
    )


@login_required
def article_edit(request, pk):
    article = _get_article_for_user(request, pk)
    form = None
    if request.method == "POST":
        form = ArticleForm(request.POST, instance=article, user=request.user)
        if form.is_valid():
            services.save_article(
                request.user,
                article.pk,
                form.service_fields(),
                form.cleaned_data["related"],
                **form.link_fields(),
            )
            messages.success(request, _("Your changes are saved."))
            return redirect("portal:manage_edit", article.pk)
    return _render_editor(
        request,
        article,
        form,
        status_form=StatusForm(article=article),
        origin=_counts_origin(article),
    )


def _counts_origin(article) -> dict | None:
    """For an article moved from an older portal: what that portal counted, and what Cerdas
    has counted since, so that its editors see where each figure comes from."""
    legacy = LegacyCounts.objects.filter(article=article).first()
    if legacy is None:
        return None
    recorded, since = legacy.reaction_counts(), reactions.counted_here(article.pk)
    labels = dict(Reaction.Choice.choices)
    return {
        "legacy": legacy,
        "rows": [
            (labels[choice], recorded[choice], since[choice]) for choice in Reaction.Choice.values
        ],
        "views_since": counting.views_counted_here(article.pk),
    }


@login_required
@require_POST
def article_status(request, pk):
    article = _get_article_for_user(request, pk)
    status_form = StatusForm(request.POST, article=article)
    if status_form.is_valid():
        data = status_form.cleaned_data
        article = services.change_status(
            request.user, article.pk, data["status"], data["publish_at"], data["reason"]
        )
        messages.success(
            request,
            _("The article is now: %(status)s.") % {"status": article.display_status},
        )
        return redirect("portal:manage_edit", article.pk)
    return _render_editor(request, article, status_form=status_form, status=400)


@login_required
def article_preview(request, pk):
    """The article as readers will see it, for its editors, even before it is published."""
    article = _get_article_for_user(request, pk)
    # Read only when a kept part of the page is drawn again: the parts are kept as the
    # public page's are, under its kinds and the desk of the article's region (every save of
    # an article or its links announces there, published or not), apart from the public
    # page's copies and per status shown (a scheduled article turns published on the clock).
    images = SimpleLazyObject(lambda: list(article.images.all()))
    return render(
        request,
        "portal/article.html",
        {
            "article": article,
            "images": images,
            "lead_image": SimpleLazyObject(lambda: images[0] if images else None),
            "related_regions": SimpleLazyObject(lambda: list(article.related_regions.all())),
            "related_cohorts": SimpleLazyObject(lambda: list(article.public_related_cohorts())),
            "related_masterplans": SimpleLazyObject(
                lambda: list(article.public_related_masterplans())
            ),
            "views": article.views,
            "preview": article.display_status,
            "shared_kinds": " ".join(desk_kinds(receivers.DESK, article.region_id, *ARTICLE_KINDS)),
        },
    )


@login_required
def article_images(request, pk):
    article = _get_article_for_user(request, pk)
    form = ImageForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.add_image(
                request.user, article.pk, data["image"], data["alt_text"], data["caption"]
            )
        except ValidationError as error:
            form.add_error("image", error)
        else:
            messages.success(request, _("The picture is added."))
            return redirect("portal:manage_images", article.pk)
    return render(
        request,
        "portal/manage/article_images.html",
        {"article": article, "form": form, "images": article.images.all()},
        status=400 if form.errors else 200,
    )


@login_required
def image_delete(request, image_pk):
    """Remove a picture after a page that says the file is deleted for good."""
    image = get_object_or_404(ArticleImage, pk=image_pk)
    article = _get_article_for_user(request, image.article_id)
    back = reverse("portal:manage_images", args=[article.pk])
    if is_confirmed(request):
        services.remove_image(request.user, image.pk, confirmed=True)
        messages.success(request, _("The picture is removed."))
        return redirect(back)
    effects = [
        _(
            "The picture “%(alt)s” is removed from the article and its file is deleted; it cannot "
            "be brought back, only uploaded again."
        )
        % {"alt": image.alt_text},
    ]
    if article.is_visible() and image.position == 0:
        effects.append(_("Readers see the next picture first, also when the article is shared."))
    return confirm_page(
        request,
        title=_("Remove this picture?"),
        effects=effects,
        button=_("Remove the picture"),
        back_url=back,
    )


def _zone_for(user, article=None):
    import zoneinfo

    if article is not None:
        return article.tzinfo
    if user.region_id:
        return user.region.tzinfo
    return zoneinfo.ZoneInfo(NATIONAL_TIMEZONE)


@login_required
def article_stats(request, pk):
    """One article's views and reactions per day in a period, with a chart and CSV."""
    article = _get_article_for_user(request, pk)
    form = PeriodForm(request.GET or None)
    start, end = form.period(article.tzinfo)
    if request.GET.get("format") == "csv":
        figures = stats.period_stats([article.pk], start, end, article.tzinfo)
        return _csv_response(f"berita-{article.pk}-{start}-{end}.csv", *_daily_csv(figures))
    kinds = desk_kinds(receivers.DESK, article.region_id, receivers.READERSHIP)
    return _readership_page(
        request,
        "portal/manage/article_stats.html",
        form,
        (start, end),
        kinds,
        lambda: _readership(stats.period_stats([article.pk], start, end, article.tzinfo)),
        article=article,
        # The views not yet folded into the total count too: read on every view.
        views_total=counting.shown_views([article.pk])[article.pk],
    )


@login_required
def overview(request):
    """All the editor's articles over a period: views, reactions, satisfaction, chart, CSV."""
    _require_editor(request)
    zone = _zone_for(request.user)
    form = PeriodForm(request.GET or None)
    start, end = form.period(zone)
    if request.GET.get("format") == "csv":
        rows = _overview(request.user, start, end, zone)["rows"]
        return _csv_response(f"berita-{start}-{end}.csv", *_overview_csv(rows))
    kinds = _articles_desk(request.user, receivers.READERSHIP)
    return _readership_page(
        request,
        "portal/manage/overview.html",
        form,
        (start, end),
        kinds,
        lambda: _overview(request.user, start, end, zone),
    )


def _articles_desk(user, *more) -> list[str]:
    """The kinds the articles ``user`` edits are kept under (``Article.objects.for_user``):
    the desk of the region they edit, or of every region's, and ``more``."""
    region = None if user.can("manage_program") else user.region_id
    return desk_kinds(receivers.DESK, region, *more)


def _readership_page(request, template, form, period, kinds, figures, **extra):
    """A readership page, its figures kept (period_form.html) per who sees which articles,
    the address and the period, under ``kinds``: the desk of those articles (every save or
    delete of one announces there) and the readership (every flush of the view counts that
    adds a view, and every reaction, announces it). ``figures()`` is counted only when the
    kept copy has retired."""
    context = {
        "form": form,
        "period": period,
        "kinds": " ".join(kinds),
        "readership": SimpleLazyObject(figures),
        **extra,
    }
    return render(request, template, context)


def _overview(user, start, end, zone) -> dict:
    # What the table and the CSV show of each article; its text stays in the database.
    articles = list(
        Article.objects.for_user(user)
        .exclude(published_at=None)
        .only("title", "published_at", "region")
    )
    figures = stats.period_stats([a.pk for a in articles], start, end, zone)
    rows = []
    stats_address = address_pattern("portal:manage_stats")  # one reverse, not one a row
    for article in articles:
        counts = figures["reactions_by_article"].get(
            article.pk, dict.fromkeys(reactions.CHOICES, 0)
        )
        rows.append(
            {
                "article": article,
                "stats_url": stats_address.format(article.pk),
                "views": figures["views_by_article"].get(article.pk, 0),
                "counts": counts,
                "responses": sum(counts.values()),
                "satisfaction": stats.satisfaction_share(counts),
            }
        )
    rows.sort(key=lambda row: -row["views"])
    return _readership(figures, rows=rows)


def _readership(figures, **extra) -> dict:
    """What a readership page shows of ``figures`` (``stats.period_stats``)."""
    labels = dict(Reaction.Choice.choices)
    start, end = figures["days"][0], figures["days"][-1]
    return {
        "start": start,
        "end": end,
        "figures": figures,
        "views_chart": _chart(list(figures["views_by_day"].items())),
        "reactions_chart": _chart(
            [(day, sum(c.values())) for day, c in figures["reactions_by_day"].items()]
        ),
        "reaction_rows": [
            {
                "label": labels[c],
                "count": figures["reactions_total"][c],
                "percent": figures["reaction_percentages"][c],
            }
            for c in reactions.CHOICES
        ],
        "choice_labels": [labels[c] for c in reactions.CHOICES],
        "csv_query": f"start={start}&end={end}&format=csv",
        **extra,
    }


def _chart(values) -> dict:
    chart = stats.bar_chart(values)
    chart["bar_marks"], chart["label_marks"] = stats.chart_marks(chart)
    return chart


def _daily_csv(figures):
    header = ["date", "views", *reactions.CHOICES]
    rows = [
        [
            day.isoformat(),
            figures["views_by_day"][day],
            *(figures["reactions_by_day"][day][c] for c in reactions.CHOICES),
        ]
        for day in figures["days"]
    ]
    return header, rows


def _overview_csv(rows):
    header = [
        "id",
        "title",
        "region",
        "published_at",
        "views",
        *reactions.CHOICES,
        "responses",
        "satisfied_percent",
    ]
    lines = [
        [
            row["article"].pk,
            row["article"].title,
            row["article"].region_id or "national",
            row["article"].published_at.isoformat(),
            row["views"],
            *(row["counts"][c] for c in reactions.CHOICES),
            row["responses"],
            "" if row["satisfaction"] is None else row["satisfaction"],
        ]
        for row in rows
    ]
    return header, lines


def _csv_response(filename: str, header, rows) -> HttpResponse:
    response = HttpResponse(stats.csv_text(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
