"""What readers see: news lists, articles, reactions, feeds and the sitemap."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cerdas.core.cache import public_page
from cerdas.portal import counting, reactions, tasks
from cerdas.portal.counting import READER_COOKIE
from cerdas.portal.forms import ReactionForm, SearchForm
from cerdas.portal.models import Article
from cerdas.portal.services import PORTAL
from cerdas.regions.models import Region

PAGE_SIZE = 10
LIST_FIELDS = ("region__province", "category")


def _get_readable_article(pk: int, counters=None) -> Article:
    """A published (or archived) article whose time has come; 404 for anything else.

    With ``counters`` it also carries the flushed mark of its view counter (same query).
    """
    articles = Article.objects.readable().select_related("region__province", "category")
    if counters is not None:
        articles = counting.with_flushed_marks(articles, counters)
    return get_object_or_404(articles, pk=pk)


def _news_list(request, articles, template_context: dict):
    form = SearchForm(request.GET or None)
    query_text = form.cleaned_data["q"] if form.is_valid() else ""
    articles = articles.search(query_text)
    page = Paginator(articles.select_related(*LIST_FIELDS), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "portal/news_list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "q": query_text,
            **template_context,
        },
    )


@public_page(PORTAL)
def home(request):
    """National and regional news, newest first, with search."""
    return _news_list(request, Article.objects.published(), {"region": None})


@public_page(PORTAL)
def national(request):
    """National news only."""
    return _news_list(request, Article.objects.published().filter(region=None), {"national": True})


@public_page(PORTAL)
def region_news(request, code):
    region = get_object_or_404(Region.objects.select_related("province"), code=code)
    return _news_list(
        request, Article.objects.published().filter(region=region), {"region": region}
    )


def _reader_context(request, article: Article, read, new_token: str | None) -> dict:
    """View count and reactions; views go up only while the portal counts them
    (PORTAL_COUNT_VIEWS), so the benchmark can compare the same page with counting off."""
    now = read
    if counting.counting_enabled() and counting.should_count(request, article.pk, new_token):
        now = counting.split(counting.buffer_view(article.pk))
        tasks.schedule_flush()
    totals = reactions.totals(article.pk)
    return {
        "views": counting.total_views(article, read, now),
        "reaction_rows": reactions.with_labels(totals),
        "reaction_total": totals["total"],
        "my_choice": reactions.current_choice(reactions.reader_token(request), article.pk),
    }


def article(request, pk, slug=""):
    """One article. Never served from the page cache: every reader must be counted, and the
    reaction form carries the reader's own CSRF token."""
    counters = counting.read_counters([pk]) if counting.counting_enabled() else None
    item = _get_readable_article(pk, counters)
    if slug != item.slug:
        return redirect(item, permanent=True)
    # A first-time anonymous reader gets the reader cookie now, so reloading after a
    # reaction (which needs the cookie anyway) is still the same reader.
    new_token = None
    if reactions.reader_token(request) is None:
        new_token = reactions.new_reader_token()
    images = list(item.images.all())
    context = {
        "article": item,
        "images": images,
        "lead_image": images[0] if images else None,
        "related_regions": item.related_regions.select_related("province"),
        "related_cohorts": item.public_related_cohorts(),
        "related_masterplans": item.public_related_masterplans(),
        **_reader_context(request, item, (counters or {}).get(pk), new_token),
    }
    response = render(request, "portal/article.html", context)
    if new_token:
        _set_reader_cookie(request, response, new_token)
    return response


def _set_reader_cookie(request, response, token: str) -> None:
    response.set_cookie(
        READER_COOKIE,
        token,
        max_age=reactions.reaction_memory(),
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


@require_POST
def react(request, pk):
    """Record the reader's reaction: a plain form post (answered with a redirect back to the
    article and a message), or the same post from portal.js (answered with JSON)."""
    item = _get_readable_article(pk)
    if not item.accepts_reactions():
        raise Http404
    form = ReactionForm(request.POST)
    status, text, token, new_cookie = 200, "", reactions.reader_token(request), None
    if not form.is_valid():
        status, text = 400, _("Choose one of the four answers.")
    else:
        try:
            reactions.check_address_limit(request)
        except reactions.TooManyReactions:
            status = 429
            text = _("Too many answers were sent from your connection. Please try again later.")
    if status == 200:
        if token is None:
            new_cookie = reactions.new_reader_token()
            token = f"cookie:{new_cookie}"
        reactions.react(item.pk, token, form.cleaned_data["choice"])
        text = _("Thank you: your answer is recorded. You can change it at any time.")
    response = _reaction_response(request, item, status, text, token)
    if new_cookie:
        _set_reader_cookie(request, response, new_cookie)
    return response


def _reaction_response(request, item, status, text, token):
    if _wants_json(request):
        totals = reactions.totals(item.pk)
        return JsonResponse(
            {
                "ok": status == 200,
                "message": text,
                "choice": reactions.current_choice(token, item.pk),
                "total": totals["total"],
                "counts": totals["counts"],
                "percentages": totals["percentages"],
            },
            status=status,
        )
    if status == 200:
        messages.success(request, text)
    else:
        messages.error(request, text)
    return redirect(item.get_absolute_url() + "#tanggapan")


@public_page(PORTAL)
def sitemap(request):
    """Every readable article's address and last change, for search engines."""
    articles = Article.objects.readable().only("pk", "slug", "updated_at")[:50000]
    return render(
        request,
        "portal/sitemap.xml",
        {"articles": articles, "now": timezone.now()},
        content_type="application/xml; charset=utf-8",
    )
