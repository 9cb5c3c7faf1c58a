"""Cases and tasks for the workspace tests: a case at a partner, its open task, the four roles."""

from viewflow.workflow.status import STATUS

from partners.models import Role
from tests.factories import member
from tests.factories_workflows import client_at, screening_process
from workflows.models import CaseTask, ProcessDefinition
from workflows.services.cases import case_start


def open_task(case) -> CaseTask:
    return CaseTask.objects.get(process=case, status__in=[STATUS.NEW, STATUS.ASSIGNED])


def case_at(partner, *, definition=None, client=None, urgent=False, **client_fields):
    definition = definition or screening_definition(partner)
    client = client or client_at(partner, **client_fields)
    return case_start(partner=partner, client=client, definition=definition, urgent=urgent)


def screening_definition(partner, **options):
    """The partner's screening process (made once per partner)."""
    existing = ProcessDefinition.objects.filter(partner=partner, key=f"screening-{partner.pk}")
    return existing.first() or screening_process(partner, **options)


def people_of(partner) -> dict[Role, object]:
    """One user per role at the partner."""
    return {role: member(role, partner=partner) for role in Role}
