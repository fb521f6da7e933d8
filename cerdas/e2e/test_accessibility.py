"""Every main page passes the automated accessibility check (axe-core, WCAG 2 A/AA) on a phone
and on a desktop, for visitors, a region's team and the program office."""

import pytest

from cerdas.e2e.accessibility import (
    AXE,
    PHONE,
    WIDE_DESKTOP,
    log_in,
    main_pages,
    seeded_page,
    violations,
)

pytestmark = pytest.mark.skipif(
    not AXE.exists(), reason="axe-core is missing: run `make axe` (npm ci) first"
)


@pytest.fixture(params=[PHONE, WIDE_DESKTOP], ids=["phone", "desktop"])
def demo_page(request, browser, live_server, regions):
    page = seeded_page(browser, live_server, request.param)
    yield page
    page.context.close()


def test_every_main_page_passes_the_accessibility_check_and_fits_the_screen(demo_page):
    page = demo_page
    found = []
    for username, paths in main_pages().items():
        if username:
            log_in(page, username)
        for path in paths:
            response = page.goto(page.base_url + path)
            assert response.status < 400, f"{path} answered {response.status}"
            who = username or "visitor"
            found += [f"{who} {path}: {line}" for line in violations(page)]
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            if overflow > 0:
                found.append(f"{who} {path}: the page scrolls sideways ({overflow}px too wide)")
    assert not found, "\n".join(found)


def test_the_check_reports_what_it_finds(browser):
    """A page with an unlabelled field and a picture without text fails the check."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.set_content(
        '<html lang="id"><head><title>Uji</title></head><body><main>'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text">'
        "</main></body></html>"
    )
    found = " ".join(violations(page))
    context.close()
    assert "image-alt" in found
    assert "label" in found
