import pytest

from cerdas.regions.engine.names import RegionResolver
from cerdas.regions.engine.tests.lokal import RECORDS


@pytest.fixture(scope="session")
def resolver() -> RegionResolver:
    """One resolver of the real regions for the tests that only read it.

    Built once per run (a resolver holds no state a test could change, only caches of its
    own answers): under `make mutate`, where each mutant's tests run fastest first across
    modules, a fixture per module was built again at every change of module.
    """
    return RegionResolver(RECORDS)
