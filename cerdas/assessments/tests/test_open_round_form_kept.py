"""The empty "Open a round" form is drawn once and kept for every manager, until what it
shows changes: the frameworks to choose from, or the provinces to tick."""

from cerdas.assessments.models import Framework
from cerdas.core.cache import bump_version
from cerdas.regions.models import Province

PATH = "/penilaian/kelola/"


def _form(response) -> str:
    assert response.status_code == 200
    html = response.content.decode()
    return html[html.index('<form method="post" class="stacked-form">') :]


def test_a_new_or_renamed_framework_is_offered_at_once(client, national_admin):
    client.force_login(national_admin)
    readiness = Framework.objects.get(family="readiness", version=1)
    assert f">{readiness}</option>" in _form(client.get(PATH))

    Framework.objects.filter(pk=readiness.pk).update(name="Kesiapan yang diganti namanya")
    renamed = _form(client.get(PATH))
    assert ">Kesiapan yang diganti namanya (v1)</option>" in renamed

    copy = Framework.objects.get(pk=readiness.pk)
    copy.pk, copy.version = None, 99
    copy.save()
    assert ">Kesiapan yang diganti namanya (v99)</option>" in _form(client.get(PATH))


def test_the_provinces_to_tick_are_kept_until_the_regions_change(client, national_admin):
    client.force_login(national_admin)
    assert "Papua" in _form(client.get(PATH))
    Province.objects.filter(code="91").update(name="Papua Baru")
    assert "Papua Baru" not in _form(client.get(PATH))  # kept: a change not announced

    bump_version("regions")  # what importing the regions announces
    assert "Papua Baru" in _form(client.get(PATH))


def test_a_form_sent_with_mistakes_is_drawn_afresh_with_what_was_typed(client, national_admin):
    client.force_login(national_admin)
    client.get(PATH)
    response = client.post(PATH, {"name": "Seleksi yang belum lengkap", "purpose": "selection"})
    form = _form(response)
    assert 'value="Seleksi yang belum lengkap"' in form
    assert "errorlist" in form
