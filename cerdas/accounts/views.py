from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from cerdas.accounts import lockout
from cerdas.accounts.forms import LoginForm, PasswordChangeForm
from cerdas.accounts.receivers import PEOPLE
from cerdas.core.cache import AUDIT_LOG, desk_kinds
from cerdas.core.models import AuditEntry
from cerdas.core.registries import work_for, work_kinds
from cerdas.regions.models import Region


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = PasswordChangeForm
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:dashboard")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}

    def form_valid(self, form):
        response = super().form_valid(form)
        self.request.user.log_action("user.password_changed", user=self.request.user)
        messages.success(self.request, _("Your password has been changed."))
        return response


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        # The link from their mailbox proves who they are: lift a pause on their username,
        # as the locked-out page promises.
        lockout.forgive(form.user.get_username())
        return super().form_valid(form)


@login_required
def dashboard(request):
    """The signed-in user's start page: who they are, what they may reach."""
    user = request.user

    def regions():
        found = [] if user.is_national_admin else list(Region.objects.for_user(user)[:50])
        for region in found:
            region.audit_readable = user.can("view_audit", region)
        return found

    # Below the person's facts the page is kept per person (dashboard.html), under the
    # people (their account, the regions an assessor is given), the regions, what the apps'
    # links follow from, and the audit log of the regions they read: what follows is read
    # only when that copy has retired.
    audit_region = None if user.is_national_admin else user.region_id
    kinds = [PEOPLE, *work_kinds(), *desk_kinds(AUDIT_LOG, audit_region)]
    return render(
        request,
        "accounts/dashboard.html",
        {
            "kinds": " ".join(kinds),
            "regions": SimpleLazyObject(regions),
            "work": SimpleLazyObject(lambda: work_for(user)),
            "recent_audit": SimpleLazyObject(lambda: list(AuditEntry.objects.for_user(user)[:10])),
        },
    )
