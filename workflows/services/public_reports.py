"""Public reports: where a report goes, starting its case, closing it as a duplicate or as not
actionable. The cms report page calls `public_report_submit` and nothing else of workflows."""

import secrets
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from forms_builder.services import answer_set_create
from forms_builder.stored_files import answer_files_removed_on_failure
from partners.areas import area_name
from partners.models import Partner, PartnerKind, ServiceArea
from workflows.errors import TaskNotAvailable, WorkflowError
from workflows.models import (
    Case,
    CaseSource,
    OutcomeKey,
    ProcessDefinition,
    PublicReport,
    PublicReportSetting,
    ReporterContact,
)
from workflows.models.reports import REFERENCE_LENGTH
from workflows.selectors.access import case_partner_ids
from workflows.selectors.reports import user_can_mark_report
from workflows.services.cases import case_close, case_start, process_version_current
from workflows.services.clients import client_create

# No 0/O, 1/I/L: read aloud on the phone without confusion.
REFERENCE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
URGENT_KEYS = ("is_child", "is_elderly", "is_ill", "in_danger")
CONTACT_KEYS = ("name", "phone", "email")


class PublicReportNotRoutable(WorkflowError):
    default_message = _(
        "Your report could not be sent right now. Please try again later, or call the 1300 hotline."
    )


def reference_new() -> str:
    """A random reference: 31^10 (about 8 × 10^14) values, so guessing one finds nothing."""
    while True:
        reference = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))
        if not PublicReport.objects.filter(reference=reference).exists():
            return reference


def _center() -> Partner:
    center = Partner.objects.active().filter(kind=PartnerKind.CENTER).order_by("pk").first()
    if center is None:
        raise PublicReportNotRoutable()
    return center


def partner_for_area(*, area_code: str) -> tuple[Partner, bool]:
    """The partner serving the most specific area containing the place (subdistrict, district,
    province), else the center; the flag says the place is in no partner's province."""
    prefixes = [area_code[:n] for n in (6, 4, 2) if len(area_code) >= n]
    areas = ServiceArea.objects.filter(code__in=prefixes, partner__is_active=True).select_related(
        "partner"
    )
    # At the same level a municipality is nearer to the place than the center.
    ranked = sorted(areas, key=lambda a: (-len(a.code), a.partner.is_center, a.partner_id))
    if ranked:
        return ranked[0].partner, False
    return _center(), bool(area_code)


def _process_for(partner: Partner) -> tuple[Partner, object]:
    """The partner's chosen process; a partner without one hands its reports to the center."""
    for candidate in (partner, _center()):
        setting = (
            PublicReportSetting.objects.filter(partner=candidate)
            .select_related("process_definition")
            .first()
        )
        if setting is not None:
            return candidate, setting.process_definition
    raise PublicReportNotRoutable()


def _place(answers: dict) -> tuple[str, str]:
    """(DOPA code, words) of the reported place's Thai address answer."""
    address = answers.get("location")
    if not isinstance(address, dict):
        return "", ""
    code = address.get("subdistrict") or address.get("district") or address.get("province") or ""
    words = [address.get(part, "") for part in ("house", "road", "landmark")]
    return str(code), ", ".join(w for w in words if w)


def _point(answers: dict) -> tuple[Decimal | None, Decimal | None]:
    point = answers.get("map_location")
    if not isinstance(point, dict) or point.get("lat") is None or point.get("lng") is None:
        return None, None
    return Decimal(str(point["lat"])), Decimal(str(point["lng"]))


def _contact_save(report: PublicReport, reporter: dict | None, consent: bool) -> None:
    reporter = reporter or {}
    contact = {key: str(reporter.get(key) or "").strip() for key in CONTACT_KEYS}
    # PDPA: without consent to be contacted there is no reason to keep how to reach them.
    if not consent or not any(contact.values()):
        return
    ReporterContact.objects.create(
        report=report,
        name=contact["name"][:255],
        phone=contact["phone"][:50],
        email=contact["email"][:254],
        consent_to_contact=True,
        consent_text=str(reporter.get("consent_text") or ""),
        consent_version=str(reporter.get("consent_version") or "")[:50],
        consented_at=timezone.now(),
    )


def public_report_submit(
    *, form, reporter: dict | None = None, consent: bool = False
) -> PublicReport:
    """Store a valid report form's answers and start its case at the responsible partner,
    all in one transaction: either the case exists, or nothing was written."""
    # If any of it fails, the rows roll back and the photo is removed too.
    with answer_files_removed_on_failure(), transaction.atomic():
        answer_set = answer_set_create(version=form.version, form=form, user=None)
        answers = answer_set.data
        area_code, place = _place(answers)
        partner, outside = partner_for_area(area_code=area_code)
        partner, definition = _process_for(partner)
        urgent = any(answers.get(key) is True for key in URGENT_KEYS)
        client = client_create(
            partner=partner,
            user=None,
            found_area_code=area_code,
            # The landmark and the area it is in: "หน้าตลาด ต.หนองปรือ อ.บางละมุง จ.ชลบุรี".
            found_place=" ".join(filter(None, [place, area_name(area_code)]))[:500],
        )
        case = case_start(
            partner=partner,
            client=client,
            version=process_version_current(definition=definition),
            source=CaseSource.PUBLIC_REPORT,
            urgent=urgent,
        )
        latitude, longitude = _point(answers)
        report = PublicReport.objects.create(
            reference=reference_new(),
            case=case,
            answer_set=answer_set,
            area_code=area_code,
            latitude=latitude,
            longitude=longitude,
            outside_province=outside,
            urgent=urgent,
        )
        _contact_save(report, reporter, consent)
    return report


def report_mark_duplicate(*, case: Case, of_case: Case, user) -> Case:
    """Close a public report's case as a duplicate of another case the user can see."""
    if not user_can_mark_report(user, case) or of_case.partner_id not in case_partner_ids(user):
        raise TaskNotAvailable()
    if of_case.pk == case.pk:
        raise WorkflowError(_("A case cannot be a duplicate of itself."))
    with transaction.atomic():
        case = case_close(
            case=case,
            user=user,
            outcome=OutcomeKey.DUPLICATE,
            data={"duplicate_of": of_case.pk},
        )
        PublicReport.objects.filter(case=case).update(duplicate_of=of_case)
    return case


def report_mark_not_actionable(*, case: Case, user) -> Case:
    """Close a public report's case: nothing can be done (nobody found, not a person in need)."""
    if not user_can_mark_report(user, case):
        raise TaskNotAvailable()
    return case_close(case=case, user=user, outcome=OutcomeKey.NOT_ACTIONABLE)


REPORT_SETTING_ACTION = "workflows.public_report_setting"


@transaction.atomic
def public_report_setting_save(
    *, partner: Partner, process_definition: ProcessDefinition, user
) -> PublicReportSetting:
    """Choose the process a partner's public reports start: its own, or one of the network's."""
    if process_definition.partner_id not in (None, partner.pk):
        raise WorkflowError(_("This process belongs to another partner."))
    process_version_current(definition=process_definition)  # raises when nothing is published
    setting, _created = PublicReportSetting.objects.update_or_create(
        partner=partner, defaults={"process_definition": process_definition}
    )
    log(
        instance=setting,
        action=REPORT_SETTING_ACTION,
        user=user,
        title=str(partner),
        data={"process": process_definition.pk},
    )
    return setting
