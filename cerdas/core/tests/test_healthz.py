import pytest
from django.db.migrations.recorder import MigrationRecorder


@pytest.mark.django_db
def test_healthz_answers_ok_when_the_database_is_migrated(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "pending_migrations": 0}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_answers_503_while_a_migration_is_not_applied(client):
    MigrationRecorder.Migration.objects.filter(app="core").delete()
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["pending_migrations"] >= 1
