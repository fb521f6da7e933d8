"""An approved plan never changes: a revision is a new draft, approved in its turn."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cerdas.masterplans import services
from cerdas.masterplans.models import Status
from cerdas.masterplans.tests.factories import add_program, make_plan, take_through


@pytest.fixture
def approved(member_a, assessor_a):
    plan = make_plan()
    add_program(plan, name="Mal Pelayanan Publik Digital")
    return take_through(plan, member_a, assessor_a, "submit", "start_review", "approve")


@pytest.mark.django_db
def test_editing_an_approved_plan_is_refused(approved, member_a):
    section = approved.sections.get(kind="vision")
    with pytest.raises(services.NotEditable):
        services.save_section(approved.pk, "vision", {"vision": "baru"}, section.version)
    section.refresh_from_db()
    assert section.data == {}


@pytest.mark.django_db
def test_a_revision_copies_everything_and_keeps_program_keys(approved, member_a):
    draft = services.start_revision(approved.pk, member_a)
    assert draft.status == Status.DRAFT and draft.revision == 2
    assert draft.based_on == approved
    old, new = approved.programs.get(), draft.programs.get()
    assert (new.name, new.key) == (old.name, old.key)
    assert new.pk != old.pk
    assert new.budget_total() == old.budget_total() > 0
    assert new.indicators.count() == 1
    with pytest.raises(services.WorkflowError):
        services.start_revision(approved.pk, member_a)


@pytest.mark.django_db
def test_approving_the_revision_retires_the_old_plan(approved, member_a, assessor_a):
    draft = services.start_revision(approved.pk, member_a)
    take_through(draft, member_a, assessor_a, "submit", "start_review", "approve")
    approved.refresh_from_db()
    assert approved.status == Status.SUPERSEDED
    assert draft.lineage_ids() == [draft.pk, approved.pk]


@pytest.mark.django_db
def test_only_the_regions_team_starts_a_revision(approved, member_b, assessor_a):
    for user in (member_b, assessor_a):
        with pytest.raises(services.WorkflowError):
            services.start_revision(approved.pk, user)


@pytest.mark.django_db
def test_versions_are_compared_and_only_the_two_compared_are_read(client, approved, member_a):
    draft = services.start_revision(approved.pk, member_a)
    section = draft.sections.get(kind="vision")
    services.save_section(draft.pk, "vision", {"vision": "Bojonegoro Digital"}, section.version)
    client.force_login(member_a)
    url = f"/masterplan/{draft.pk}/versi/"
    with CaptureQueriesContext(connection) as ctx:
        page = client.get(url).content.decode()
    assert "Version 1" in page or "Versi 1" in page
    assert not [q for q in ctx.captured_queries if '"snapshot"' in q["sql"]]
    assert "masterplans_section" not in " ".join(q["sql"] for q in ctx.captured_queries)
    first = approved.versions.order_by("number").first()
    compared = client.get(url, {"a": first.pk, "b": "current"}).content.decode()
    assert '<pre class="new">Bojonegoro Digital</pre>' in compared
