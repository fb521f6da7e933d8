"""What the cohorts app does when another app announces something (connected in ready())."""

from . import services


def record_final_selection(sender, *, year, name, region_codes, reason, source, user, **kwargs):
    """A round's final selection becomes (or joins) the cohort of its year."""
    services.record_selection(
        year=year, name=name, region_codes=region_codes, user=user, reason=reason, source=source
    )
    return True


def exclude_earlier_members(sender, *, year, **kwargs) -> set[str]:
    """A region that was in an earlier cohort is not selected again."""
    return services.earlier_members(year=year)
