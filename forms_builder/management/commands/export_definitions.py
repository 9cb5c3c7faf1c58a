"""Write form definitions as a JSON bundle (docs/definitions.md)."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from forms_builder.serialization import definitions_export, definitions_queryset


class Command(BaseCommand):
    help = "Export form definitions (all versions, or only the newest published) as JSON."

    def add_arguments(self, parser):
        parser.add_argument("--partner", help="only this partner's forms (its code)")
        parser.add_argument("--form", help="only the form(s) with this key")
        parser.add_argument(
            "--latest", action="store_true", help="only the newest published version of each form"
        )
        parser.add_argument("-o", "--output", help="write to this file instead of stdout")

    def handle(self, *args, **options):
        definitions = definitions_queryset(partner_code=options["partner"], key=options["form"])
        if (options["partner"] or options["form"]) and not definitions.exists():
            raise CommandError("No form matches.")
        document = definitions_export(
            definitions=definitions, versions="latest" if options["latest"] else "all"
        )
        text = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8") as output:
                output.write(text)
            self.stderr.write(f"Wrote {len(document['forms'])} form(s) to {options['output']}.")
        else:
            sys.stdout.write(text)
