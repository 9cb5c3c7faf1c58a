"""Checking a register of planned follow-ups (visits or calls to come) before anything is written.

Each row names one of the partner's cases (by its reference in the partner's own register, as a
case import gave it, or by its reference in the system, C-000123), a follow-up process and a date
from today on. A follow-up is the same one when its case, process and date are: importing the same
file again changes nothing."""

import functools

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partners.models import Partner
from workflows.imports.clients import NEW, UNCHANGED, ImportPlan
from workflows.imports.columns import Column, header_key
from workflows.imports.readers import Sheet
from workflows.imports.registers import (
    Labels,
    PlannedRow,
    duplicate_check,
    named,
    rows_counted,
    rows_read,
    sheet_plan,
)
from workflows.imports.values import date_value, integer_value
from workflows.models import Case, FollowUp
from workflows.selectors.reports import CASE_REFERENCE
from workflows.step_kinds.follow_ups import follow_up_processes

DEFAULT_LEAD_DAYS = 7
FOLLOW_UP_COLUMNS = (
    Column(
        "case",
        "เลขที่เรื่อง",
        "Case reference",
        _("The case's number in your own register (as imported), or its reference here: C-000123."),
    ),
    Column("process", "กระบวนการติดตามผล", "Follow-up process", _("Choose from the list.")),
    Column(
        "due_on",
        "วันที่ติดตามผล",
        "Follow-up date",
        _("Today or later, day/month/Buddhist-era year with the year whole: 6/8/2570."),
    ),
    Column(
        "lead_days",
        "จำนวนวันล่วงหน้า",
        "Days ahead in the queue",
        _("How many days before the date its task appears in the queue (empty: 7)."),
    ),
    Column("reason", "เหตุผล", "Reason", _("Optional.")),
)


def follow_up_columns(partner_ids) -> tuple[Column, ...]:
    processes = Labels(
        sorted({p.name_th for partner_id in partner_ids for p in follow_up_processes(partner_id)})
    )
    return tuple(
        Column(c.key, c.th, c.en, c.help, processes if c.key == "process" else c.choices)
        for c in FOLLOW_UP_COLUMNS
    )


def follow_up_import_plan(
    *, partner: Partner, sheet: Sheet, progress=None
) -> tuple[ImportPlan, list[PlannedRow]]:
    """What importing the sheet into the partner would do, and every problem. Reads only."""
    plan, cells = sheet_plan(sheet, FOLLOW_UP_COLUMNS)
    if cells is None:
        return plan, []
    rows = rows_read(sheet, plan)
    if rows is None:
        return plan, []
    cases = _cases(partner, [cells.text(c, "case") for _n, c in rows])
    processes = named(
        follow_up_processes(partner.pk), lambda p: p.key, lambda p: p.name_th, lambda p: p.name_en
    )
    existing = set(
        FollowUp.objects.filter(case__in=set(cases.values())).values_list(
            "case_id", "process_definition_id", "due_on"
        )
    )
    today = timezone.localdate()
    seen, planned = {}, []
    for number, row_cells in rows_counted(rows, progress):
        before = len(plan.problems)
        reference = cells.required(number, row_cells, "case")
        case = cases.get(reference) if reference else None
        if reference and case is None:
            cells.problem(number, "case", _("None of your cases has this reference."))
        process_name = cells.required(number, row_cells, "process")
        process = processes.get(header_key(process_name)) if process_name else None
        if process_name and process is None:
            cells.problem(
                number,
                "process",
                _("“%(value)s” is not one of: %(choices)s.")
                % {"value": process_name, "choices": ", ".join(sorted(_names(processes)))},
            )
        due_on = cells.required(
            number, row_cells, "due_on", functools.partial(date_value, future=True)
        )
        if due_on and due_on < today:
            cells.problem(number, "due_on", _("Choose today or a later date."))
        lead_days = cells.value(
            number,
            row_cells,
            "lead_days",
            functools.partial(integer_value, minimum=0, maximum=90),
        )
        if len(plan.problems) > before:
            continue
        key = (case.pk, process.pk, due_on)
        if duplicate_check(cells, seen, number, "due_on", key):
            continue
        values = {
            "case": case,
            "process": process,
            "due_on": due_on,
            "lead_days": DEFAULT_LEAD_DAYS if lead_days is None else lead_days,
            "reason": cells.text(row_cells, "reason"),
        }
        action = UNCHANGED if key in existing else NEW
        plan.counts[action] += 1
        planned.append(PlannedRow(number, action, values))
    return plan, planned


def _names(processes: dict) -> set[str]:
    return {p.name_th for p in processes.values()}


def _cases(partner: Partner, references: list[str]) -> dict[str, Case]:
    """{reference as written: the partner's case}, by register reference or C-000123."""
    references = [r for r in references if r]
    by_pk = {}
    for reference in references:
        if match := CASE_REFERENCE.match(reference):
            by_pk[int(match[1])] = reference
    found = {}
    here = Case.objects.filter(partner=partner).select_related("partner", "client")
    for case in here.filter(pk__in=by_pk):
        found[by_pk[case.pk]] = case
    for case in here.filter(source_reference__in=references):
        found[case.source_reference] = case  # the register's own number wins
    return found
