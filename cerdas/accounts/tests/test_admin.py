import pytest

from cerdas.core.models import AuditEntry


@pytest.mark.django_db
def test_the_administration_signs_in_through_the_throttled_login(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/akun/masuk/")


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["member_a", "assessor_a", "officer_a", "citizen"])
def test_only_national_admins_with_staff_access_reach_the_administration(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    response = client.get("/admin/accounts/user/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_changing_a_users_role_in_the_administration_is_audited(
    client, national_admin, citizen, region_a
):
    national_admin.is_staff = national_admin.is_superuser = True
    national_admin.save()
    client.force_login(national_admin)
    url = f"/admin/accounts/user/{citizen.pk}/change/"
    form = client.get(url).context["adminform"].form
    data = {key: value for key, value in form.initial.items() if value is not None}
    data.update(
        username="citizen",
        role="regional_team",
        region="35.22",
        date_joined_0="2026-01-01",
        date_joined_1="00:00:00",
        assigned_regions=[],
        groups=[],
        user_permissions=[],
    )
    data.pop("agency", None)
    data.pop("last_login", None)
    data.pop("password", None)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    citizen.refresh_from_db()
    assert (citizen.role, citizen.region_id) == ("regional_team", "35.22")
    entry = AuditEntry.objects.get(action="user.role_changed")
    assert entry.actor == national_admin
    assert entry.region_code == "35.22"
    assert entry.changes["role"] == "regional_team"
