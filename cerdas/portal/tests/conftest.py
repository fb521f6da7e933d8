import pytest


@pytest.fixture
def media(settings, tmp_path):
    """Uploads go to a temporary folder, removed after the test."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
