from django.contrib.auth import authenticate
from django.contrib.auth import forms as auth_forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class LoginForm(auth_forms.AuthenticationForm):
    """Django's login form; its authenticate() goes through the lockout (accounts/lockout.py)."""

    error_messages = {
        **auth_forms.AuthenticationForm.error_messages,
        "invalid_login": _("Enter a correct username and password. Both are case-sensitive."),
    }


class PasswordChangeForm(auth_forms.PasswordChangeForm):
    """Django's password change form, checking the old password through authenticate().

    Django's own form calls ``user.check_password`` directly, which no lockout sees: a stolen
    session could then guess the password without limit. Going through authenticate() counts
    each wrong old password as a failed login of this user and refuses while they are paused.
    """

    def __init__(self, user, *args, request=None, **kwargs):
        self.request = request
        super().__init__(user, *args, **kwargs)

    def clean_old_password(self):
        old_password = self.cleaned_data["old_password"]
        checked = authenticate(
            self.request, username=self.user.get_username(), password=old_password
        )
        if checked is None or checked.pk != self.user.pk:
            raise ValidationError(
                self.error_messages["password_incorrect"], code="password_incorrect"
            )
        return old_password
