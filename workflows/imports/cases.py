"""Checking a case register before anything is written: historical cases that ended before the
system (with their outcome and the dates they were opened and closed, so reports of past fiscal
years count them) and cases still open at a step (whose task then waits in that step's queue).

A row is keyed by the case's reference in the partner's own register (`Case.source_reference`):
importing the same file again changes nothing; a row changed since updates what an import may
change (`_changes`: dates, imported answers, outcome, closing an open case) and names what it
may not (client, process, reopening, moving an open case to another step). The client is found
by national ID (anywhere in the network) or by the reference in the partner's client register;
clients are imported first.
Any other column named by a field key of the process's forms is an answer (the shape of a
case's answers export)."""

import contextlib
import dataclasses
import functools
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from viewflow.workflow.status import PROCESS

from forms_builder.models import FieldDefinition
from partners.models import Partner
from workflows.imports.answers import answer_value
from workflows.imports.clients import LINKED, NEW, UNCHANGED, UPDATED, ImportPlan, Problem
from workflows.imports.columns import DATE_HELP, Column, header_key
from workflows.imports.readers import Sheet
from workflows.imports.registers import (
    Labels,
    PlannedRow,
    RowCells,
    duplicate_check,
    named,
    rows_counted,
    rows_read,
    sheet_plan,
)
from workflows.imports.values import date_value, national_id_value, text_value
from workflows.models import Case, CaseTask, Client, ProcessVersion, Step
from workflows.models.definitions import ProcessDefinition
from workflows.selectors.definitions import definitions_startable
from workflows.selectors.outcomes import outcomes_for_partner

CASE_COLUMNS = (
    Column(
        "source_reference",
        "เลขที่เรื่องในทะเบียนเดิม",
        "Case register reference",
        _("The case's number in your own register: importing the file again then changes nothing."),
    ),
    Column(
        "national_id",
        "เลขประจำตัวประชาชน",
        "National ID",
        _("The client's national ID; or give the client's register reference."),
    ),
    Column(
        "client_reference",
        "เลขที่ผู้รับบริการในทะเบียนเดิม",
        "Client register reference",
        _("The client's number in your client register (import the clients first)."),
    ),
    Column("process", "กระบวนการทำงาน", "Process", _("Choose from the list.")),
    Column(
        "step",
        "ขั้นตอนปัจจุบัน",
        "Current step",
        _("For a case still open: the step it waits at (empty: the first step)."),
    ),
    Column(
        "outcome",
        "ผลการดำเนินงาน",
        "Outcome",
        _("For a case that has ended; choose from the list."),
    ),
    Column("opened_on", "วันที่เปิดเรื่อง", "Opened on", DATE_HELP),
    Column("closed_on", "วันที่ปิดเรื่อง", "Closed on", DATE_HELP),
)
ANSWERS_HELP = _(
    "Add a column for each answer, headed by the form field's key (as in a case's answers "
    "export); dates in the Buddhist era, choices by their label."
)


def case_columns(partner_ids) -> tuple[Column, ...]:
    """The columns with the processes and outcomes these partners may use as dropdowns."""
    processes = definitions_startable(partner_ids).order_by("name_th")
    outcomes = outcomes_for_partner(None).filter(
        Q(partner__isnull=True) | Q(partner_id__in=partner_ids)
    )
    lists = {
        "process": Labels([p.name_th for p in processes]),
        "outcome": Labels([o.name_th for o in outcomes.order_by("sort_order", "name_th")]),
    }
    return tuple(
        Column(c.key, c.th, c.en, c.help, lists.get(c.key, c.choices)) for c in CASE_COLUMNS
    )


