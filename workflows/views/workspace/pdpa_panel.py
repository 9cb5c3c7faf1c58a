"""On the admin home of data protection officers and administrators: where the PDPA screens are,
and how many breaches still wait to be reported to the office."""

from wagtail.admin.ui.components import Component

from workflows.selectors.breaches import breaches_awaiting_office


class PersonalDataPanel(Component):
    name = "workflows_personal_data"
    template_name = "workflows/workspace/pdpa_panel.html"
    order = 60

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        return {"awaiting": breaches_awaiting_office(self.user)}
