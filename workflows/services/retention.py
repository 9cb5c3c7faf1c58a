"""Keeping a person's identifying details no longer than needed (PDPA §37(3)), with a legal hold.

Each outcome may say how many years after a case ends with it the person's identifying details
are removed (`Outcome.anonymise_after_years`, set by administrators). When a case ends, a
`client_retention` due item is planned for that time; when it comes due the worker checks the
person as a whole: no legal hold, no open case, and every case ended with an outcome whose years
have passed. Only then is the person removed everywhere, in one transaction
(`workflows.services.erasure`: the cases, countable answers and the access log stay, naming no
one; files are deleted once it commits). A case that ends later plans its own item, so the last one
decides. Releasing a legal hold plans a check at once."""

import datetime as dt

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.utils import timezone

from scheduling.services import due_item_schedule
from workflows.models import Case, Client, ClientChange, Outcome
from workflows.selectors.subject import client_retention_outlook
from workflows.services.erasure import client_traces_erase

RETENTION_KIND = "client_retention"

# What identifies the person, and the value each becomes.
ANONYMISED = {
    "first_name": "",
    "last_name": "",
    "name_en": "",
    "aliases": "",
    "national_id": "",
    "document_number": "",
    "birth_date": None,
    "estimated_age": None,
    "estimated_on": None,
    "found_place": "",
    "source_reference": "",
    "id_status": "none",
}


def _retention_years(outcome: str) -> int | None:
    if not outcome:
        return None
    return (
        Outcome.objects.filter(key=outcome).values_list("anonymise_after_years", flat=True).first()
    )


def client_retention_plan(*, case: Case, now: dt.datetime | None = None) -> None:
    """A case has ended: plan the check its outcome asks for (nothing when it keeps forever)."""
    years = _retention_years(case.outcome)
    if not years:
        return
    due_item_schedule(
        kind=RETENTION_KIND,
        key=f"client-retention-{case.client_id}-case-{case.pk}",
        # A day's margin: the case's end time is written just after this, by the end node.
        due_at=(now or timezone.now()) + relativedelta(years=years, days=1),
        target=Client(pk=case.client_id),
        params={"case": case.pk},
    )


def client_retention_due(*, client: Client, now: dt.datetime) -> bool:
    """Whether every reason to keep the person's identifying details has run out."""
    state, when = client_retention_outlook(client=client)
    return state == "due" and when <= now


@transaction.atomic
def client_anonymise(*, client: Client, reason: str) -> Client:
    """Clear the identifying fields and the earlier values of corrections; keep that it was done."""
    client = Client.objects.select_for_update().get(pk=client.pk)
    now = timezone.now()
    files = client_traces_erase(client=client, now=now)
    cleared = [name for name, value in ANONYMISED.items() if getattr(client, name) != value]
    for name, value in ANONYMISED.items():
        setattr(client, name, value)
    if client.photo:
        files.append((client.photo.storage, client.photo.name))
        cleared.append("photo")
    client.photo = ""
    client.anonymised_at = now
    client.save()
    # Files go only once the rows that point at them are gone for good.
    transaction.on_commit(lambda: _files_delete(files))
    ClientChange.objects.filter(client=client).update(previous={})
    ClientChange.objects.create(client=client, fields=cleared, reason=reason[:500])
    return client


def _files_delete(files) -> None:
    for storage, name in files:
        storage.delete(name)


def client_retention_check(*, client_id: int, now: dt.datetime | None = None) -> bool:
    """The due item's work: anonymise the person if it is time. Returns whether it did."""
    now = now or timezone.now()
    client = Client.objects.select_for_update().filter(pk=client_id).first()
    if client is None or not client_retention_due(client=client, now=now):
        return False
    client_anonymise(client=client, reason="retention")
    return True


@transaction.atomic
def client_legal_hold_set(
    *, client: Client, user, partner_id: int | None, hold: bool, reason: str = ""
) -> Client:
    """Put the person under a legal hold (nothing is removed) or release it (checked at once)."""
    client = Client.objects.select_for_update().get(pk=client.pk)
    if client.legal_hold == hold:
        return client
    client.legal_hold = hold
    client.legal_hold_reason = reason[:500] if hold else ""
    client.save(update_fields=["legal_hold", "legal_hold_reason"])
    ClientChange.objects.create(
        client=client,
        user=user,
        username=user.get_username() if user is not None else "",
        partner_id=partner_id,
        fields=["legal_hold"],
        reason=reason[:500],
    )
    if not hold:
        now = timezone.now()
        due_item_schedule(
            kind=RETENTION_KIND,
            key=f"client-retention-{client.pk}-released-{now.timestamp():.0f}",
            due_at=now,
            target=client,
        )
    return client
