"""Recording every read and write of personal data (PDPA): one small service, one INSERT.

Views call `record_access(request, obj, kind)` after their access check; the record keeps who,
when, from which address (`partners.client_ip`, behind the trusted proxies), which object (its
type, id and a label that names no identifying field), the client it is about and the partner
whose data it is, so "who has seen this person" is one indexed query."""

import ipaddress

from django.contrib.contenttypes.models import ContentType

from partners.client_ip import client_address
from workflows.models import AccessKind, AccessRecord, Case, CaseTask, Client, Referral


def _about(obj) -> tuple[int | None, int | None, str]:
    """(client id, partner id, label) of an object, from columns already loaded (no query)."""
    if isinstance(obj, Client):
        return obj.pk, obj.registered_by_id, f"#{obj.pk}"
    if isinstance(obj, Case):
        return obj.client_id, obj.partner_id, obj.reference
    if isinstance(obj, CaseTask):
        case_reference = f"C-{obj.process_id:06d}"
        client_id = obj.process.client_id if "process" in obj._state.fields_cache else None
        return client_id, obj.partner_id, f"{case_reference} · #{obj.pk}"
    if isinstance(obj, Referral):
        return obj.client_id, obj.sending_partner_id, f"R-{obj.pk:06d}"
    return None, getattr(obj, "partner_id", None), str(obj)[:255]


def _address(request) -> str | None:
    """The sender's address, or None when it is missing or not an address (a forged header)."""
    address = client_address(request) if request is not None else ""
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def record_access(
    request,
    obj=None,
    kind: str = AccessKind.VIEW,
    *,
    user=None,
    username: str = "",
    client: Client | None = None,
    partner_id: int | None = None,
    detail: dict | None = None,
) -> AccessRecord:
    """Write one access record. `client` / `partner_id` override what the object says (a file
    answer is about its case's client); `user` defaults to the request's signed-in user;
    `username` names who tried when nobody is signed in (a failed login)."""
    client_id, about_partner_id, label = _about(obj) if obj is not None else (None, None, "")
    if client is not None:
        client_id = client.pk
    signed_in = getattr(request, "user", None)
    if user is None and signed_in is not None and signed_in.is_authenticated:
        user = signed_in
    record = AccessRecord(
        user=user,
        username=(user.get_username() if user is not None else username)[:150],
        address=_address(request),
        kind=kind,
        partner_id=partner_id if partner_id is not None else about_partner_id,
        client_id=client_id,
        label=label,
        detail=detail or {},
    )
    if obj is not None and getattr(obj, "pk", None) is not None:
        record.content_type = ContentType.objects.get_for_model(obj)
        record.object_id = str(obj.pk)
    record.save(force_insert=True)
    return record
