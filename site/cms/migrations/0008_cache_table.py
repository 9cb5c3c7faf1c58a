"""The shared cache's table, when the settings keep the cache in the database (no REDIS_URL).

`migrate` is the one step every installation runs; without the table every public page would
fail on its first cache read. `createcachetable` is idempotent: a later switch of backend runs it
again by hand (README "Configuration")."""

from django.core.management import call_command
from django.db import migrations


def cache_table_create(apps, schema_editor) -> None:
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("cms", "0007_wagtail_names_in_thai")]

    operations = [migrations.RunPython(cache_table_create, migrations.RunPython.noop)]
