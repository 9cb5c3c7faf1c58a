"""Who may see and act on which cases and tasks: a partner's people see their partner's work."""

from django.db.models import QuerySet

from partners.models import Role
from partners.selectors import user_has_role, user_memberships, user_partner_ids
from workflows.models import Case, CaseTask

CASE_ROLES = (Role.ADMINISTRATOR, Role.SUPERVISOR, Role.CASEWORKER)


def case_partner_ids(user) -> set[int]:
    """Partners whose cases the user may see (communications staff see none)."""
    return user_partner_ids(user, CASE_ROLES)


def cases_visible_to(user) -> QuerySet[Case]:
    return Case.objects.filter(partner_id__in=case_partner_ids(user))


def tasks_visible_to(user) -> QuerySet[CaseTask]:
    return CaseTask.objects.filter(partner_id__in=case_partner_ids(user))


def user_can_work_task(user, task: CaseTask) -> bool:
    """Holds the task's role at the task's partner (supervisors may also do caseworkers' tasks)."""
    roles = {task.role}
    if task.role == Role.CASEWORKER:
        roles.add(Role.SUPERVISOR)
    return any(m.partner_id == task.partner_id and m.role in roles for m in user_memberships(user))


def user_is_supervisor_of(user, partner_id: int | None) -> bool:
    return any(
        m.partner_id == partner_id and m.role == Role.SUPERVISOR for m in user_memberships(user)
    )


def user_can_see_sensitive(user, case: Case) -> bool:
    """PDPA §26 answers: the case partner's supervisors and caseworkers, who need them to help."""
    return user_has_role(user, (Role.SUPERVISOR, Role.CASEWORKER), partner=case.partner)
