"""National admins edit a framework's weights, method and indicators; used versions stay frozen."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cerdas.assessments import computing
from cerdas.assessments.models import Dimension, Framework, Indicator
from cerdas.core.models import AuditEntry


def readiness():
    return Framework.objects.get(family="readiness", version=1)


def _weights(framework, **changed) -> dict:
    """The weights form as shown, with some fields (``d<pk>``/``i<pk>``) changed."""
    data = {}
    for dimension in framework.dimensions.prefetch_related("indicators"):
        data[f"d{dimension.pk}"] = str(dimension.weight).replace(".", ",")
        for indicator in dimension.indicators.all():
            data[f"i{indicator.pk}"] = str(indicator.weight).replace(".", ",")
    return {**data, **changed}


def _url(framework, rest=""):
    return f"/penilaian/kelola/kerangka/{framework.pk}/{rest}"


def test_weights_that_do_not_add_up_are_refused_and_what_was_typed_stays(client, national_admin):
    framework = readiness()
    first = framework.dimensions.first()
    client.force_login(national_admin)
    response = client.post(_url(framework), _weights(framework, **{f"d{first.pk}": "31,5"}))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Jumlah bobot dimensi harus 100%." in body
    assert 'value="31,5"' in body
    first.refresh_from_db()
    assert first.weight == 25
    assert Framework.objects.filter(family="readiness").count() == 1


def test_with_normalise_ticked_the_weights_are_scaled_to_100(client, national_admin):
    framework = readiness()
    dimensions = list(framework.dimensions.all())
    client.force_login(national_admin)
    typed = {f"d{d.pk}": "30" for d in dimensions}
    infrastructure = Dimension.objects.get(framework=framework, code="infrastructure")
    indicators = list(infrastructure.indicators.all())
    typed.update({f"i{i.pk}": "10" for i in indicators})
    response = client.post(_url(framework), {**_weights(framework, **typed), "normalise": "on"})
    assert response.status_code == 302
    assert [d.weight for d in framework.dimensions.all()] == [Decimal(25)] * 4
    assert sum(i.weight for i in infrastructure.indicators.all()) == 100
    assert {i.weight for i in infrastructure.indicators.all()} == {Decimal(25)}
    assert AuditEntry.objects.filter(action="assessments.framework_edited").exists()


def test_a_framework_used_by_a_finished_round_changes_into_a_new_version(
    client, national_admin, computed_round
):
    old = computed_round.framework
    first = old.dimensions.first()
    scores = dict(computed_round.participants.values_list("region_id", "score"))
    client.force_login(national_admin)
    others = [d for d in old.dimensions.all() if d.pk != first.pk]
    typed = {f"d{first.pk}": "40", **{f"d{d.pk}": "20" for d in others}}
    response = client.post(_url(old), _weights(old, **typed), follow=True)
    new = Framework.objects.get(family="readiness", version=2)
    assert response.redirect_chain[-1][0] == _url(new)
    assert "disimpan sebagai versi 2" in response.content.decode()
    assert new.dimensions.get(code=first.code).weight == 40
    assert new.previous_id == old.pk
    # The finished round keeps its version, its weights and so its scores.
    computed_round.refresh_from_db()
    assert computed_round.framework_id == old.pk
    first.refresh_from_db()
    assert first.weight == 25
    api = client.get(f"/api/v1/assessments/frameworks/{old.pk}").json()
    assert [d["weight"] for d in api["dimensions"]] == [25.0] * 4
    computing.compute_round(round_id=computed_round.pk, user=national_admin)
    assert dict(computed_round.participants.values_list("region_id", "score")) == scores


def test_the_scoring_method_is_changed_in_the_apps_own_page(client, national_admin):
    framework = readiness()
    client.force_login(national_admin)
    assert client.get(_url(framework, "metode/")).status_code == 200
    data = {
        "name": framework.name,
        "description": framework.description,
        "assumptions": framework.assumptions,
        "normalisation": "zscore",
        "missing_policy": "lowest",
        "aggregation": "median",
        "disagreement_share": "0,3",
    }
    assert client.post(_url(framework, "metode/"), data).status_code == 302
    framework.refresh_from_db()
    assert (framework.normalisation, framework.missing_policy, framework.aggregation) == (
        "zscore",
        "lowest",
        "median",
    )
    entry = AuditEntry.objects.get(action="assessments.framework_settings_edited")
    assert entry.changes["normalisation"] == ["minmax", "zscore"]


def test_a_bad_disagreement_threshold_is_refused_and_the_rest_stays_typed(client, national_admin):
    framework = readiness()
    client.force_login(national_admin)
    data = {
        "name": "Nama baru",
        "normalisation": "zscore",
        "missing_policy": "lowest",
        "aggregation": "mean",
        "disagreement_share": "3",
    }
    body = client.post(_url(framework, "metode/"), data).content.decode()
    assert "Masukkan bagian antara 0 dan 1" in body
    assert 'value="Nama baru"' in body
    framework.refresh_from_db()
    assert framework.normalisation == "minmax"


def test_changing_the_method_of_a_frozen_framework_makes_a_new_version(
    client, national_admin, computed_round
):
    old = computed_round.framework
    client.force_login(national_admin)
    data = {
        "name": old.name,
        "normalisation": "zscore",
        "missing_policy": old.missing_policy,
        "aggregation": old.aggregation,
        "disagreement_share": str(old.disagreement_share).replace(".", ","),
    }
    client.post(_url(old, "metode/"), data)
    old.refresh_from_db()
    assert old.normalisation == "minmax"
    assert Framework.objects.get(family="readiness", version=2).normalisation == "zscore"


INDICATOR = {
    "dimension": "infrastructure",
    "code": "fibre_km",
    "name": "Fibre optic network",
    "question": "",
    "weight": "10",
    "kind": "data",
    "direction": "higher",
    "unit": "km",
    "source": "Diskominfo",
    "scale_min": "0",
    "scale_max": "",
}


def test_an_admin_adds_an_indicator_and_sees_that_the_weights_need_fixing(client, national_admin):
    framework = readiness()
    client.force_login(national_admin)
    assert client.get(_url(framework, "indikator/")).status_code == 200
    response = client.post(_url(framework, "indikator/"), INDICATOR, follow=True)
    indicator = Indicator.objects.get(dimension__framework=framework, code="fibre_km")
    assert (indicator.dimension.code, indicator.unit, indicator.source, indicator.weight) == (
        "infrastructure",
        "km",
        "Diskominfo",
        10,
    )
    body = response.content.decode()
    assert "Fibre optic network" in body
    assert "Jumlah bobot indikator dalam Infrastruktur 110.00%, bukan 100%." in body
    assert AuditEntry.objects.filter(action="assessments.indicator_added").exists()


def test_an_admin_edits_an_indicators_kind_direction_and_scale(client, national_admin):
    framework = readiness()
    indicator = Indicator.objects.get(dimension__framework=framework, code="ict_staff")
    client.force_login(national_admin)
    url = _url(framework, f"indikator/{indicator.pk}/")
    assert 'value="ict_staff"' in client.get(url).content.decode()
    data = {
        **INDICATOR,
        "dimension": "sdm",
        "code": "ict_staff",
        "name": "ICT staff rating",
        "weight": "30",
        "kind": "scale",
        "direction": "lower",
        "scale_min": "1",
        "scale_max": "5",
        "evidence_required": "on",
    }
    assert client.post(url, data).status_code == 302
    indicator.refresh_from_db()
    assert (indicator.name, indicator.kind, indicator.direction) == (
        "ICT staff rating",
        "scale",
        "lower",
    )
    assert (indicator.scale_min, indicator.scale_max, indicator.evidence_required) == (1, 5, True)
    entry = AuditEntry.objects.get(action="assessments.indicator_edited")
    assert entry.changes["kind"] == ["data", "scale"]


@pytest.mark.parametrize(
    ("changed", "message"),
    [
        ({"kind": "scale", "scale_min": "5", "scale_max": "1"}, "Nilai tertinggi harus di atas"),
        ({"kind": "scale", "scale_min": "", "scale_max": ""}, "Skala memerlukan nilai terendah"),
        ({"code": "internet_households"}, "Indikator lain dalam kerangka ini memakai kode ini."),
        ({"weight": "0"}, "Masukkan bobot di atas 0"),
    ],
)
def test_a_bad_indicator_is_refused_and_what_was_typed_stays(
    client, national_admin, changed, message
):
    framework = readiness()
    client.force_login(national_admin)
    data = {**INDICATOR, "name": "Jaringan serat optik", **changed}
    response = client.post(_url(framework, "indikator/"), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert message in body
    assert 'value="Jaringan serat optik"' in body
    assert not Indicator.objects.filter(name="Jaringan serat optik").exists()


def test_editing_an_indicator_of_a_frozen_framework_makes_a_new_version(
    client, national_admin, computed_round
):
    old = computed_round.framework
    indicator = Indicator.objects.get(dimension__framework=old, code="ict_staff")
    client.force_login(national_admin)
    data = {**INDICATOR, "dimension": "sdm", "code": "ict_staff", "name": "Renamed", "weight": "30"}
    client.post(_url(old, f"indikator/{indicator.pk}/"), data)
    indicator.refresh_from_db()
    assert indicator.name == "Pegawai berkualifikasi TIK di Diskominfo"
    new = Framework.objects.get(family="readiness", version=2)
    assert Indicator.objects.get(dimension__framework=new, code="ict_staff").name == "Renamed"
    assert Indicator.objects.filter(dimension__framework=new).count() == len(
        old.ordered_indicators()
    )


def test_the_framework_page_is_kept_yet_every_change_shows_on_the_next_view(
    client, national_admin, django_capture_on_commit_callbacks
):
    framework = readiness()
    first = framework.dimensions.first()
    client.force_login(national_admin)
    client.get(_url(framework))
    with CaptureQueriesContext(connection) as ctx:
        body = client.get(_url(framework)).content.decode()
    read = " ".join(q["sql"] for q in ctx.captured_queries)
    assert '"assessments_indicator"' not in read and '"assessments_dimension"' not in read
    assert f'name="d{first.pk}" value="25' in body
    typed = {f"d{d.pk}": "20" for d in framework.dimensions.all()}
    typed[f"d{first.pk}"] = "40"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url(framework), _weights(framework, **typed))
    assert f'name="d{first.pk}" value="40' in client.get(_url(framework)).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url(framework, "indikator/"), INDICATOR)
    body = client.get(_url(framework)).content.decode()
    assert "Fibre optic network" in body and "bukan 100%" in body
