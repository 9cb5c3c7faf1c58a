"""Read a JSON bundle of forms and processes: all or nothing; importing it again changes nothing.

Extends forms_builder's command of the same name (this app comes first in INSTALLED_APPS).
"""

import json
import sys

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError

from forms_builder.management.commands import import_definitions
from workflows.serialization import bundle_import


class Command(import_definitions.Command):
    help = (
        "Import form and process definitions from a JSON bundle (use - for stdin). "
        "Nothing changes on error."
    )

    def handle(self, *args, **options):
        try:
            if options["file"] == "-":
                document = json.load(sys.stdin)
            else:
                with open(options["file"], encoding="utf-8") as source:
                    document = json.load(source)
        except OSError as error:
            raise CommandError(f"Cannot read {options['file']}: {error}") from None
        except json.JSONDecodeError as error:
            raise CommandError(f"{options['file']} is not valid JSON: {error}") from None
        try:
            report = bundle_import(document=document)
        except ValidationError as error:
            raise CommandError(
                "Nothing was imported:\n" + "\n".join(f"- {m}" for m in error.messages)
            ) from None
        forms = report.forms
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported forms: {forms.forms_created} new, {forms.versions_created} new "
                f"version(s), {forms.drafts_replaced} draft(s) replaced, "
                f"{forms.versions_unchanged} unchanged. Processes: {report.processes_created} new, "
                f"{report.versions_created} new version(s), {report.drafts_replaced} draft(s) "
                f"replaced, {report.versions_unchanged} unchanged."
            )
        )
