from django.db import migrations, models


def copy_region_codes(apps, schema_editor):
    AuditEntry = apps.get_model("core", "AuditEntry")
    for code in AuditEntry.objects.exclude(region=None).values_list("region_id", flat=True).distinct():
        AuditEntry.objects.filter(region_id=code).update(region_code=code)


class Migration(migrations.Migration):
    """The audit log keeps the region as a code: the kernel knows nothing of the regions app."""

    dependencies = [("core", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="auditentry",
            name="region_code",
            field=models.CharField(blank=True, db_index=True, max_length=10, verbose_name="region"),
        ),
        migrations.RunPython(copy_region_codes, migrations.RunPython.noop),
        migrations.RemoveField(model_name="auditentry", name="region"),
    ]
