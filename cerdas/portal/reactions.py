"""Reactions ("Bagaimana Tanggapan Anda?"): one per reader per article, changeable, anonymous.

A reader is known by a keyed hash of the account or a random first-party cookie, plus the
article: nothing about the person, and no link between their answers to two articles. The
hash expires (``PORTAL_REACTION_MEMORY`` seconds, 30 days by default) and is then erased;
the answer stays counted. Flooding is limited per address with ``cerdas.core.ratelimit``
(in the database, so no eviction, restart or second worker resets it); the address is kept
there only as a keyed hash, for the hour of its window.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from cerdas.core.querysets import built_once
from cerdas.core.ratelimit import Limit
from cerdas.lib.percentages import percentages
from cerdas.portal.counting import (
    articles_with_views,
    client_address,
    count_per_article,
    keyed_hash,
    new_reader_cookie,
    reader_cookie,
)
from cerdas.portal.models import LegacyCounts, Reaction
from cerdas.portal.receivers import readership_changed

CHOICES = list(Reaction.Choice.values)
LIMIT_WINDOW = 3600
TOTALS_TIMEOUT = 60


class TooManyReactions(Exception):
    """This address sent more reactions in the last hour than a person would."""


def reaction_limit() -> int:
    return int(getattr(settings, "PORTAL_REACTION_LIMIT", 30))


def reaction_memory() -> int:
    return int(getattr(settings, "PORTAL_REACTION_MEMORY", 30 * 24 * 3600))


def new_reader_token(request):
    """A reader cookie for a first-time anonymous reader (``counting.ReaderCookie``)."""
    return new_reader_cookie(request)


def reader_token(request) -> str | None:
    """The account or the reader cookie; None for a first-time anonymous reader."""
    if settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated:
        return f"user:{request.user.pk}"
    cookie = reader_cookie(request)
    return f"cookie:{cookie.token}" if cookie else None


def reader_hash(token: str, article_id: int) -> str:
    return keyed_hash("reaction", f"{token}#{article_id}")


def address_limit() -> Limit:
    return Limit("portal.react", reaction_limit(), LIMIT_WINDOW)


def check_address_limit(request) -> None:
    """Count this reaction against the sender's address; raise once over the hourly limit."""
    if not address_limit().hit(client_address(request)):
        raise TooManyReactions


def react(article_id: int, token: str, choice: str) -> Reaction:
    """Record or change this reader's reaction to the article."""
    if choice not in CHOICES:
        raise ValueError(choice)
    digest = reader_hash(token, article_id)
    now = timezone.now()
    values = {
        "choice": choice,
        "updated_at": now,
        "hash_expires_at": now + dt.timedelta(seconds=reaction_memory()),
    }
    for _attempt in range(2):
        try:
            with transaction.atomic():
                reaction, _created = Reaction.objects.update_or_create(
                    article_id=article_id, reader_hash=digest, defaults=values
                )
                # Forget the cached totals now and again once committed, so a reader who
                # cached them in between does not keep the old figures.
                cache.delete(_totals_key(article_id))
                transaction.on_commit(lambda: cache.delete(_totals_key(article_id)))
                readership_changed()
                return reaction
        except IntegrityError:
            # The same reader's other request created the row a moment ago: update it.
            continue
    raise RuntimeError("reaction could not be stored")


def current_choice(token: str | None, article_id: int) -> str | None:
    if token is None:
        return None
    return (
        Reaction.objects.filter(article_id=article_id, reader_hash=reader_hash(token, article_id))
        .values_list("choice", flat=True)
        .first()
    )


def _totals(counts: dict[str, int]) -> dict:
    ordered = {choice: counts.get(choice, 0) for choice in CHOICES}
    return {
        "counts": ordered,
        "percentages": percentages(ordered),
        "total": sum(ordered.values()),
    }


def totals_for(article_ids: Iterable[int]) -> dict[int, dict]:
    """Counts, percentages (summing to 100) and number of responses per article, in one query."""
    ids = list(article_ids)
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    rows = (
        Reaction.objects.filter(article_id__in=ids)
        .values("article_id", "choice")
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in rows:
        counts[row["article_id"]][row["choice"]] = row["n"]
    # What an older portal had counted before the article moved here counts too.
    for legacy in LegacyCounts.objects.filter(article_id__in=ids):
        for choice, recorded in legacy.reaction_counts().items():
            counts[legacy.article_id][choice] = counts[legacy.article_id].get(choice, 0) + recorded
    return {article_id: _totals(counts[article_id]) for article_id in ids}


def counted_here(article_id: int) -> dict[str, int]:
    """Each answer's count as Cerdas recorded it, without what an older portal recorded."""
    rows = Reaction.objects.filter(article_id=article_id).values_list("choice")
    counted = dict(rows.annotate(n=Count("id")).order_by())
    return {choice: counted.get(choice, 0) for choice in CHOICES}


def with_responses(queryset):
    """Annotate each article of ``queryset`` with ``responses``: its number of reactions, those
    an older portal recorded included (``totals_for``'s ``total``), in the article's own query."""
    responses = count_per_article(Reaction.objects.filter(choice__in=CHOICES))
    for choice in CHOICES:
        responses += Coalesce(F(f"legacy__{choice}"), Value(0))
    return queryset.annotate(responses=responses)


@built_once
def articles_with_responses():
    """``articles_with_views``, with ``responses`` too."""
    return with_responses(articles_with_views())


def _totals_key(article_id: int) -> str:
    return f"portal:reaction-totals:{article_id}"


def totals(article_id: int) -> dict:
    """One article's totals, kept in the cache until its next reaction (or a minute)."""
    key = _totals_key(article_id)
    result = cache.get(key)
    if result is None:
        result = totals_for([article_id])[article_id]
        cache.set(key, result, TOTALS_TIMEOUT)
    return result


def with_labels(result: dict) -> list[dict]:
    """The totals as rows a template can loop over, in the order of the question."""
    labels = dict(Reaction.Choice.choices)
    return [
        {
            "value": choice,
            "label": labels[choice],
            "count": result["counts"][choice],
            "percent": result["percentages"][choice],
        }
        for choice in CHOICES
    ]
