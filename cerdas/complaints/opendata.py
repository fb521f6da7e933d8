"""Public statistics of the complaint service, for the open data app to register.

``region_rows()`` yields one row per region with reports; ``agency_rows()`` one row per
agency (OPD) with reports. Counts, shares and medians only: no text anyone wrote, no
personal data, no tracking numbers. Every report counts, confidential ones included (a count
reveals nothing of them).

Columns of both (``agency_rows`` adds ``agency``):

- ``region_code``, ``region``: Kemendagri code and name;
- ``reports``, ``open``, ``closed``: reports received; still open; ended (closed, not the
  region's authority, forwarded, archived);
- ``verified_on_time_percent``: share of verifications done within 3 working days;
- ``answered_on_time_percent``: share of first follow-ups written within the agency's
  deadline, counting as late those still unanswered past it; ``answered_on_time_count`` and
  ``answers_due`` are its numerator and denominator;
- ``median_working_days_to_verify`` / ``_to_answer`` / ``_to_close``: median working days
  from submission to verification, dispatch to follow-up, follow-up to closing;
- ``ratings``, ``satisfied_percent``: answers rated by reporters, and the share rated
  sangat puas or puas; ``rating_sangat_puas`` … ``rating_tidak_puas``: the counts.
"""

from collections.abc import Iterator

from cerdas.complaints.models import Report
from cerdas.complaints.stats import figures_for
from cerdas.regions.models import Agency, Region


def _regions():
    codes = Report.objects.values_list("region_id", flat=True).distinct()
    return Region.objects.filter(pk__in=codes).select_related("province").order_by("code")


def region_rows() -> Iterator[dict]:
    for region in _regions():
        total, _by_agency = figures_for(Report.objects.filter(region=region), region.tzinfo)
        yield {"region_code": region.code, "region": region.name, **total.row()}


def agency_rows() -> Iterator[dict]:
    for region in _regions():
        _total, by_agency = figures_for(Report.objects.filter(region=region), region.tzinfo)
        names = dict(Agency.objects.filter(pk__in=by_agency).values_list("pk", "name"))
        for agency_id, figures in sorted(by_agency.items(), key=lambda i: names.get(i[0], "")):
            yield {
                "region_code": region.code,
                "region": region.name,
                "agency": names.get(agency_id, ""),
                **figures.row(),
            }
