import pytest


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "link"),
    [
        ("national_admin", "/penilaian/kelola/"),
        ("member_a", "/masterplan/kelola/"),
        ("assessor_a", "/penilaian/"),
        ("officer_a", "/masterplan/kelola/"),
        ("citizen", "/berita/"),
    ],
)
def test_each_role_finds_its_work_from_the_account_page(client, request, persona, link):
    client.force_login(request.getfixturevalue(persona))
    response = client.get("/akun/")
    assert response.status_code == 200
    assert f'href="{link}"' in response.content.decode()


@pytest.mark.django_db
def test_the_header_links_every_public_part_of_cerdas(client):
    body = client.get("/").content.decode()
    for link in ("/berita/", "/wilayah/", "/penilaian/", "/angkatan/", "/masterplan/"):
        assert f'href="{link}"' in body
