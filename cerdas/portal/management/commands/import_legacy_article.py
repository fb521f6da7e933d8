"""Move one article from an older portal into Cerdas, with the counts that portal showed."""

import datetime
import zoneinfo
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.dateparse import parse_date, parse_time

from cerdas.cohorts.models import Cohort
from cerdas.portal import services
from cerdas.portal.models import NATIONAL_TIMEZONE, Reaction
from cerdas.regions.models import Region


class Command(BaseCommand):
    help = (
        "Import an article from an older portal with its recorded views and reactions "
        "(kept apart from what Cerdas counts). Importing the same article again changes "
        "nothing. Prints the article's address alone on the last line."
    )

    def add_arguments(self, parser):
        parser.add_argument("--region", default="", help="Kemendagri code; empty: national.")
        parser.add_argument("--title", required=True)
        parser.add_argument("--summary", required=True)
        parser.add_argument("--body-file", required=True, help="A text file with the body.")
        parser.add_argument("--byline", required=True, help="The author as the portal showed.")
        parser.add_argument("--published", required=True, help="YYYY-MM-DD (local date).")
        parser.add_argument("--time", default="", help="HH:MM, when the portal showed it.")
        parser.add_argument("--views", type=int, default=0)
        parser.add_argument(
            "--reactions",
            default="0,0,0,0",
            help="Sangat puas, puas, cukup puas, tidak puas, e.g. 11,1,0,2.",
        )
        parser.add_argument("--source", required=True, help="Where the counts come from.")
        parser.add_argument("--source-url", default="")
        parser.add_argument("--recorded-on", default="", help="YYYY-MM-DD the counts were read.")
        parser.add_argument("--cohort-year", type=int, help="Link the article to this cohort.")

    def handle(self, *args, **options):
        legacy = self._legacy(options)
        try:
            article, created = services.import_legacy_article(None, legacy)
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            ("Imported: " if created else "Already imported, nothing changed: ") + article.title
        )
        self.stdout.write(article.get_absolute_url())

    def _legacy(self, options) -> services.LegacyArticle:
        region = None
        if options["region"]:
            region = Region.objects.select_related("province").filter(pk=options["region"])
            region = region.first()
            if region is None:
                raise CommandError(f"No region has the code {options['region']}.")
        day = parse_date(options["published"])
        time = parse_time(options["time"]) if options["time"] else None
        if day is None or (options["time"] and time is None):
            raise CommandError("Write the date as YYYY-MM-DD and the time as HH:MM.")
        recorded_on = parse_date(options["recorded_on"]) if options["recorded_on"] else None
        if options["recorded_on"] and recorded_on is None:
            raise CommandError("Write --recorded-on as YYYY-MM-DD.")
        try:
            counts = [int(part) for part in options["reactions"].split(",")]
        except ValueError:
            counts = []
        if len(counts) != 4 or min(counts) < 0 or options["views"] < 0:
            raise CommandError("--reactions takes four whole numbers, e.g. 11,1,0,2.")
        body = Path(options["body_file"])
        if not body.is_file():
            raise CommandError(f"No file {body}.")
        zone = region.tzinfo if region else zoneinfo.ZoneInfo(NATIONAL_TIMEZONE)
        cohorts = ()
        if options["cohort_year"]:
            cohort = Cohort.objects.filter(year=options["cohort_year"]).first()
            if cohort is None:
                raise CommandError(f"No cohort of {options['cohort_year']}.")
            cohorts = (cohort.pk,)
        return services.LegacyArticle(
            region_code=region.pk if region else None,
            title=options["title"],
            summary=options["summary"],
            body=body.read_text(encoding="utf-8"),
            byline=options["byline"],
            published_at=datetime.datetime.combine(day, time or services.UNKNOWN_TIME, tzinfo=zone),
            time_known=time is not None,
            source=options["source"],
            source_url=options["source_url"],
            recorded_on=recorded_on,
            views=options["views"],
            reactions=dict(zip(Reaction.Choice.values, counts, strict=True)),
            related_codes=(region.pk,) if region else (),
            cohort_ids=cohorts,
        )
