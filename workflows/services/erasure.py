"""Removing a person from everywhere the network wrote them down, for the retention rule.

`client_traces_erase` runs inside `client_anonymise`'s transaction, with the client row locked,
and returns the files to delete: the caller deletes them only once the transaction commits, so a
failure leaves everything as it was. What stays is what can be counted and names no one: the
cases with their steps, dates and outcomes; answers that are a choice, a yes/no or a number; the
area a report came from; the access log. Free text the staff wrote about the person (notes,
comments, letters, reasons) goes whole; where the person's name or numbers were copied into
text kept for others (notifications, Wagtail's history, stored search queries, the access
log's details) they are blotted out."""

import datetime as dt
import json
import re

from django.core.files.storage import Storage
from django.db.models import Q
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import ModelLogEntry

from forms_builder.models import (
    AnswerFile,
    AnswerSet,
    FieldDefinition,
    FieldType,
    private_storage,
)
from notifications.models import Notification
from workflows.models import (
    AccessRecord,
    Case,
    CaseEvent,
    CaseTask,
    Client,
    ClientChange,
    ClientImport,
    FollowUp,
    PublicReport,
    Referral,
    ReferralLetter,
    ReferralTodo,
    ReporterContact,
)
from workflows.services.import_files import import_files_forget

# Answers that count without naming: kept after retention. Every other type goes.
COUNTABLE_TYPES = {
    FieldType.SINGLE_CHOICE,
    FieldType.MULTIPLE_CHOICE,
    FieldType.YES_NO,
    FieldType.INTEGER,
    FieldType.DECIMAL,
}
BLOTTED = "…"
StoredFile = tuple[Storage, str]
# Keys of case events' details that hold text staff wrote.
FREE_TEXT_KEYS = {"note", "comment", "reason", "answer_note"}
SHORTEST_TOKEN = 3  # shorter pieces of a name would blot out unrelated words


def client_tokens(client: Client, cases) -> list[str]:
    """The strings that identify the person, read before the record is cleared."""
    values = [
        client.first_name,
        client.last_name,
        f"{client.first_name} {client.last_name}",
        client.name_en,
        *client.aliases.split(","),
        client.national_id,
        client.document_number,
        client.source_reference,
        *(case.source_reference for case in cases),
    ]
    for contact in ReporterContact.objects.filter(report__case__in=cases):
        values += [contact.name, contact.phone, contact.email]
    tokens = {value.strip() for value in values if value and len(value.strip()) >= SHORTEST_TOKEN}
    return sorted(tokens, key=len, reverse=True)


def _blot(value, pattern: re.Pattern):
    if isinstance(value, str):
        return pattern.sub(BLOTTED, value)
    if isinstance(value, list):
        return [_blot(item, pattern) for item in value]
    if isinstance(value, dict):
        return {key: _blot(item, pattern) for key, item in value.items()}
    return value


def _mentioning(field: str, tokens: list[str]) -> Q:
    """Rows whose text or JSON field holds a token (JSON may keep Thai as \\u escapes)."""
    query = Q()
    for token in tokens:
        query |= Q(**{f"{field}__icontains": token})
        escaped = json.dumps(token)[1:-1]
        if escaped != token:
            query |= Q(**{f"{field}__icontains": escaped})
    return query


def _blot_rows(queryset, fields: list[str], pattern: re.Pattern) -> None:
    for row in queryset.only("pk", *fields):
        for field in fields:
            setattr(row, field, _blot(getattr(row, field), pattern))
        row.save(update_fields=fields)


def _answers_keep_countable(answer_set_ids: set[int]) -> list[StoredFile]:
    """Drop every answer that is not countable and the uploaded files; the files to delete."""
    answer_sets = list(AnswerSet.objects.filter(pk__in=answer_set_ids))
    countable = set(
        FieldDefinition.objects.filter(
            version__in={a.form_version_id for a in answer_sets}, field_type__in=COUNTABLE_TYPES
        ).values_list("version_id", "key")
    )
    for answer_set in answer_sets:
        answer_set.data = {
            key: value
            for key, value in answer_set.data.items()
            if (answer_set.form_version_id, key) in countable
        }
        answer_set.save(update_fields=["data"])
    uploads = AnswerFile.objects.filter(answer_set__in=answer_set_ids)
    files = [(upload.file.storage, upload.file.name) for upload in uploads if upload.file]
    uploads.delete()
    return files


def client_traces_erase(*, client: Client, now: dt.datetime) -> list[StoredFile]:
    """Clear the person from every table beside their own record; the files to delete."""
    cases = list(Case.objects.filter(client=client))
    tokens = client_tokens(client, cases)
    pattern = re.compile("|".join(re.escape(t) for t in tokens), re.IGNORECASE) if tokens else None
    case_ids = [case.pk for case in cases]
    partner_ids = {case.partner_id for case in cases} | {client.registered_by_id}

    Case.objects.filter(pk__in=case_ids).update(source_reference="", data={})
    tasks = CaseTask.objects.filter(process__in=case_ids)
    answer_set_ids = set(tasks.exclude(answer_set=None).values_list("answer_set", flat=True))
    tasks.update(comment="", data={})
    reports = PublicReport.objects.filter(case__in=case_ids)
    answer_set_ids |= set(reports.exclude(answer_set=None).values_list("answer_set", flat=True))
    reports.update(latitude=None, longitude=None)
    ReporterContact.objects.filter(report__case__in=case_ids).update(
        name="", phone="", email="", consent_text=""
    )
    files = _answers_keep_countable(answer_set_ids)

    referrals = Referral.objects.filter(client=client)
    files += [(r.consent_photo.storage, r.consent_photo.name) for r in referrals if r.consent_photo]
    referrals.update(
        shared_answers=[],
        reason="",
        note="",
        answer_note="",
        consent_given_by="",
        consent_given_on=None,
        consent_scope="",
        consent_until=None,
        consent_photo="",
    )
    ReferralTodo.objects.filter(case__in=case_ids).update(note="")
    ReferralLetter.objects.filter(client=client).update(
        subject="", body="", details=[], reason="", consent_given_by="", consent_given_on=None
    )
    FollowUp.objects.filter(case__in=case_ids).update(reason="")
    for event in CaseEvent.objects.filter(case__in=case_ids).only("pk", "details"):
        details = {k: v for k, v in event.details.items() if k not in FREE_TEXT_KEYS}
        event.details = _blot(details, pattern) if pattern else details
        event.save(update_fields=["details"])

    # Kept import files of the partners that hold the person may list them: removed now.
    runs = ClientImport.objects.select_for_update().filter(
        partner__in=partner_ids, files_removed_at=None
    )
    for run in runs:
        if not run.running:
            path = import_files_forget(run, now=now)
            if path:
                files.append((private_storage(), path))

    if pattern is None:
        return files
    _blot_rows(
        Notification.objects.filter(partner__in=partner_ids).filter(_mentioning("params", tokens)),
        ["params"],
        pattern,
    )
    _blot_rows(
        ModelLogEntry.objects.filter(_mentioning("label", tokens) | _mentioning("data", tokens)),
        ["label", "data"],
        pattern,
    )
    _blot_rows(
        AccessRecord.objects.filter(_mentioning("label", tokens) | _mentioning("detail", tokens)),
        ["label", "detail"],
        pattern,
    )
    _blot_rows(ClientChange.objects.filter(client=client), ["reason"], pattern)
    Query.objects.filter(_mentioning("query_string", tokens)).delete()
    return files
