"""Everything the network holds about one person, for a data-subject request (PDPA §30):
the client record, every case at every partner with its answers, referrals, corrections and the
access log. Read-only; the view records the export itself."""

from dateutil.relativedelta import relativedelta
from django.utils import timezone
from viewflow.workflow.status import PROCESS

from workflows.models import (
    AccessRecord,
    Case,
    CaseTask,
    Client,
    ClientChange,
    Outcome,
    Referral,
)
from workflows.services.clients import CLIENT_FIELDS


def _value(value):
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _client(client: Client) -> dict:
    record = {name: _value(getattr(client, name)) for name in CLIENT_FIELDS}
    record.update(
        registered_by=client.registered_by.name if client.registered_by_id else "",
        created_at=_value(client.created_at),
        legal_hold=client.legal_hold,
        legal_hold_reason=client.legal_hold_reason,
        anonymised_at=_value(client.anonymised_at),
        photo=bool(client.photo),
    )
    return record


def _cases(client: Client) -> list[dict]:
    cases = Case.objects.filter(client=client).select_related(
        "partner", "process_version__definition", "public_report__answer_set"
    )
    tasks = CaseTask.objects.filter(process__client=client, answer_set__isnull=False)
    answers_by_case: dict[int, list] = {}
    for task in tasks.select_related("step", "answer_set").order_by("created", "pk"):
        answers_by_case.setdefault(task.process_id, []).append(
            {
                "step": task.step.name if task.step_id else "",
                "submitted_at": _value(task.answer_set.submitted_at),
                "answers": task.answer_set.data,
            }
        )
    result = []
    for case in cases.order_by("created", "pk"):
        report = getattr(case, "public_report", None)
        report_answers = report.answer_set.data if report and report.answer_set_id else None
        result.append(
            {
                "reference": case.reference,
                "partner": case.partner.name,
                "process": case.process_version.definition.name,
                "opened": _value(case.created),
                "finished": _value(case.finished),
                "outcome": case.outcome_label if case.outcome else "",
                "public_report": report_answers,
                "answers": answers_by_case.get(case.pk, []),
            }
        )
    return result


def _referrals(client: Client) -> list[dict]:
    referrals = Referral.objects.filter(client=client).select_related(
        "sending_partner", "receiving_partner"
    )
    return [
        {
            "from": r.sending_partner.name,
            "to": r.receiving_partner.name,
            "status": r.get_status_display(),
            "basis": r.get_basis_display(),
            "reason": r.reason,
            "shared_answers": r.shared_answers,
        }
        for r in referrals.order_by("pk")
    ]


def _changes(client: Client) -> list[dict]:
    changes = ClientChange.objects.filter(client=client).select_related("partner")
    return [
        {
            "at": _value(c.at),
            "who": c.username,
            "partner": c.partner.name if c.partner_id else "",
            "fields": c.fields,
            "previous": c.previous,
            "reason": c.reason,
        }
        for c in changes.order_by("at", "pk")
    ]


def _access_log(client: Client) -> list[dict]:
    records = AccessRecord.objects.filter(client=client).select_related("partner")
    return [
        {
            "at": _value(r.at),
            "who": r.username,
            "partner": r.partner.name if r.partner_id else "",
            "kind": r.get_kind_display(),
            "what": r.label,
            "address": r.address or "",
        }
        for r in records.order_by("at", "pk")
    ]


def client_record_labelled(record: dict) -> list[tuple[str, object]]:
    """The client part of the file with each field's label, for the readable copy."""
    labels = {field.name: str(field.verbose_name) for field in Client._meta.fields}
    return [(labels.get(name, name), value) for name, value in record.items()]


def client_subject_data(*, client: Client) -> dict:
    return {
        "generated_at": _value(timezone.now()),
        "client": _client(client),
        "cases": _cases(client),
        "referrals": _referrals(client),
        "changes": _changes(client),
        "access_log": _access_log(client),
    }


def client_retention_outlook(*, client: Client) -> tuple[str, object]:
    """When the retention rule would remove the person, for the officer: ("removed", when),
    ("held", None), ("open", None) while a case is open, ("kept", None) when an outcome keeps
    them, or ("due", the date) — the last case's end plus its outcome's years."""
    if client.anonymised_at:
        return "removed", client.anonymised_at
    if client.legal_hold:
        return "held", None
    cases = list(Case.objects.filter(client=client).values("status", "finished", "outcome"))
    if not cases or any(c["status"] != PROCESS.DONE or c["finished"] is None for c in cases):
        return "open", None
    years = dict(
        Outcome.objects.filter(key__in={c["outcome"] for c in cases}).values_list(
            "key", "anonymise_after_years"
        )
    )
    if any(not years.get(c["outcome"]) for c in cases):
        return "kept", None
    return "due", max(c["finished"] + relativedelta(years=years[c["outcome"]]) for c in cases)
