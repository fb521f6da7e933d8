"""Rounds get a stable public address name; existing rounds get ``<year>-<purpose>``."""

from django.db import migrations, models
from django.utils.text import slugify

PURPOSE_SLUGS = {"selection": "kesiapan", "evaluation": "evaluasi"}


def fill_slugs(apps, schema_editor):
    Round = apps.get_model("assessments", "Round")
    taken = set()
    for round_ in Round.objects.order_by("id"):
        base = slugify(f"{round_.year}-{PURPOSE_SLUGS.get(round_.purpose, round_.purpose)}")
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        taken.add(slug)
        round_.slug = slug
        round_.save(update_fields=["slug"])


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="round",
            name="slug",
            field=models.CharField(blank=True, default="", max_length=60),
        ),
        migrations.RunPython(fill_slugs, migrations.RunPython.noop),
    ]
