"""Referral letters to organizations outside the network: written from a template the
administrators keep, on the same basis for sharing as a referral between partners (consent or a
legal basis; a PDPA §26 answer only when the basis allows it), recorded on the case with a to-do
"confirm the person arrived"."""

import re
import string

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from viewflow.workflow.status import PROCESS

from partners.selectors import user_has_role
from thai.dates import format_thai_date
from workflows.models import (
    Case,
    CaseEventKind,
    ExternalOrganization,
    LegalBasis,
    LetterTemplate,
    ReferralBasis,
    ReferralLetter,
    ReferralTodo,
    ReferralTodoKind,
)
from workflows.selectors.referrals import REFERRAL_ROLES, case_shareable_answers
from workflows.services.events import case_event_record
from workflows.services.referrals import basis_check, require, sensitive_allowed, snapshot


def _client_details(client) -> list[dict]:
    rows = [(_("Name"), client.display_name)]
    if client.national_id:
        rows.append((_("National ID"), client.national_id))
    elif client.document_number:
        rows.append((_("Document number"), client.document_number))
    if client.birth_date:
        rows.append((_("Birth date"), format_thai_date(client.birth_date)))
    if client.age is not None:
        rows.append((_("Age"), _("%(years)s years") % {"years": client.age}))
    if client.nationality:
        rows.append((_("Nationality"), client.nationality))
    if client.sex and client.sex != "unknown":
        rows.append((_("Sex"), str(client.get_sex_display())))
    return [{"label": str(label), "value": str(value)} for label, value in rows]


def partner_contact_lines(partner, *, with_person: bool = True) -> list[str]:
    """How to reach the writing partner, each line saying what it is: its contact person as the
    coordinator (no such line when it has none), its phone as the phone, its e-mail. In the
    language active (letters are written in Thai)."""
    lines = []
    if with_person and partner.contact_person:
        lines.append(_("Coordinator %(person)s") % {"person": partner.contact_person})
    if partner.phone:
        lines.append(_("Phone %(phone)s") % {"phone": partner.phone})
    if partner.email:
        lines.append(_("E-mail %(email)s") % {"email": partner.email})
    return lines


#: Templates written before ${contact} said what each line is put "ผู้ประสานงาน" (coordinator)
#: before it themselves, which made a hotline number the coordinator: the placeholder alone now.
LABELLED_CONTACT = re.compile(r"ผู้ประสานงาน[ \t]*:?[ \t]*(\$\{contact\}|\$contact\b)")


def letter_fill(*, template: LetterTemplate, values: dict) -> tuple[str, str]:
    """The template's subject and text with its ${placeholders} filled (unknown ones kept)."""
    subject = string.Template(template.subject).safe_substitute(values)
    body = LABELLED_CONTACT.sub(r"\1", template.body)
    return subject, string.Template(body).safe_substitute(values)


@transaction.atomic
def referral_letter_write(
    *,
    case: Case,
    user,
    organization: ExternalOrganization,
    template: LetterTemplate,
    reason: str,
    field_keys: list[str],
    basis: str,
    consent_given_by: str = "",
    consent_given_on=None,
    consent_sensitive: bool = False,
    legal_basis: LegalBasis | None = None,
) -> ReferralLetter:
    """Write a referral letter for the case's client to an external organization; the case gets
    the to-do "confirm the person arrived"."""
    today = timezone.localdate()
    require(
        user_has_role(user, REFERRAL_ROLES, partner=case.partner),
        _("Only the case partner's caseworkers and supervisors can refer its cases."),
    )
    case = Case.objects.select_for_update().select_related("client", "partner").get(pk=case.pk)
    require(case.status not in (PROCESS.DONE, PROCESS.CANCELED), _("This case is closed."))
    require(organization.is_active, _("Choose an active external organization."))
    require(template.is_active, _("Choose an active letter template."))
    reason = (reason or "").strip()
    require(bool(reason), _("Say why the person is referred."))
    basis_check(
        basis=basis,
        consent_given_by=consent_given_by,
        consent_given_on=consent_given_on,
        consent_until=None,
        legal_basis=legal_basis,
        today=today,
    )
    available = {a.key: a for a in case_shareable_answers(case=case)}
    require(
        not set(field_keys) - set(available),
        _("Choose the answers to share from this case's answers."),
    )
    shared, withheld = snapshot(
        [a for key, a in available.items() if key in set(field_keys)],
        sensitive_allowed=sensitive_allowed(
            basis=basis, consent_sensitive=consent_sensitive, legal_basis=legal_basis
        ),
    )
    partner = case.partner
    with translation.override("th"):
        details = _client_details(case.client) + [
            {"label": row["label_th"], "value": row["display_th"]} for row in shared
        ]
        contact = "\n".join(partner_contact_lines(partner))
        subject, body = letter_fill(
            template=template,
            values={
                "date": format_thai_date(today),
                "partner": partner.name_th,
                "organization": organization.name_th,
                "organization_address": organization.address,
                "client": case.client.display_name,
                "client_details": "\n".join(f"{d['label']}: {d['value']}" for d in details),
                "reason": reason,
                "contact": contact,
            },
        )
    consent = basis == ReferralBasis.CONSENT
    letter = ReferralLetter.objects.create(
        case=case,
        partner=partner,
        client=case.client,
        organization=organization,
        template=template,
        reason=reason,
        basis=basis,
        consent_given_by=consent_given_by.strip() if consent else "",
        consent_given_on=consent_given_on if consent else None,
        legal_basis=None if consent else legal_basis,
        subject=subject,
        body=body,
        details=details,
        withheld=withheld,
        written_by=user,
    )
    ReferralTodo.objects.create(
        case=case, partner=partner, letter=letter, kind=ReferralTodoKind.CONFIRM_ARRIVAL
    )
    case_event_record(
        case=case,
        kind=CaseEventKind.REFERRAL_LETTER,
        user=user,
        details={"partner": organization.name_th, "letter": letter.pk},
    )
    return letter


__all__ = ["letter_fill", "partner_contact_lines", "referral_letter_write"]
