"""Django admin for the program office's set-up work that has no page of its own yet:
bimtek sessions, deliverables, mentor assignments, institutions, award categories."""

from django.contrib import admin

from . import models


class CriterionInline(admin.TabularInline):
    model = models.Criterion
    extra = 1


class NomineeInline(admin.TabularInline):
    model = models.Nominee
    extra = 1
    autocomplete_fields = ["region"]


@admin.register(models.AwardCategory)
class AwardCategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "cohort", "order", "is_demo"]
    list_filter = ["cohort"]
    inlines = [CriterionInline, NomineeInline]


class InstitutionMemberInline(admin.TabularInline):
    model = models.InstitutionMember
    extra = 1


@admin.register(models.Institution)
class InstitutionAdmin(admin.ModelAdmin):
    list_display = ["region", "kind", "cohort", "decree_number", "decree_date", "is_demo"]
    list_filter = ["cohort", "kind"]
    autocomplete_fields = ["region"]
    inlines = [InstitutionMemberInline]


@admin.register(models.BimtekSession)
class BimtekSessionAdmin(admin.ModelAdmin):
    list_display = ["cohort", "stage", "starts_on", "place", "is_demo"]
    list_filter = ["cohort"]
    filter_horizontal = ["mentors"]


@admin.register(models.Attendance)
class AttendanceAdmin(admin.ModelAdmin):
    list_display = ["session", "region", "attended"]
    list_filter = ["session__cohort", "attended"]
    autocomplete_fields = ["region"]


@admin.register(models.Deliverable)
class DeliverableAdmin(admin.ModelAdmin):
    list_display = ["title", "cohort", "session", "due_on", "is_demo"]
    list_filter = ["cohort"]


@admin.register(models.MentorAssignment)
class MentorAssignmentAdmin(admin.ModelAdmin):
    list_display = ["cohort", "region", "mentor"]
    list_filter = ["cohort"]
    autocomplete_fields = ["region"]


@admin.register(models.Presentation)
class PresentationAdmin(admin.ModelAdmin):
    list_display = ["region", "cohort", "is_published", "is_demo"]
    list_filter = ["cohort", "is_published"]
    autocomplete_fields = ["region"]


@admin.register(models.Cohort)
class CohortAdmin(admin.ModelAdmin):
    list_display = ["year", "name", "target_count", "jury_closed", "results_publish_at"]
    filter_horizontal = ["jurors"]
    # Membership changes go through the membership page, which asks for a reason.
    readonly_fields = ["created_by"]
