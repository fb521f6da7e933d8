"""Wide tables keep each row's key in view on a phone and on a desktop; no page scrolls sideways.

A table wider than its page scrolls inside its own box: the row's name stays at the left edge
and what the row leads to (the ranking's outcome, a program's edit link, a membership's
change) at the right edge, however far the box is scrolled.
"""

import pytest

from cerdas.e2e.accessibility import PHONE, WIDE_DESKTOP, log_in, seeded_page

# (who, page, table, key cells that must stay on screen)
TABLES = [
    (None, "ranking", "main .table-wrap", ["tbody th[scope=row]", "tbody td.key-end"]),
    ("admin", "/angkatan/2017/anggota/", "main .table-wrap", ["tbody th[scope=row]"]),
    ("admin", "/angkatan/2017/papan/", "main .table-wrap", ["tbody th[scope=row]"]),
    ("admin", "draft", "#programs .table-wrap", ["tbody th[scope=row]", "tbody td.key-end"]),
    (None, "plan", "#budget-title ~ .table-wrap", ["tbody th[scope=row]"]),
    # The editor's side panel on a phone: the older portal's counts beside Cerdas' own.
    ("admin", "imported", "#origin-title ~ .table-wrap", ["tbody th[scope=row]"]),
]


@pytest.fixture(params=[PHONE, WIDE_DESKTOP], ids=["phone", "desktop"])
def demo_page(request, browser, live_server, regions):
    page = seeded_page(browser, live_server, request.param)
    yield page
    page.context.close()


def _address(name):
    from cerdas.assessments.models import Round
    from cerdas.masterplans.models import Masterplan

    if name == "ranking":
        round_ = Round.objects.filter(is_demo=True, purpose="selection").first()
        return f"/penilaian/{round_.slug}/peringkat/"
    if name == "draft":
        return Masterplan.objects.filter(region_id="32.73").first().get_manage_url()
    if name == "plan":
        return Masterplan.objects.get(region_id="35.22", status="approved").get_absolute_url()
    if name == "imported":
        from cerdas.portal.models import LegacyCounts

        return f"/berita/kelola/{LegacyCounts.objects.first().article_id}/"
    return name


def _on_screen(page, cell) -> bool:
    box = cell.bounding_box()
    width = page.viewport_size["width"]
    return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width + 0.5


def test_the_key_columns_stay_on_screen_while_a_wide_table_scrolls(demo_page):
    page = demo_page
    for username, name, table, keys in TABLES:
        if username:
            log_in(page, username)
        else:
            page.context.clear_cookies()
        path = _address(name)
        page.goto(page.base_url + path)
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0, path
        box = page.locator(table).first
        box.scroll_into_view_if_needed()
        for scrolled in ("start", "end"):
            box.evaluate(
                "(e, where) => { e.scrollLeft = where === 'end' ? e.scrollWidth : 0 }", scrolled
            )
            for key in keys:
                cells = box.locator(key)
                assert cells.count(), f"{path}: no {key}"
                for index in range(min(cells.count(), 3)):
                    cell = cells.nth(index)
                    assert cell.is_visible(), f"{path}: {key} hidden"
                    assert _on_screen(page, cell), f"{path}: {key} off screen ({scrolled})"
