"""Who may take which step of a report, and where each step leads."""

import pytest

from cerdas.complaints.engine import flow
from cerdas.complaints.engine.flow import COORDINATOR, OFFICER, REPORTER, SYSTEM


@pytest.mark.parametrize(
    ("action", "status", "actor", "after"),
    [
        ("dispatch", flow.SUBMITTED, COORDINATOR, flow.DISPATCHED),
        ("dispatch", flow.POSTPONED, COORDINATOR, flow.DISPATCHED),
        ("postpone", flow.SUBMITTED, COORDINATOR, flow.POSTPONED),
        ("not_our_authority", flow.SUBMITTED, COORDINATOR, flow.NOT_OUR_AUTHORITY),
        ("forward", flow.POSTPONED, COORDINATOR, flow.FORWARDED),
        ("archive", flow.SUBMITTED, COORDINATOR, flow.ARCHIVED),
        ("archive", flow.ANSWERED, COORDINATOR, flow.ARCHIVED),
        ("reassign", flow.IN_PROGRESS, COORDINATOR, flow.DISPATCHED),
        ("extend", flow.DISPATCHED, COORDINATOR, flow.DISPATCHED),
        ("start", flow.DISPATCHED, OFFICER, flow.IN_PROGRESS),
        ("start", flow.ANSWERED, OFFICER, flow.IN_PROGRESS),
        ("follow_up", flow.DISPATCHED, OFFICER, flow.FOLLOWED_UP),
        ("follow_up", flow.IN_PROGRESS, COORDINATOR, flow.FOLLOWED_UP),
        ("follow_up", flow.ANSWERED, OFFICER, flow.FOLLOWED_UP),
        ("add_info", flow.POSTPONED, REPORTER, flow.SUBMITTED),
        ("add_info", flow.DISPATCHED, REPORTER, flow.DISPATCHED),
        ("add_info", flow.FOLLOWED_UP, REPORTER, flow.FOLLOWED_UP),
        ("accept", flow.FOLLOWED_UP, REPORTER, flow.CLOSED),
        ("reply", flow.FOLLOWED_UP, REPORTER, flow.ANSWERED),
        ("close", flow.FOLLOWED_UP, SYSTEM, flow.CLOSED),
        ("close", flow.FOLLOWED_UP, COORDINATOR, flow.CLOSED),
        ("rate", flow.CLOSED, REPORTER, flow.CLOSED),
    ],
)
def test_each_allowed_step_leads_where_lapor_says(action, status, actor, after):
    assert flow.allowed(action, status, actor)
    assert flow.next_status(action, status, actor) == after


@pytest.mark.parametrize(
    ("action", "status", "actor"),
    [
        ("dispatch", flow.SUBMITTED, OFFICER),  # only the coordinator verifies
        ("dispatch", flow.DISPATCHED, COORDINATOR),  # already dispatched
        ("postpone", flow.POSTPONED, COORDINATOR),
        ("follow_up", flow.SUBMITTED, OFFICER),  # not dispatched yet
        ("follow_up", flow.FOLLOWED_UP, OFFICER),  # already answered, waiting on the reporter
        ("start", flow.IN_PROGRESS, OFFICER),
        ("extend", flow.SUBMITTED, COORDINATOR),
        ("extend", flow.DISPATCHED, OFFICER),  # agencies do not extend their own limit
        ("archive", flow.FOLLOWED_UP, COORDINATOR),
        ("archive", flow.CLOSED, COORDINATOR),
        ("accept", flow.DISPATCHED, REPORTER),
        ("reply", flow.CLOSED, REPORTER),
        ("close", flow.DISPATCHED, COORDINATOR),
        ("close", flow.FOLLOWED_UP, OFFICER),
        ("rate", flow.FOLLOWED_UP, REPORTER),
        ("rate", flow.CLOSED, COORDINATOR),
        ("add_info", flow.CLOSED, REPORTER),
        ("add_info", flow.ARCHIVED, REPORTER),
        ("fly", flow.SUBMITTED, COORDINATOR),
    ],
)
def test_steps_out_of_turn_or_by_the_wrong_person_are_refused(action, status, actor):
    assert not flow.allowed(action, status, actor)
    with pytest.raises(flow.FlowError):
        flow.next_status(action, status, actor)


def test_nothing_happens_to_a_final_report_but_a_rating_after_closing():
    for status in flow.FINAL:
        for actor in (COORDINATOR, OFFICER, REPORTER, SYSTEM):
            allowed = flow.actions_for(status, actor)
            assert allowed == (["rate"] if (status, actor) == (flow.CLOSED, REPORTER) else [])


def test_the_coordinators_choices_for_a_new_report():
    assert flow.actions_for(flow.SUBMITTED, COORDINATOR) == [
        "dispatch",
        "postpone",
        "not_our_authority",
        "forward",
        "archive",
    ]


def test_open_and_final_split_every_status():
    assert set(flow.STATUSES) == flow.OPEN | flow.FINAL
    assert not flow.OPEN & flow.FINAL
    assert flow.WITH_AGENCY <= flow.OPEN


@pytest.mark.parametrize("status", flow.STATUSES)
def test_open311_sees_open_until_the_report_ends(status):
    expected = "closed" if status in flow.FINAL else "open"
    assert flow.open311_status(status) == expected


def test_an_action_is_built_from_its_name_sources_target_and_actors():
    action = flow._action("dispatch", [flow.SUBMITTED], flow.DISPATCHED, COORDINATOR, OFFICER)
    assert action == flow.Action(
        "dispatch", frozenset({flow.SUBMITTED}), flow.DISPATCHED, frozenset({COORDINATOR, OFFICER})
    )
    assert all(name == action.name for name, action in flow.ACTIONS.items())
    assert len(flow.ACTIONS) == 14


def test_a_refused_action_says_who_may_not_do_what():
    with pytest.raises(
        flow.FlowError, match=r"^reporter may not dispatch a report that is submitted$"
    ):
        flow.next_status("dispatch", flow.SUBMITTED, REPORTER)
