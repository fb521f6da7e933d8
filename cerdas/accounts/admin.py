from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from cerdas.accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "get_full_name", "email", "role", "region", "is_active", "is_demo")
    list_filter = ("role", "is_active", "is_demo", "region__province")
    search_fields = ("username", "first_name", "last_name", "email", "region__name")
    autocomplete_fields = ("region", "agency", "assigned_regions")
    fieldsets = (
        *BaseUserAdmin.fieldsets,
        (_("Role and scope"), {"fields": ("role", "region", "agency", "assigned_regions")}),
    )
    add_fieldsets = (
        *BaseUserAdmin.add_fieldsets,
        (_("Role and scope"), {"fields": ("email", "role", "region", "agency")}),
    )

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        scope = {"role", "region", "agency", "is_active", "is_superuser"}
        changed = sorted(scope & set(form.changed_data))
        if not change:
            obj.log_action("user.created", user=request.user, changes={"role": obj.role})
        elif changed:
            obj.log_action(
                "user.role_changed",
                user=request.user,
                changes={field: str(form.cleaned_data.get(field)) for field in changed},
            )
