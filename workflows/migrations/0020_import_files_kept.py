import datetime as dt

from django.conf import settings
from django.db import migrations, models


def schedule_existing(apps, schema_editor):
    """Imports uploaded before files were pruned get their due item too (as the service would)."""
    ClientImport = apps.get_model("workflows", "ClientImport")
    DueItem = apps.get_model("scheduling", "DueItem")
    ContentType = apps.get_model("contenttypes", "ContentType")
    records = ClientImport.objects.filter(files_removed_at__isnull=True)
    if not records.exists():
        return
    content_type, _ = ContentType.objects.get_or_create(app_label="workflows", model="clientimport")
    keep = dt.timedelta(days=settings.IMPORT_FILES_KEEP_DAYS)
    DueItem.objects.bulk_create(
        [
            DueItem(
                kind="client_import_files",
                key=f"client-import-files-{record.pk}-{record.created_at.timestamp():.0f}",
                content_type=content_type,
                object_id=record.pk,
                due_at=record.created_at + keep,
            )
            for record in records.iterator()
        ],
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("workflows", "0018_case_source_reference"),
        ("scheduling", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AddField(
            model_name="clientimport",
            name="files_removed_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="file removed on"),
        ),
        migrations.AlterField(
            model_name="clientimport",
            name="status",
            field=models.CharField(
                choices=[
                    ("checking", "Being checked"),
                    ("ready", "Checked: waiting for your confirmation"),
                    ("refused", "Not imported: the file has problems"),
                    ("importing", "Being imported"),
                    ("done", "Imported"),
                    ("failed", "Stopped by an error: nothing was imported"),
                    ("expired", "Not confirmed in time: nothing was imported"),
                ],
                default="checking",
                max_length=20,
                verbose_name="status",
            ),
        ),
        migrations.RunPython(schedule_existing, migrations.RunPython.noop),
    ]
