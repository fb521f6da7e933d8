"""The resolver at its edges, one rule at a time (written against mutation testing)."""

import pytest

from cerdas.regions.engine.names import AMBIGUOUS, REASON_PARTIAL, UNKNOWN, RegionResolver
from cerdas.regions.engine.tests.lokal import RECORDS


@pytest.fixture(scope="module")
def resolver() -> RegionResolver:
    return RegionResolver(RECORDS)


def test_a_whole_name_is_looked_for_among_up_to_eight_written_words(resolver):
    eight = resolver.resolve("Bojonegoro kali lama desa baru sekali dan jauh")
    assert eight.status == AMBIGUOUS
    assert [(c.code, c.reason) for c in eight.candidates] == [("35.22", REASON_PARTIAL)]
    # A ninth word puts the text past the look-up: nothing is offered.
    nine = resolver.resolve("Bojonegoro kali lama desa baru sekali dan jauh sana")
    assert nine.status == UNKNOWN
    assert nine.candidates == ()
