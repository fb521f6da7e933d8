"""The accessibility check: axe-core (package.json) run in the page, WCAG 2 A and AA rules."""

import io
from pathlib import Path

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 360, "height": 780}
WIDE_DESKTOP = {"width": 1366, "height": 768}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return result.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 4).map((n) => n.target.join(" ")),
  }));
}"""


def seeded_page(browser, live_server, viewport):
    """A page on the demo site, at this size; the test's CSP is bypassed to inject axe."""
    from django.core.management import call_command

    from cerdas.assessments import defaults
    from cerdas.assessments.models import Dimension, Framework, Indicator
    from cerdas.masterplans.reference import seed_reference_data
    from conftest import PASSWORD

    # Live-server tests empty every table after each test, migrations' data included.
    defaults.install(Framework, Dimension, Indicator)
    seed_reference_data()
    call_command("seed_demo", password=PASSWORD, stdout=io.StringIO())
    context = browser.new_context(viewport=viewport, locale="id-ID", bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.base_url = live_server.url
    return page


def log_in(page, username):
    from conftest import PASSWORD

    page.context.clear_cookies()
    page.goto(f"{page.base_url}/akun/masuk/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/akun/masuk/" not in url)


def violations(page) -> list[str]:
    """What axe finds wrong on the page as it is now, one line per rule broken."""
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(RUN_AXE, WCAG_TAGS)
    return [f"{v['rule']} ({v['impact']}): {v['help']} — {', '.join(v['nodes'])}" for v in found]


def main_pages() -> dict[str, list[str]]:
    """The main pages of the demo site, by who opens them (None: a visitor who is not signed in)."""
    from cerdas.assessments.models import Round
    from cerdas.complaints.models import Report
    from cerdas.implementation.models import Record
    from cerdas.masterplans.models import Masterplan
    from cerdas.portal.models import Article
    from cerdas.surveys.models import Survey

    round_ = Round.objects.filter(is_demo=True, status="published").order_by("pk").first()
    article = Article.objects.filter(status="published").order_by("-pk").first()
    plan = Masterplan.objects.filter(region_id="35.22", status="approved").first()
    draft = Masterplan.objects.exclude(status="approved").order_by("pk").first()
    survey = Survey.objects.filter(status="open").order_by("pk").first()
    results = Survey.objects.filter(published_at__isnull=False).order_by("pk").first()
    report = Report.objects.filter(privacy="public").order_by("pk").first()
    record = Record.objects.filter(region_id="35.22").order_by("pk").first()
    public = [
        "/",
        "/wilayah/",
        "/wilayah/?q=Kupang",
        "/wilayah/35.22/",
        "/berita/",
        "/berita/nasional/",
        "/berita/wilayah/35.22/",
        article.get_absolute_url(),
        "/penilaian/",
        round_.get_absolute_url(),
        f"/penilaian/{round_.slug}/peringkat/",
        f"/penilaian/{round_.slug}/wilayah/35.22/",
        "/angkatan/",
        "/angkatan/2017/",
        "/angkatan/2017/seminar/",
        "/angkatan/2017/penghargaan/",
        "/masterplan/",
        plan.get_absolute_url(),
        "/masterplan/bandingkan/",
        "/pengaduan/",
        "/pengaduan/wilayah/35.22/",
        "/pengaduan/wilayah/35.22/lapor/",
        "/survei/",
        "/survei/wilayah/35.22/",
        f"/survei/isi/{survey.pk}/",
        results.get_absolute_url(),
        results.unit.get_absolute_url(),
        "/implementasi/",
        "/implementasi/35.22/",
        "/data/",
        "/data/?q=Bojonegoro",
        "/data/regions/",
        "/dasbor/",
        "/dasbor/35.22/",
        "/kalender/",
        "/akun/masuk/",
        "/akun/lupa-sandi/",
    ]
    if report is not None:
        public.append(report.get_absolute_url())
    if record is not None:
        public.append(record.get_absolute_url())
    team = [
        "/akun/",
        "/akun/sandi/",
        "/angkatan/2017/wilayah/35.22/",
        "/angkatan/2017/wilayah/35.22/kewajiban/",
        plan.get_manage_url(),
        "/masterplan/kelola/",
        "/survei/kelola/",
        "/pengaduan/kelola/",
        "/berita/kelola/",
        "/implementasi/35.22/periode/",
    ]
    if record is not None:
        team.append(record.get_absolute_url() + "perbarui/")
    admin = [
        "/akun/",
        "/penilaian/kelola/",
        f"/penilaian/kelola/{round_.pk}/",
        f"/penilaian/kelola/kerangka/{round_.framework_id}/",
        "/angkatan/2017/kelola/",
        "/angkatan/2017/papan/",
        "/angkatan/2017/anggota/",
        "/angkatan/2017/juri/",
        "/masterplan/kelola/",
        draft.get_manage_url() if draft else plan.get_manage_url(),
        f"/masterplan/{plan.pk}/versi/",
        "/berita/kelola/",
        "/berita/kelola/baru/",
        "/berita/kelola/statistik/",
        "/pengaduan/kelola/",
        "/pengaduan/kelola/statistik/",
        "/survei/kelola/",
        f"/survei/kelola/{survey.pk}/",
        "/wilayah/35.22/audit/",
        "/audit/",
    ]
    return {None: public, "tim.bojonegoro": team, "admin": admin}
