"""The address name is unique (a separate step: PostgreSQL alters no table with pending updates)."""

from django.db import migrations, models

import cerdas.assessments.models.rounds


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0002_round_slug"),
    ]

    operations = [
        migrations.AlterField(
            model_name="round",
            name="slug",
            field=models.SlugField(
                blank=True,
                help_text="Part of the public address; made from the year and purpose if empty.",
                max_length=60,
                unique=True,
                validators=[cerdas.assessments.models.rounds.validate_round_slug],
                verbose_name="address name",
            ),
        ),
    ]
