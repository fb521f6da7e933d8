from django.contrib import admin

from cerdas.regions.models import Agency, Province, Region


@admin.register(Province)
class ProvinceAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "timezone")
    search_fields = ("code", "name")


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "kind", "is_administrative", "province")
    list_filter = ("kind", "is_administrative", "province")
    search_fields = ("code", "name")
    # Region master data comes from the Kemendagri import, not from hand edits.
    readonly_fields = ("code", "name", "kind", "is_administrative", "province")

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ("name", "short_name", "region", "is_demo")
    list_filter = ("is_demo",)
    search_fields = ("name", "short_name", "region__name")
    autocomplete_fields = ("region",)
