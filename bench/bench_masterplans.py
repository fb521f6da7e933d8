"""Masterplan export and comparison speed on a 60-program plan (issue 5's targets).

Run: ``DJANGO_SETTINGS_MODULE=cerdas.settings DEBUG=1 SECRET_KEY=x .venv/bin/python
bench/bench_masterplans.py``. It builds a throw-away SQLite database in a temporary
directory, creates a 60-program plan with two submitted versions, and times the DOCX and
PDF exports and the version comparison page. Each figure is reported as a ratio to its
target and to a baseline measured in the same run on the same machine (a one-paragraph
DOCX, a one-page PDF, and the same page comparing a version with itself), so the verdict
holds on any machine. Results go to bench/masterplans.md.

Other work on the machine stretches wall times (the process waits for a CPU) far more than
the CPU time it spends, so both are reported, with how busy the CPUs were before and after
the run; it first waits (``--wait-idle`` seconds, 120 by default) for them to quieten.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cerdas.settings")
os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("SECRET_KEY", "bench-only")
os.environ["VAR_DIR"] = tempfile.mkdtemp(prefix="bench-masterplans-")
os.environ.pop("DATABASE_URL", None)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

TARGETS = {"docx": 2.0, "pdf": 1.5, "compare": 0.2}
ROUNDS = 5
BUSY_PERCENT = 25  # other work's share of the CPUs above which figures are noisy


def timed(function, rounds=ROUNDS) -> tuple[float, float]:
    """The median wall and CPU times of ``rounds`` calls, in seconds, after a warm-up call."""
    function()
    walls, cpus = [], []
    for _round in range(rounds):
        start, start_cpu = time.perf_counter(), time.process_time()
        function()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - start_cpu)
    return statistics.median(walls), statistics.median(cpus)


def build_plan():
    from cerdas.accounts.models import User
    from cerdas.masterplans import services
    from cerdas.masterplans.models import Dimension, Horizon
    from cerdas.regions.models import Agency

    team = User.objects.create(username="bench.team", role="regional_team", region_id="35.22")
    reviewer = User.objects.create(username="bench.admin", role="national_admin")
    agency = Agency.objects.create(region_id="35.22", name="Dinas Bench")
    plan = services.create_masterplan("35.22", "Bench plan", 2025, 2034, team)
    for kind in ("introduction", "swot", "vision", "monitoring"):
        section = plan.sections.get(kind=kind)
        data = {
            name: "Teks contoh. " * 80
            for name in (
                "background",
                "legal_basis",
                "strengths",
                "weaknesses",
                "vision",
                "mission",
                "monitoring",
            )
        }
        services.save_section(plan.pk, kind, data, section.version, team)
    dimensions = list(Dimension.objects.all())
    horizons = list(Horizon.values)
    for index in range(60):
        start = 2025 + index % 6
        end = min(start + index % 4, 2034)
        horizon = horizons[index % 4]
        if horizon == Horizon.QUICK_WIN:
            end = start + 1
        values = {
            "name": f"Program {index:02d}",
            "dimension": dimensions[index % 6],
            "horizon": horizon,
            "start_year": start,
            "end_year": end,
            "agency": agency,
            "description": "Uraian program. " * 10,
        }
        budgets = [
            {"year": y, "source": "apbd", "amount": 250_000_000 + index}
            for y in range(start, end + 1)
        ]
        indicators = [{"name": "Indikator", "unit": "%", "baseline": 10, "target": 90}]
        services.save_program(plan.pk, values, budgets, indicators, team)
    services.transition(plan.pk, "submit", team)
    services.transition(plan.pk, "start_review", reviewer)
    services.transition(plan.pk, "return", reviewer, "Perbaiki.")
    for program in plan.programs.all()[:20]:
        program.name += " (revisi)"
        program.save()
    services.transition(plan.pk, "resubmit", team)
    return plan, team


def main() -> None:
    from bench.run import cpu_busy_percent, wait_until_quiet

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wait-idle", type=int, default=120, metavar="SECONDS")
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    call_command("import_regions", verbosity=0)
    plan, team = build_plan()

    import io

    from docx import Document
    from weasyprint import HTML

    from cerdas.masterplans.documents import document_context
    from cerdas.masterplans.documents.docx import render_docx
    from cerdas.masterplans.documents.pdf import render_pdf
    from cerdas.masterplans.snapshot import build_snapshot

    def docx():
        render_docx(document_context(build_snapshot(plan)))

    def docx_baseline():
        document = Document()
        document.add_paragraph("Halo")
        document.save(io.BytesIO())

    def pdf():
        render_pdf(document_context(build_snapshot(plan)))

    def pdf_baseline():
        HTML(string="<p>Halo</p>").write_pdf()

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(team)
    first, second = plan.versions.order_by("number")
    url = f"/masterplan/{plan.pk}/versi/"

    def compare():
        response = client.get(url, {"a": first.pk, "b": second.pk})
        assert response.status_code == 200 and b"(revisi)" in response.content

    def compare_baseline():
        assert client.get(url, {"a": first.pk, "b": first.pk}).status_code == 200

    busy_before = wait_until_quiet(args.wait_idle)
    rows = []
    for name, work, baseline in (
        ("docx", docx, docx_baseline),
        ("pdf", pdf, pdf_baseline),
        ("compare", compare, compare_baseline),
    ):
        (seconds, cpu), (base, base_cpu) = timed(work), timed(baseline)
        rows.append((name, seconds, cpu, base, base_cpu))
    report(rows, busy_before, cpu_busy_percent())


LABELS = {
    "docx": "DOCX export, 60 programs",
    "pdf": "PDF export, 60 programs",
    "compare": "Compare two versions (page), 60 programs",
}


def report(rows, busy_before, busy_after) -> None:
    busy = max(busy_before or 0, busy_after or 0)
    lines = [
        "# Masterplan benchmark",
        "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} CPUs; median of "
        f"{ROUNDS} runs after a warm-up. Command: `DJANGO_SETTINGS_MODULE=cerdas.settings "
        "DEBUG=1 SECRET_KEY=x .venv/bin/python bench/bench_masterplans.py`. Other work kept "
        f"the CPUs {busy_before} % busy just before the run and {busy_after} % just after.",
        "",
        "A ratio to target below 1 meets the target (wall time). The baseline (same run) is a "
        "one-paragraph DOCX, a one-page PDF, and the comparison page comparing a version with "
        "itself. CPU time is the process's own: other work on the machine lengthens the wall "
        "time, hardly the CPU time.",
        "",
        "| figure | time | CPU time | target | ratio to target | baseline | ratio to baseline "
        "(wall / CPU) | verdict |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for name, seconds, cpu, base, base_cpu in rows:
        to_target = seconds / TARGETS[name]
        verdict = "meets" if to_target <= 1 else "MISSES"
        lines.append(
            f"| {LABELS[name]} | {seconds * 1000:.0f} ms | {cpu * 1000:.0f} ms | "
            f"{TARGETS[name] * 1000:.0f} ms | {to_target:.2f} | {base * 1000:.1f} ms | "
            f"{seconds / base:.1f} / {cpu / max(base_cpu, 1e-6):.1f} | {verdict} |"
        )
    if busy >= BUSY_PERCENT:
        lines += [
            "",
            f"**Note:** other work kept the CPUs up to {busy} % busy around the run: wall "
            "times (and their ratios) are longer than on an idle machine; the CPU times are "
            "the steadier guide. Run again on an idle machine before deciding.",
        ]
    text = "\n".join(lines) + "\n"
    (ROOT / "bench" / "masterplans.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
