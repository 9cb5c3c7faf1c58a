"""Recording personal data breaches and keeping the 72-hour clock to the office (สคส./PDPC).

Recording a breach plans two `breach_regulator` due items: a day before the 72 hours run out and
when they do. Each tells the data protection officers and administrators of the partners involved,
unless by then the office was told (or the reason not to tell it is written) or the breach is
closed. Every change locks the breach row."""

import datetime as dt

from django.db import transaction

from scheduling.services import due_item_cancel, due_item_schedule
from workflows.models import Breach

BREACH_KIND = "breach_regulator"
BREACH_FIELDS = (
    "summary",
    "description",
    "occurred_at",
    "discovered_at",
    "people_count",
    "regulator_notified_at",
    "no_notification_reason",
    "people_notified_at",
    "closed",
)
REMINDERS = {"soon": dt.timedelta(hours=-24), "due": dt.timedelta(0)}


def _plan(breach: Breach) -> None:
    if breach.regulator_settled or breach.closed:
        due_item_cancel(target=breach, kinds=[BREACH_KIND])
        return
    for name, offset in REMINDERS.items():
        due_item_schedule(
            kind=BREACH_KIND,
            key=f"breach-{breach.pk}-{name}",
            due_at=breach.regulator_deadline + offset,
            target=breach,
            params={"when": name},
        )


@transaction.atomic
def breach_record(*, user, partners, clients=(), **fields) -> Breach:
    breach = Breach.objects.create(
        recorded_by=user, **{k: v for k, v in fields.items() if k in BREACH_FIELDS}
    )
    breach.partners.set(partners)
    breach.clients.set(clients)
    _plan(breach)
    return breach


@transaction.atomic
def breach_update(*, breach: Breach, partners, clients=(), **fields) -> Breach:
    breach = Breach.objects.select_for_update().get(pk=breach.pk)
    for name, value in fields.items():
        if name in BREACH_FIELDS:
            setattr(breach, name, value)
    breach.save()
    breach.partners.set(partners)
    breach.clients.set(clients)
    _plan(breach)
    return breach
