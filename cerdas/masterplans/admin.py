from django.contrib import admin

from cerdas.masterplans.models import Dimension, Element, Masterplan, ReadinessElement


class ElementInline(admin.TabularInline):
    model = Element
    extra = 1


@admin.register(Dimension)
class DimensionAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "name_en", "order")
    list_editable = ("order",)
    inlines = [ElementInline]


@admin.register(Element)
class ElementAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "name_en", "dimension", "order")
    list_filter = ("dimension",)


@admin.register(ReadinessElement)
class ReadinessElementAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "name_en", "pillar", "order")
    list_filter = ("pillar",)


@admin.register(Masterplan)
class MasterplanAdmin(admin.ModelAdmin):
    """Read-only here: masterplans change through their workflow, which audit-logs it."""

    list_display = ("title", "region", "period_start", "period_end", "status", "is_demo")
    list_filter = ("status", "is_demo")
    search_fields = ("title", "region__name", "region__code")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
