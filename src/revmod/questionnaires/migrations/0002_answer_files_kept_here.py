"""Files of answers kept by the questionnaires app (not as review attachments); versions name their files."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("questionnaires", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.DeleteModel(name="AnswerFile"),
        migrations.CreateModel(
            name="AnswerFile",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("file", models.FileField(upload_to="questionnaires/%Y/%m/", verbose_name="file")),
                ("name", models.CharField(max_length=200, verbose_name="file name")),
                ("size", models.PositiveBigIntegerField(verbose_name="size")),
                ("content_type", models.CharField(max_length=100, verbose_name="type")),
                ("sha256", models.CharField(max_length=64)),
                ("uploaded_at", models.DateTimeField(verbose_name="attached")),
                ("removed_at", models.DateTimeField(blank=True, null=True, verbose_name="removed")),
                ("answer", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="files",
                                             to="questionnaires.answer", verbose_name="answer")),
                ("uploaded_by", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="+",
                                                  to=settings.AUTH_USER_MODEL, verbose_name="by")),
            ],
            options={"verbose_name": "file of an answer", "ordering": ["uploaded_at", "id"]},
        ),
        migrations.AddField(
            model_name="responseversion",
            name="files",
            field=models.JSONField(default=dict, verbose_name="files"),
        ),
    ]
