import pytest


@pytest.fixture
def regions_for_threads(transactional_db):
    """The real regions: transactional tests empty the tables after each test."""
    from cerdas.regions.services import import_regions

    import_regions()


@pytest.fixture
def media(settings, tmp_path):
    """Uploads go to a temporary folder, removed after the test."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
