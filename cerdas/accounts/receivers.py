"""What the accounts app announces: a change to the people that officials' pages name.

Pages that show or offer people by name (a round's assessors, a cohort's mentors and jurors)
are kept under ``PEOPLE``; every save or delete of a user retires them, except a sign-in
(the last-login time alone), which shows nowhere, and so does every change of the regions an
assessor is given (``Region.assessors``).
"""

from cerdas.core.signals import content_changed

PEOPLE = "people"


def assignments_changed(sender, action, **kwargs) -> None:
    """Assessors given or taken a region (``Region.assessors``): who may see which region."""
    if action.startswith("post_"):
        content_changed("accounts", PEOPLE)


def person_changed(sender, instance, update_fields=None, **kwargs) -> None:
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return
    content_changed("accounts", PEOPLE)
