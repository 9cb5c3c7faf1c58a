"""Registering and correcting clients; every change is in Wagtail's audit log (PDPA).

Who owns a client record's fields: the partner that registered the person owns the fields that
identify them (`IDENTIFYING_FIELDS`: names, sex, identity documents, nationality, birth date or
age). Another partner that works with the person (a case opened after finding them by national
ID, or a referral accepted) may correct only where they were found (`found_area_code`,
`found_place`); for the identifying fields it asks the registering partner, whose contact the
form shows. Every change is a `ClientChange` with its partner and the earlier values."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from partners.models import Partner
from workflows.errors import WorkflowError
from workflows.models import Client, ClientChange, IdStatus

CLIENT_FIELDS = (
    "first_name",
    "last_name",
    "name_en",
    "aliases",
    "sex",
    "id_status",
    "national_id",
    "document_number",
    "nationality",
    "birth_date",
    "estimated_age",
    "found_area_code",
    "found_place",
)

IDENTIFYING_FIELDS = frozenset(CLIENT_FIELDS) - {"found_area_code", "found_place"}


class ClientFieldsOwned(WorkflowError):
    default_message = _(
        "Only the partner that registered this person can change who they are (names, "
        "identity documents, birth date). Ask them to correct it."
    )


@transaction.atomic
def client_create(*, partner: Partner, user, **fields) -> Client:
    """Register a client at a partner; an estimated age is dated today so it ages with them."""
    client = Client(registered_by=partner, created_by=user, **_known(fields))
    _date_estimate(client, changed=True)
    client.full_clean()
    client.save()
    log(instance=client, action="wagtail.create", user=user, title=client.display_name)
    return client


@transaction.atomic
def client_update(*, client: Client, user, partner_id: int, reason: str = "", **fields) -> Client:
    """Correct a client for `partner_id` (the partner the user acts for); the row is locked, the
    ownership rule checked under the lock, and the change kept with its earlier values."""
    client = Client.objects.select_for_update().get(pk=client.pk)
    changed = [name for name, value in _known(fields).items() if getattr(client, name) != value]
    if not changed:
        return client
    if partner_id != client.registered_by_id and IDENTIFYING_FIELDS.intersection(changed):
        raise ClientFieldsOwned
    previous = {name: _json_value(getattr(client, name)) for name in changed}
    for name in changed:
        setattr(client, name, fields[name])
    _date_estimate(client, changed="estimated_age" in changed)
    client.full_clean()
    client.save()
    ClientChange.objects.create(
        client=client,
        user=user,
        username=user.get_username() if user is not None else "",
        partner_id=partner_id,
        fields=changed,
        previous=previous,
        reason=reason[:500],
    )
    log(
        instance=client,
        action="wagtail.edit",
        user=user,
        title=client.display_name,
        data={"fields": changed},
    )
    return client


def client_fields_problems(data: dict, *, unreadable: set[str] = frozenset()) -> list:
    """(field or None, message) for answers that do not go together: an ID without its status,
    a foreign document without its number, a person without any name. `unreadable` fields already
    have a message of their own."""
    problems = []
    status, national_id = data.get("id_status"), data.get("national_id")
    if status == IdStatus.THAI_ID and not national_id:
        if "national_id" not in unreadable:
            problems.append(("national_id", _("Enter the 13-digit national ID.")))
    elif status and status != IdStatus.THAI_ID and national_id:
        problems.append(
            (
                "national_id",
                _("A national ID goes with “Thai national ID”: choose it, or clear the number."),
            )
        )
    if status == IdStatus.FOREIGN_DOCUMENT and not data.get("document_number"):
        problems.append(("document_number", _("Enter the number of the foreign document.")))
    if not any(data.get(name) for name in ("first_name", "last_name", "name_en", "aliases")):
        problems.append((None, _("Enter at least a name, a name in English letters or an alias.")))
    return problems


def _json_value(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def _known(fields: dict) -> dict:
    return {name: value for name, value in fields.items() if name in CLIENT_FIELDS}


def _date_estimate(client: Client, *, changed: bool) -> None:
    if client.estimated_age is None:
        client.estimated_on = None
    elif changed or client.estimated_on is None:
        client.estimated_on = timezone.localdate()