class _Definitions:
    """The partner's processes, their current versions' steps and form fields, and outcomes,
    read once per file."""

    def __init__(self, partner: Partner):
        self.processes = named(
            definitions_startable([partner.pk]),
            lambda p: p.key,
            lambda p: p.name_th,
            lambda p: p.name_en,
        )
        self.outcomes = named(
            outcomes_for_partner(partner.pk),
            lambda o: o.key,
            lambda o: o.name_th,
            lambda o: o.name_en,
        )

    @functools.cache  # noqa: B019 (one instance per file)
    def version(self, definition: ProcessDefinition) -> ProcessVersion:
        from workflows.services.cases import process_version_current

        return process_version_current(definition=definition)

    @functools.cache  # noqa: B019
    def steps(self, version: ProcessVersion) -> list[Step]:
        return list(version.steps.select_related("form_version").order_by("sort_order", "pk"))

    @functools.cache  # noqa: B019
    def steps_named(self, version: ProcessVersion) -> dict:
        return named(self.steps(version), lambda s: s.key, lambda s: s.name_th, lambda s: s.name_en)

    @functools.cache  # noqa: B019
    def fields(self, version: ProcessVersion) -> dict[str, tuple[Step, FieldDefinition]]:
        """{field key: (the first step asking it, its field)} over the version's forms."""
        found = {}
        form_steps = [s for s in self.steps(version) if s.form_version_id]
        fields = FieldDefinition.objects.filter(
            version_id__in={s.form_version_id for s in form_steps}
        )
        by_version: dict[int, list] = {}
        for field in fields:
            by_version.setdefault(field.version_id, []).append(field)
        for step in form_steps:
            for field in by_version.get(step.form_version_id, []):
                found.setdefault(header_key(field.key), (step, field))
        return found


@dataclass
class _File:
    """What checking one file's rows shares."""

    partner: Partner
    plan: ImportPlan
    cells: RowCells
    definitions: _Definitions
    clients: dict
    existing: dict
    answer_columns: dict[int, str]
    imported_answers: dict
    seen: dict = dataclasses.field(default_factory=dict)


def case_import_plan(
    *, partner: Partner, sheet: Sheet, progress=None
) -> tuple[ImportPlan, list[PlannedRow]]:
    """What importing the sheet into the partner would do, and every problem. Reads only."""
    plan, cells = sheet_plan(sheet, CASE_COLUMNS)
    if cells is None:
        return plan, []
    rows = rows_read(sheet, plan)
    if rows is None:
        return plan, []
    refs = {cells.text(c, "source_reference") for _n, c in rows} - {""}
    existing = list(
        Case.objects.filter(partner=partner, source_reference__in=refs).select_related(
            "process_version"
        )
    )
    file = _File(
        partner=partner,
        plan=plan,
        cells=cells,
        definitions=_Definitions(partner),
        clients=_clients(partner, cells, rows),
        existing={c.source_reference: c for c in existing},
        imported_answers=imported_answers(existing),
        answer_columns={i: h for i, h in enumerate(sheet.headers) if h in cells.unknown},
    )
    used_answer_columns: set[int] = set()
    planned = []
    for number, row_cells in rows_counted(rows, progress):
        row = _plan_row(file, number, row_cells)
        if row is not None:
            used_answer_columns.update(row.values["answer_columns"])
            plan.counts[row.action] += 1
            planned.append(row)
    plan.unknown_headers = [
        header for index, header in file.answer_columns.items() if index not in used_answer_columns
    ]
    return plan, planned


def imported_answers(cases) -> dict[int, dict[int, dict]]:
    """{case id: {step id: answers}} kept by earlier imports of these cases (the done tasks an
    import wrote, not the answers given since)."""
    found: dict[int, dict[int, dict]] = {}
    tasks = CaseTask.objects.filter(
        process__in=cases, data__imported=True, answer_set__isnull=False
    ).values_list("process_id", "step_id", "answer_set__data")
    for case_id, step_id, data in tasks:
        found.setdefault(case_id, {})[step_id] = data or {}
    return found


