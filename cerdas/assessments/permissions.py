"""Who may do what in an assessment round, built on ``User.can``.

National admins run rounds. Assessors see a round they are assigned in, and score only the
regions assigned to them in it. A region's team fills its own self-assessment and sees its
own results. Everyone sees a round's ranking, announcement and explanations once it is
published.
"""


def can_manage(user) -> bool:
    return user.is_authenticated and user.can("manage_program")


def can_see_round_results(user, round_) -> bool:
    """The ranking of every region: public once published, before that the panel only."""
    return round_.is_published or can_manage(user) or round_.is_assessor(user)


def can_see_region_result(user, participant) -> bool:
    round_ = participant.round
    if can_see_round_results(user, round_):
        return True
    return (
        user.is_authenticated
        and user.can("view_private", participant.region)
        and (user.region_id == participant.region_id)
    )


def can_fill_self_assessment(user, participant) -> bool:
    """The region's own team: a self-assessment is the region's word, not the panel's."""
    return (
        user.is_authenticated
        and user.region_id == participant.region_id
        and user.can("edit", participant.region)
    )


def can_score(user, participant) -> bool:
    """Only an assessor assigned to this region in this round."""
    return user.is_authenticated and participant.round.is_assessor(user, participant.region)


def can_see_evidence(user, participant) -> bool:
    if can_manage(user) or can_score(user, participant):
        return True
    return (
        user.is_authenticated
        and user.region_id == participant.region_id
        and user.can("view_private", participant.region)
    )
