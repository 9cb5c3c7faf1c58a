"""Viewflow's runtime `manage_case` permission: `migrate` alone does not create it."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def create_flow_permissions(apps, schema_editor):
    from django.apps import apps as live_apps

    create_permissions(live_apps.get_app_config("workflows"), verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("workflows", "0001_initial")]

    operations = [migrations.RunPython(create_flow_permissions, migrations.RunPython.noop)]