def _clients(partner: Partner, cells: RowCells, rows) -> dict:
    ids, refs = set(), set()
    for _number, row_cells in rows:
        with contextlib.suppress(ValidationError):  # the row's own check says what is wrong
            ids.add(national_id_value(cells.raw(row_cells, "national_id")))
        refs.add(cells.text(row_cells, "client_reference"))
    found = {}
    for client in Client.objects.filter(national_id__in=ids - {""}).exclude(national_id=""):
        found[("national_id", client.national_id)] = client
    here = Client.objects.filter(registered_by=partner, source_reference__in=refs - {""})
    for client in here.exclude(source_reference=""):
        found[("client_reference", client.source_reference)] = client
    return found


def _plan_row(file: _File, number: int, row_cells: list) -> PlannedRow | None:
    plan, cells, definitions = file.plan, file.cells, file.definitions
    problems_before = len(plan.problems)
    reference = cells.required(number, row_cells, "source_reference")
    if reference and duplicate_check(cells, file.seen, number, "source_reference", reference):
        reference = ""
    client = _client(cells, file.clients, number, row_cells)
    process = _named(cells, definitions.processes, number, row_cells, "process", required=True)
    opened_on = cells.required(number, row_cells, "opened_on", date_value)
    closed_on = cells.value(number, row_cells, "closed_on", date_value)
    outcome = _named(cells, definitions.outcomes, number, row_cells, "outcome")
    if opened_on and closed_on and closed_on < opened_on:
        cells.problem(number, "closed_on", _("A case cannot close before it was opened."))
    if outcome and not closed_on and not cells.text(row_cells, "closed_on"):
        cells.problem(number, "closed_on", _("Give the date the case ended with this outcome."))
    if closed_on and not outcome and not cells.text(row_cells, "outcome"):
        cells.problem(number, "outcome", _("Give the outcome of a case that has ended."))
    version = step = None
    answers, used = {}, set()
    if process is not None:
        version = definitions.version(process)
        step = _step(cells, definitions, version, number, row_cells, outcome=outcome)
        answers, used = _answers(file, version, number, row_cells)
    if len(plan.problems) > problems_before:
        return None
    values = {
        "source_reference": reference,
        "client": client,
        "version": version,
        "step": step,
        "step_named": bool(cells.text(row_cells, "step")),
        "outcome": outcome.key if outcome else "",
        "opened_on": opened_on,
        "closed_on": closed_on,
        "answers": answers,
        "answer_columns": used,
    }
    case = file.existing.get(reference)
    if case is not None:
        changes = _changes(case, values, file.imported_answers.get(case.pk, {}))
        if isinstance(changes, tuple):  # (column, what cannot be changed)
            cells.problem(number, *changes)
            return None
        values.update(case=case, changes=changes)
        return PlannedRow(number, UPDATED if changes else UNCHANGED, values)
    return PlannedRow(number, LINKED if client.registered_by_id != file.partner.pk else NEW, values)


def _client(cells: RowCells, clients: dict, number: int, row_cells) -> Client | None:
    national_id = cells.value(number, row_cells, "national_id", national_id_value)
    reference = cells.text(row_cells, "client_reference")
    if national_id is None:
        return None
    if not national_id and not reference:
        cells.problem(
            number, "national_id", _("Give the client's national ID or register reference.")
        )
        return None
    by_id = clients.get(("national_id", national_id)) if national_id else None
    by_ref = clients.get(("client_reference", reference)) if reference else None
    if national_id and by_id is None:
        cells.problem(
            number,
            "national_id",
            _("No client has this national ID: import the clients first."),
        )
    elif reference and by_ref is None:
        cells.problem(
            number,
            "client_reference",
            _("No client of yours has this register reference: import the clients first."),
        )
    elif by_id and by_ref and by_id != by_ref:
        cells.problem(
            number,
            "client_reference",
            _("This reference belongs to another client than the national ID."),
        )
    else:
        return by_id or by_ref
    return None


