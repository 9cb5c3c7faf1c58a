"""Registering and correcting clients; every change is in Wagtail's audit log (PDPA)."""

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from partners.models import Partner
from workflows.models import Client

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
def client_update(*, client: Client, user, **fields) -> Client:
    changed = [name for name, value in _known(fields).items() if getattr(client, name) != value]
    for name in changed:
        setattr(client, name, fields[name])
    if not changed:
        return client
    _date_estimate(client, changed="estimated_age" in changed)
    client.full_clean()
    client.save()
    log(
        instance=client,
        action="wagtail.edit",
        user=user,
        title=client.display_name,
        data={"fields": changed},
    )
    return client


def _known(fields: dict) -> dict:
    return {name: value for name, value in fields.items() if name in CLIENT_FIELDS}


def _date_estimate(client: Client, *, changed: bool) -> None:
    if client.estimated_age is None:
        client.estimated_on = None
    elif changed or client.estimated_on is None:
        client.estimated_on = timezone.localdate()
