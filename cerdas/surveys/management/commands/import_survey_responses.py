"""Import paper questionnaires from the command line: unit and survey made when missing.

    manage.py import_survey_responses FILE --region 35.22 --unit "NAME" \
        --period 2026-01-01:2026-06-30 [--population N] [--skip-invalid] [--publish]

Rejected rows are listed with their line numbers. Nothing is written when any row is
invalid, unless --skip-invalid is given; then the valid rows are imported. --publish
publishes the results. The last line printed is the survey's id alone.
"""

import datetime as dt
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from cerdas.regions.models import Region
from cerdas.surveys import services


def period(text: str) -> tuple[dt.date, dt.date]:
    try:
        start, end = (dt.date.fromisoformat(part.strip()) for part in text.split(":"))
    except ValueError as error:
        raise CommandError(
            f"--period must be FIRST:LAST as dates, e.g. 2026-01-01:2026-06-30, not {text!r}"
        ) from error
    if end < start:
        raise CommandError(f"--period: the last day {end} is before the first day {start}")
    return start, end


class Command(BaseCommand):
    help = "Import SKM questionnaires (CSV or XLSX, columns U1..U9) into a unit's survey."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--region", required=True, help="Kemendagri code, e.g. 35.22")
        parser.add_argument("--unit", required=True, help="the service unit's name")
        parser.add_argument("--period", required=True, help="FIRST:LAST (ISO dates)")
        parser.add_argument("--population", type=int, help="people served in the period")
        parser.add_argument("--skip-invalid", action="store_true", help="import the valid rows")
        parser.add_argument("--publish", action="store_true", help="publish the results")

    def handle(self, *args, **options):
        start, end = period(options["period"])
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        if not Region.objects.filter(pk=options["region"]).exists():
            raise CommandError(f"--region {options['region']}: no kabupaten/kota has this code")
        if options["population"] is not None and options["population"] < 1:
            raise CommandError("--population must be at least 1")
        try:
            survey, batch = services.import_for_unit(
                region_id=options["region"],
                unit_name=options["unit"],
                period_start=start,
                period_end=end,
                filename=path.name,
                content=path.read_bytes(),
                skip_invalid=options["skip_invalid"],
                publish_results=options["publish"],
                population=options["population"],
            )
        except services.ImportRefused as refused:
            self._report(refused.rows)
            raise CommandError(
                f"{len(refused.rows)} rows are invalid: nothing was imported. Correct them, or "
                "give --skip-invalid to import the valid rows only."
            ) from refused
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        rejected = [row for row in batch.rows if not row["valid"]]
        self._report(rejected)
        self.stdout.write(
            f"Imported {batch.imported} of {len(batch.rows)} rows into "
            f"{survey.unit.name} {start}:{end}"
            + (" and published the results." if survey.is_published else ".")
        )
        self.stdout.write(str(survey.pk))

    def _report(self, rows) -> None:
        for row in rows:
            self.stderr.write(f"line {row['line']}: {' '.join(row['problems'])}")
