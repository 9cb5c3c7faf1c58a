"""Reads about public reports: the case page's panel, the photo, finding a case by reference,
and the administrators' choice of process."""

import re

from django.db.models import Exists, OuterRef, Q, QuerySet

from forms_builder.models import AnswerFile, VersionStatus
from forms_builder.selectors import answers_display
from partners.models import Partner, Role
from partners.selectors import partners_administered_by, user_has_role
from workflows.models import Case, CaseTask, ProcessDefinition, PublicReport, ReporterContact
from workflows.selectors.access import CASE_ROLES, cases_visible_to, user_can_see_sensitive

CASE_REFERENCE = re.compile(r"^\s*C?-?\s*0*(\d{1,9})\s*$", re.IGNORECASE)


def reference_normalize(text: str) -> str:
    """What a person typed or read out ('k7qx-3m9 pta') as a stored public report reference."""
    return "".join(ch for ch in (text or "").upper() if ch.isalnum())


def user_can_mark_report(user, case: Case) -> bool:
    """The handling partner's caseworkers and supervisors decide what a report was."""
    return PublicReport.objects.filter(case=case).exists() and user_has_role(
        user, (Role.SUPERVISOR, Role.CASEWORKER), partner=case.partner
    )


def user_can_see_reporter(user, case: Case) -> bool:
    """PDPA: the reporter's contact is for the partner handling the case, nobody else."""
    return user_has_role(user, CASE_ROLES, partner=case.partner)


def public_report_panel(*, case: Case, user) -> dict:
    """What the case page shows of the public report that started it (empty if none)."""
    report = (
        PublicReport.objects.filter(case=case)
        .select_related("answer_set__form_version", "duplicate_of")
        .first()
    )
    if report is None:
        return {}
    can_see_sensitive = user_can_see_sensitive(user, case)
    photos = [
        f
        for f in AnswerFile.objects.filter(answer_set=report.answer_set).order_by("pk")
        if f.content_type.startswith("image/")
    ]
    contact = None
    if user_can_see_reporter(user, case):
        contact = ReporterContact.objects.filter(report=report).first()
    return {
        "public_report": report,
        "public_report_answers": answers_display(
            answer_set=report.answer_set, can_see_sensitive=can_see_sensitive
        ),
        "public_report_photos": photos,
        "reporter_contact": contact,
        "can_mark_report": case.status not in ("DONE", "CANCELED")
        and user_can_mark_report(user, case),
    }


def answer_file_for_user(*, user, uuid) -> tuple[AnswerFile, Case] | None:
    """A file answer and its case, if the case is one the user may see (and the answer is not
    hidden from them)."""
    answer_file = AnswerFile.objects.select_related("answer_set__form_version").filter(uuid=uuid)
    answer_file = answer_file.first()
    if answer_file is None or answer_file.answer_set_id is None:
        return None
    cases = cases_visible_to(user).filter(
        Q(public_report__answer_set_id=answer_file.answer_set_id)
        | Exists(
            CaseTask.objects.filter(process=OuterRef("pk"), answer_set_id=answer_file.answer_set_id)
        )
    )
    case = cases.select_related("partner").first()
    if case is None:
        return None
    sensitive = answer_file.answer_set.form_version.fields.filter(
        key=answer_file.field_key, sensitive=True
    ).exists()
    if sensitive and not user_can_see_sensitive(user, case):
        return None
    return answer_file, case


def case_by_reference(*, user, reference: str) -> Case | None:
    """A case the user may see, by its case reference (C-000123) or its public report's."""
    cases = cases_visible_to(user)
    match = CASE_REFERENCE.match(reference or "")
    if match:
        return cases.filter(pk=int(match.group(1))).first()
    normalized = reference_normalize(reference)
    return cases.filter(public_report__reference=normalized).first() if normalized else None


def report_settings_partners(user) -> QuerySet[Partner]:
    """Partners whose public report process the user may choose, with their current choice."""
    return (
        partners_administered_by(user)
        .select_related("public_report_setting__process_definition")
        .order_by("name_th")
    )


def report_process_choices(*, partner: Partner) -> QuerySet[ProcessDefinition]:
    """Published processes the partner's reports may start: its own and the network's."""
    return (
        ProcessDefinition.objects.filter(Q(partner=partner) | Q(partner__isnull=True))
        .filter(versions__status=VersionStatus.PUBLISHED)
        .distinct()
        .order_by("name_th")
    )


__all__ = [
    "answer_file_for_user",
    "case_by_reference",
    "public_report_panel",
    "report_process_choices",
    "report_settings_partners",
    "user_can_see_reporter",
]
