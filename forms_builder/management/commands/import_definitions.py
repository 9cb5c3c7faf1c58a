"""Read a JSON bundle of form definitions: all or nothing; importing it again changes nothing."""

import json
import sys

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from forms_builder.serialization import definitions_import


class Command(BaseCommand):
    help = "Import form definitions from a JSON bundle (use - for stdin). Nothing changes on error."

    def add_arguments(self, parser):
        parser.add_argument("file")

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
            report = definitions_import(document=document)
        except ValidationError as error:
            raise CommandError(
                "Nothing was imported:\n" + "\n".join(f"- {m}" for m in error.messages)
            ) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported: {report.forms_created} new form(s), {report.versions_created} new "
                f"version(s), {report.drafts_replaced} draft(s) replaced, "
                f"{report.versions_unchanged} version(s) unchanged."
            )
        )
