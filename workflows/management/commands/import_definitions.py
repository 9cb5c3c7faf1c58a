"""Read a JSON bundle of forms and processes: all or nothing; importing it again changes nothing.

Extends forms_builder's command of the same name (this app comes first in INSTALLED_APPS).
"""

from forms_builder.management.commands import import_definitions
from workflows.serialization import bundle_import


class Command(import_definitions.Command):
    help = (
        "Import form and process definitions from a JSON bundle (use - for stdin). "
        "Nothing changes on error."
    )

    def import_document(self, document: dict):
        return bundle_import(document=document)

    def summary(self, report) -> str:
        forms = report.forms
        return (
            f"Imported forms: {forms.forms_created} new, {forms.versions_created} new "
            f"version(s), {forms.drafts_replaced} draft(s) replaced, "
            f"{forms.versions_unchanged} unchanged. Processes: {report.processes_created} new, "
            f"{report.versions_created} new version(s), {report.drafts_replaced} draft(s) "
            f"replaced, {report.versions_unchanged} unchanged."
        )