def _named(cells, lookup: dict, number: int, row_cells, key: str, required: bool = False):
    text = cells.text(row_cells, key)
    if not text:
        if required:
            cells.problem(number, key, _("This column is required."))
        return None
    found = lookup.get(header_key(text))
    if found is None:
        cells.problem(
            number,
            key,
            _("“%(value)s” is not one of: %(choices)s.")
            % {"value": text, "choices": ", ".join(sorted({str(i) for i in lookup.values()}))},
        )
    return found


def _step(cells, definitions, version, number, row_cells, *, outcome) -> Step | None:
    """Where the imported case stands: the end step of its outcome (or the version's first end
    step) when it has ended, else the step given or the start step."""
    steps = definitions.steps(version)
    if outcome is not None:
        ends = sorted((s for s in steps if s.is_end), key=lambda s: s.outcome != outcome.key)
        return ends[0] if ends else None
    text = cells.text(row_cells, "step")
    if not text:
        return next((s for s in steps if s.is_start), None)
    step = definitions.steps_named(version).get(header_key(text))
    if step is None or not step.kind_spec.creates_task:
        names = ", ".join(s.name_th for s in steps if s.kind_spec.creates_task)
        cells.problem(
            number,
            "step",
            _("“%(value)s” is not a step with a task in this process: %(choices)s.")
            % {"value": text, "choices": names},
        )
        return None
    return step


def _answers(file: _File, version, number, row_cells):
    """{step: {field key: stored answer}} and the columns read, from the columns named by a
    field key of the version's forms."""
    fields = file.definitions.fields(version)
    answers: dict[Step, dict] = {}
    used = set()
    for index, header in file.answer_columns.items():
        found = fields.get(header_key(header))
        if found is None:
            continue
        used.add(index)
        step, field = found
        raw = row_cells[index] if index < len(row_cells) else None
        if not text_value(raw):
            continue
        try:
            value = answer_value(field, raw)
        except ValidationError as error:
            message = " ".join(str(m) for m in error.messages)
            file.plan.problems.append(Problem(number, header, message))
            continue
        if value is not None:
            answers.setdefault(step, {})[field.key] = value
    return answers, used


def _changes(case: Case, values: dict, imported: dict) -> set[str] | tuple:
    """What re-importing the row changes in the case imported before: a set of "opened_on",
    "closed_on", "outcome", "close" (an open case that has ended since) and "answers"; or
    (column, message) when the row asks for what an import may not change."""
    if case.client_id != values["client"].pk:
        return "source_reference", CLIENT_CHANGED
    if case.process_version.definition_id != values["version"].definition_id:
        return "process", PROCESS_CHANGED
    changes = set()
    if timezone.localtime(case.created).date() != values["opened_on"]:
        changes.add("opened_on")
    ended = case.status in (PROCESS.DONE, PROCESS.CANCELED)
    if ended and not values["outcome"]:
        return "outcome", CANNOT_REOPEN
    if not ended and values["outcome"]:
        changes.add("close")
    elif ended:
        if timezone.localtime(case.finished).date() != values["closed_on"]:
            changes.add("closed_on")
        if case.outcome != values["outcome"]:
            changes.add("outcome")
    elif values["step_named"] and case.current_step_id != values["step"].pk:
        return "step", STEP_CHANGED
    for step, answers in values["answers"].items():
        kept = imported.get(step.pk)
        if kept is None or any(kept.get(key) != value for key, value in answers.items()):
            changes.add("answers")
    return changes


CLIENT_CHANGED = _(
    "A case with this reference was imported before for another client: a case's client is "
    "not changed by an import."
)
PROCESS_CHANGED = _(
    "A case with this reference was imported before on another process: a case's process is "
    "not changed by an import."
)
CANNOT_REOPEN = _(
    "This case has ended: an import does not reopen it (give its outcome and the day it closed)."
)
STEP_CHANGED = _(
    "This case waits at another step: an import does not move an open case to another step "
    "(work its tasks on the case's page, or leave the step column as it was)."
)
