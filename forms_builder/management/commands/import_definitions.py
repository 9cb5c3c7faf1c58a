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

    def import_document(self, document: dict):
        return definitions_import(document=document)

    def summary(self, report) -> str:
        return (
            f"Imported: {report.forms_created} new form(s), {report.versions_created} new "
            f"version(s), {report.drafts_replaced} draft(s) replaced, "
            f"{report.versions_unchanged} version(s) unchanged."
        )

    def read_document(self, path: str) -> dict:
        try:
            if path == "-":
                return json.load(sys.stdin)
            with open(path, encoding="utf-8") as source:
                return json.load(source)
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error}") from None
        except json.JSONDecodeError as error:
            raise CommandError(f"{path} is not valid JSON: {error}") from None
        except RecursionError:
            raise CommandError(f"{path} is nested too deeply to be a definitions bundle.") from None

    def handle(self, *args, **options):
        document = self.read_document(options["file"])
        try:
            report = self.import_document(document)
        except ValidationError as error:
            raise CommandError(
                "Nothing was imported:\n" + "\n".join(f"- {m}" for m in error.messages)
            ) from None
        self.stdout.write(self.style.SUCCESS(self.summary(report)))
