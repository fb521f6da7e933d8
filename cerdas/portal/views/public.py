"""What readers see: news lists, articles, reactions, feeds and the sitemap."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.csrf import csrf_failure
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from cerdas.core.cache import is_shareable, public_page
from cerdas.core.origin import same_origin
from cerdas.portal import counting, reactions, tasks
from cerdas.portal.counting import READER_COOKIE
from cerdas.portal.forms import ReactionForm, SearchForm
from cerdas.portal.models import Article
from cerdas.portal.services import PORTAL
from cerdas.regions.models import Region

PAGE_SIZE = 10
# How long an anonymous article page is shared: its view count and reaction figures lag at
# most this long (the stored counts never lag); an edit retires it at once.
ARTICLE_PAGE_TIMEOUT = 60
LIST_FIELDS = ("region__province", "category")


def _get_readable_article(pk: int, with_views: bool = False) -> Article:
    """A published (or archived) article whose time has come; 404 for anything else.

    ``with_views`` also reads its views not yet flushed, in the same query.
    """
    articles = counting.articles_with_views() if with_views else Article.objects.all()
    # Outside its kept parts ({% shared %}) the page shows the title, the summary and the
    # views, and a reaction needs the status: the text, the region and the category are read
    # when a kept part is drawn again (once per version for every reader), not every time.
    return get_object_or_404(articles.readable().defer("body"), pk=pk)


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


def article(request, pk, slug=""):
    """One article: the page, then the view counted and the reader cookie handed out.

    The page itself is the same for every anonymous reader, so it comes from the page cache
    (``_article_page``); what is personal happens here, around it, and never enters the
    cache: recording this reader's view (``counting.record_view``: a row the database keeps
    only for the reader's first view in the window) and giving a first-time reader the cookie
    that later recognises them.
    """
    response = _article_page(request, pk, slug)
    if response.status_code != 200:
        return response
    return article_served(request, response, pk)


def article_served(request, response, pk, slug=""):
    """What happens on every serving of the article page, whether rendered, taken from the
    cache here, or served early by ``cerdas.core.middleware.SharedPageMiddleware``."""
    new_cookie = None
    if reactions.reader_token(request) is None:
        new_cookie = reactions.new_reader_token(request)
    if counting.counting_enabled() and counting.record_view(request, pk):
        tasks.schedule_flush()
    if new_cookie:
        # Now, not only with the first reaction: reloading after a reaction (which needs
        # the cookie anyway) is then still the same reader.
        _set_reader_cookie(request, response, new_cookie)
    return response


# The page lists related cohorts and approved masterplans: their changes retire it too.
ARTICLE_KINDS = (PORTAL, "cohorts", "masterplans")


@public_page(
    *ARTICLE_KINDS,
    timeout=ARTICLE_PAGE_TIMEOUT,
    served="cerdas.portal.views.public.article_served",
)
def _article_page(request, pk, slug):
    """The article page. Shared from the cache by every anonymous visitor, so it holds
    nothing of theirs: no CSRF token (``react`` protects the post another way) and no
    answer of theirs. Signed-in users and readers with a message waiting (just after they
    answered) get it rendered for them, with their token and their answer."""
    shared = is_shareable(request)
    if not shared:
        # A page rendered for one reader shows their own earlier views (written by this
        # worker's view writer a few milliseconds after they were counted).
        counting.wait_for_writes(timeout=0.5)
    item = _get_readable_article(pk, with_views=True)
    if slug != item.slug:
        return redirect(item, permanent=True)
    totals = reactions.totals(item.pk)
    # Read only when a kept part of the page (its head, its body) is drawn again.
    images = SimpleLazyObject(lambda: list(item.images.all()))
    context = {
        "article": item,
        "images": images,
        "lead_image": SimpleLazyObject(lambda: images[0] if images else None),
        # Shown in the kept body: read only when it is drawn again.
        "related_regions": SimpleLazyObject(
            lambda: list(item.related_regions.select_related("province"))
        ),
        "related_cohorts": SimpleLazyObject(lambda: list(item.public_related_cohorts())),
        "related_masterplans": SimpleLazyObject(lambda: list(item.public_related_masterplans())),
        "views": counting.total_views(item),
        "reaction_rows": reactions.with_labels(totals),
        "reaction_total": totals["total"],
        "my_choice": None
        if shared
        else reactions.current_choice(reactions.reader_token(request), item.pk),
        "form_needs_token": request.user.is_authenticated,
        # The article itself is the same for every reader; around it, the view count and the
        # reaction form are rendered for the reader ({% shared %} in the template).
        "shared_kinds": " ".join(ARTICLE_KINDS),
    }
    return render(request, "portal/article.html", context)


def _set_reader_cookie(request, response, cookie) -> None:
    response.set_cookie(
        READER_COOKIE,
        cookie.value,
        max_age=reactions.reaction_memory(),
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _refuse_cross_site(request):
    """Why a reaction post from another site is refused, though anonymous pages hold no token.

    The anonymous article page is served from the shared cache, so it cannot carry a CSRF
    token tied to one visitor. The post is protected another way:

    - the post must come from a page of this site: its ``Origin`` header (which browsers
      send with every POST, form or fetch), or lacking it its ``Referer`` (sent to our own
      origin under our ``Referrer-Policy: same-origin``), must be this site or one of
      ``CSRF_TRUSTED_ORIGINS``; a post with neither is refused. Another site's form or script
      cannot forge the ``Origin`` a browser sends;
    - the reader cookie and the session cookie are ``SameSite=Lax``: a cross-site post does
      not carry them, so it could never change an existing reader's answer anyway;
    - every post counts against the address's hourly limit (``reactions.address_limit``).

    A signed-in user's page is rendered for them with Django's CSRF token, and their post
    must carry it as well, as every other form of Cerdas does.
    """
    if not same_origin(request):
        return csrf_failure(request, reason="Origin or Referer is not this site.")
    if request.user.is_authenticated:
        return CsrfViewMiddleware(lambda _request: None).process_view(request, None, (), {})
    return None


@csrf_exempt  # protected by _refuse_cross_site, which says why
@require_POST
def react(request, pk):
    """Record the reader's reaction: a plain form post (answered with a redirect back to the
    article and a message), or the same post from portal.js (answered with JSON)."""
    refused = _refuse_cross_site(request)
    if refused is not None:
        return refused
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
            new_cookie = reactions.new_reader_token(request)
            token = f"cookie:{new_cookie.token}"
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
