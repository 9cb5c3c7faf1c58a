"""Write forms and processes as one JSON bundle (docs/definitions.md).

Extends forms_builder's command of the same name (this app comes first in INSTALLED_APPS, so
Django runs this one): the same options, plus `--process` and the processes in the bundle.
"""

import json
import sys

from django.core.management.base import CommandError

from forms_builder.management.commands import export_definitions
from forms_builder.serialization import definitions_queryset
from workflows.models import ProcessDefinition
from workflows.serialization import bundle_export


class Command(export_definitions.Command):
    help = (
        "Export form and process definitions (all versions, or only the newest published) as "
        "JSON. Forms used by the exported processes are always included."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--process", help="only the process(es) with this key")
        parser.add_argument(
            "--no-processes", action="store_true", help="forms only, as forms_builder writes them"
        )
        parser.add_argument(
            "--referral-lists",
            action="store_true",
            help="also the legal bases, external organizations and letter templates",
        )

    def handle(self, *args, **options):
        processes = ProcessDefinition.objects.select_related("partner").order_by("pk")
        if options["partner"]:
            processes = processes.filter(partner__code=options["partner"])
        if options["process"]:
            processes = processes.filter(key=options["process"])
        if options["no_processes"] or (options["form"] and not options["process"]):
            processes = processes.none()
        forms = definitions_queryset(partner_code=options["partner"], key=options["form"])
        if options["process"] and not options["form"]:
            forms = forms.none()  # only the forms the processes use
        if options["process"] and not processes.exists():
            raise CommandError("No process matches.")
        if options["form"] and not forms.exists():
            raise CommandError("No form matches.")
        document = bundle_export(
            processes=processes,
            forms=forms,
            versions="latest" if options["latest"] else "all",
            referral_lists=options["referral_lists"],
        )
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8") as output:
                output.write(text)
            self.stderr.write(
                f"Wrote {len(document['forms'])} form(s) and {len(document['processes'])} "
                f"process(es) to {options['output']}."
            )
        else:
            sys.stdout.write(text)
