"""Check-your-answers pages before steps that cannot be undone.

A step that cannot simply be undone (publishing results, closing a jury, ending a
membership, deleting a record) is taken only by a POST that carries ``confirmed=yes``, and
that field comes only from the confirmation page: the page says what will happen and what
is still missing, and posts the person's answers again with the confirmation. The step's
service is called with ``confirmed=True`` only then, and refuses otherwise.
"""

from django.shortcuts import render

CONFIRM_FIELD = "confirmed"
CONFIRM_VALUE = "yes"


def is_confirmed(request) -> bool:
    """Whether this POST comes from a confirmation page."""
    return request.method == "POST" and request.POST.get(CONFIRM_FIELD) == CONFIRM_VALUE


def confirm_page(
    request,
    *,
    title: str,
    effects: list[str],
    button: str,
    back_url: str,
    missing: list[str] | None = None,
    blocking: list[str] | None = None,
    answers: list[tuple[str, str]] | None = None,
    action: str = "",
    status: int = 200,
):
    """The page that asks before the step: what will happen, what is missing, and (for a
    form already filled in) the answers given, posted again with the confirmation."""
    posted = []
    if request.method == "POST":
        posted = [
            (name, value)
            for name in request.POST
            if name not in ("csrfmiddlewaretoken", CONFIRM_FIELD)
            for value in request.POST.getlist(name)
        ]
    return render(
        request,
        "confirm_page.html",
        {
            "title": title,
            "effects": effects,
            "missing": missing or [],
            "blocking": blocking or [],
            "answers": answers or [],
            "posted": posted,
            "button": button,
            "back_url": back_url,
            "action": action or request.path,
            "confirm_field": CONFIRM_FIELD,
            "confirm_value": CONFIRM_VALUE,
        },
        status=status,
    )
