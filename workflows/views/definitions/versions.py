"""Any version of a process, read-only: its steps, decisions and diagram."""

from forms_builder.definition_admin import pages
from workflows.diagram import process_diagram_html
from workflows.views.definitions.display import step_rows


class VersionView(pages.VersionView):
    template_name = "workflows/definitions/version.html"

    def version_context(self) -> dict:
        return {
            "step_rows": step_rows(self.version),
            "diagram": process_diagram_html(version=self.version),
        }
