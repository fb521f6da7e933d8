"""Tie a masterplan to a cohort of the cohorts app instead of a bare cohort year."""

import django.db.models.deletion
from django.db import migrations, models


def link_cohorts_by_year(apps, schema_editor):
    Masterplan = apps.get_model("masterplans", "Masterplan")
    Cohort = apps.get_model("cohorts", "Cohort")
    by_year = dict(Cohort.objects.values_list("year", "pk"))
    for plan in Masterplan.objects.exclude(cohort_year=None):
        if plan.cohort_year in by_year:
            plan.cohort_id = by_year[plan.cohort_year]
            plan.save(update_fields=["cohort"])


def keep_years(apps, schema_editor):
    Masterplan = apps.get_model("masterplans", "Masterplan")
    for plan in Masterplan.objects.exclude(cohort=None).select_related("cohort"):
        plan.cohort_year = plan.cohort.year
        plan.save(update_fields=["cohort_year"])


class Migration(migrations.Migration):
    dependencies = [
        # Cohort is created in the cohorts app's first migration; depending on that one only
        # keeps this migration valid if the cohorts app squashes its later ones.
        ("cohorts", "0001_initial"),
        ("masterplans", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="masterplan",
            name="cohort",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="masterplans",
                to="cohorts.cohort",
                verbose_name="cohort",
            ),
        ),
        migrations.RunPython(link_cohorts_by_year, keep_years),
        migrations.RemoveField(model_name="masterplan", name="cohort_year"),
    ]
