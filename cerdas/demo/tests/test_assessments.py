from io import StringIO

import pytest
from django.core.management import call_command

from cerdas.assessments.models import Round
from cerdas.records.cohort_2017 import cohort_2017_codes


@pytest.mark.django_db
def test_the_demo_publishes_the_2017_round_with_exactly_the_real_cohort_selected(client):
    call_command("seed_demo", stdout=StringIO())
    call_command("seed_demo", stdout=StringIO())  # idempotent
    assert Round.objects.filter(is_demo=True).count() == 2
    round_ = Round.objects.get(year=2017)
    items = client.get(f"/api/v1/assessments/rounds/{round_.pk}/results").json()
    assert len(items) == 80
    assert sorted(i["region_code"] for i in items if i["selected"]) == sorted(cohort_2017_codes())
    from cerdas.cohorts.models import Membership

    members = Membership.objects.filter(cohort__year=2017).values_list("region_id", flat=True)
    assert set(cohort_2017_codes()) <= set(members)
    assert round_.slug == "2017-kesiapan"
    page = client.get("/penilaian/2017-kesiapan/").content.decode()
    assert "demo" in page
    assert client.get("/penilaian/2017-kesiapan/peringkat/").status_code == 200
    # bench/pages_assessments.txt measures these addresses: the 514-region ranking too.
    assert client.get("/penilaian/2018-evaluasi/peringkat/").content.count(b"<tr") == 515
    # The first addresses, by database id, lead to the same page.
    assert client.get(f"/penilaian/{round_.pk}/peringkat/")["Location"] == (
        "/penilaian/2017-kesiapan/peringkat/"
    )
