"""What the list exports hold: only what the user may see, with the list's own filters.

A national ID is written in full only for the people who work with the person (supervisors and
caseworkers of the partner that registered them or has a case for them); administrators, who
export lists for reports, get its last four digits.
"""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet, prefetch_related_objects
from django.utils.translation import gettext_lazy as _

from forms_builder.display import answer_display
from forms_builder.models import FieldType, FormVersion
from forms_builder.selectors import MASKED_TEXT
from partners.areas import area_name
from partners.models import Partner, Role
from partners.selectors import user_partner_ids
from workflows.exports import ExportColumn, choice_label
from workflows.models import Case, CaseTask, Client, Referral, TaskStage
from workflows.models.definitions import ProcessDefinition
from workflows.selectors.clients import clients_filtered, clients_visible_to

WORKER_ROLES = (Role.SUPERVISOR, Role.CASEWORKER)


def national_id_masked(national_id: str) -> str:
    return f"{'*' * 9}{national_id[-4:]}" if national_id else ""


def clients_for_export(*, user, query: str = "", age: int | None = None) -> QuerySet[Client]:
    """The client list as the user filtered it, without holders found only by their ID. Built
    on the visible clients themselves (not the list's "visible here" flag), so PostgreSQL can
    walk the sort index and send the first rows at once."""
    workers_here = user_partner_ids(user, WORKER_ROLES)
    works_with = Q(registered_by_id__in=workers_here) | Exists(
        Case.objects.filter(client=OuterRef("pk"), partner_id__in=workers_here)
    )
    return (
        clients_filtered(clients_visible_to(user), query=query, age=age)
        .select_related(None)  # the partner's name is a label, read once per export
        .alias(works_with=works_with)
        .annotate(may_see_id=works_with)
    )


def partner_name(partner_id: int) -> str:
    return str(Partner.objects.get(pk=partner_id))


def definition_name(definition_id: int) -> str:
    return str(ProcessDefinition.objects.get(pk=definition_id))


CLIENT_COLUMNS = (
    ExportColumn(_("first name"), lambda c: c.first_name),
    ExportColumn(_("last name"), lambda c: c.last_name),
    ExportColumn(_("name in English letters"), lambda c: c.name_en),
    ExportColumn(_("aliases"), lambda c: c.aliases),
    ExportColumn(
        _("national ID"),
        lambda c: c.national_id if c.may_see_id else national_id_masked(c.national_id),
    ),
    ExportColumn(_("identity document"), lambda c: c.id_status, choice_label(Client, "id_status")),
    ExportColumn(_("sex"), lambda c: c.sex, choice_label(Client, "sex")),
    ExportColumn(_("birth date"), lambda c: c.birth_date),
    ExportColumn(_("age"), lambda c: c.age),
    ExportColumn(_("found in"), lambda c: c.found_area_code, area_name),
    ExportColumn(_("found at"), lambda c: c.found_place),
    ExportColumn(_("registered by"), lambda c: c.registered_by_id, partner_name),
    ExportColumn(_("reference in the partner's register"), lambda c: c.source_reference),
    ExportColumn(_("created at"), lambda c: c.created_at),
)

REFERRAL_COLUMNS = (
    ExportColumn(_("Client"), lambda r: r.client.display_name),
    ExportColumn(_("From"), lambda r: r.sending_partner.name),
    ExportColumn(_("Reason"), lambda r: r.reason),
    ExportColumn(_("Urgency"), lambda r: r.urgency, choice_label(Referral, "urgency")),
    ExportColumn(_("sent"), lambda r: r.sent_at),
    ExportColumn(_("Answer due"), lambda r: r.answer_due_on),
    ExportColumn(_("Status"), lambda r: r.status, choice_label(Referral, "status")),
)

TASK_COLUMNS = (
    ExportColumn(_("Case"), lambda t: t.process.reference),
    ExportColumn(_("Client"), lambda t: t.process.client.display_name),
    ExportColumn(_("Process"), lambda t: t.process.process_version.definition_id, definition_name),
    ExportColumn(_("Step"), lambda t: t.step.name),
    ExportColumn(_("Partner"), lambda t: t.partner_id, partner_name),
    ExportColumn(_("Worked by"), lambda t: t.owner.get_full_name() if t.owner else ""),
    ExportColumn(_("urgent"), lambda t: t.urgent),
    ExportColumn(_("Created on"), lambda t: t.created),
    ExportColumn(_("due"), lambda t: t.due_at),
)


@dataclass
class AnswerSheet:
    """The answers a case gave to one form version: one column per field key."""

    version: FormVersion
    rows: list[list]

    @property
    def title(self) -> str:
        return f"{self.version.definition.key} v{self.version.number}"[:31]


def case_answer_sheets(*, case: Case, can_see_sensitive: bool) -> list[AnswerSheet]:
    """Each form version the case's filled tasks answered, oldest first: a header row (step,
    when, by whom, then the field keys) and a row per answer set, labels not codes, PDPA §26
    answers masked for those who may not see them."""
    tasks = list(
        CaseTask.objects.filter(
            process=case, stage=TaskStage.FILL, answer_set__isnull=False, step__isnull=False
        )
        .select_related("step", "owner", "answer_set__form_version__definition")
        .order_by("created", "pk")
    )
    prefetch_related_objects(tasks, "answer_set__form_version__fields")
    sheets: dict[int, AnswerSheet] = {}
    for task in tasks:
        version = task.answer_set.form_version
        fields = [f for f in version.fields.all() if f.field_type != FieldType.HEADING]
        if version.pk not in sheets:
            header = [str(_("Step")), str(_("answered at")), str(_("Worked by"))]
            sheets[version.pk] = AnswerSheet(version, [header + [f.key for f in fields]])
        data = task.answer_set.data or {}
        sheets[version.pk].rows.append(
            [
                task.step.name,
                task.answer_set.submitted_at,
                task.owner.get_full_name() if task.owner else "",
                *(_answer_cell(field, data.get(field.key), can_see_sensitive) for field in fields),
            ]
        )
    return list(sheets.values())


def _answer_cell(field, value, can_see_sensitive: bool) -> str:
    if value in (None, "", []):
        return ""
    if field.sensitive and not can_see_sensitive:
        return str(MASKED_TEXT)
    return str(answer_display(field, value))
