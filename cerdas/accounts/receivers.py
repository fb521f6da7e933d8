"""What the accounts app announces: a change to the people that officials' pages name.

Pages that show or offer people by name (a round's assessors, a cohort's mentors and jurors)
are kept under ``PEOPLE``; every save or delete of a user retires them, except a sign-in
(the last-login time alone), which shows nowhere.
"""

from cerdas.core.signals import content_changed

PEOPLE = "people"


def person_changed(sender, instance, update_fields=None, **kwargs) -> None:
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return
    content_changed("accounts", PEOPLE)
