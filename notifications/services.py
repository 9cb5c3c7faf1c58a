"""Sending notifications, reading them, and choosing which arrive by e-mail."""

import datetime as dt
from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from notifications.kinds import NOTIFICATION_KINDS, notification_kind_get
from notifications.models import EmailChoice, Notification
from partners.models import Partner
from scheduling.services import due_item_schedule

#: E-mail goes out at most this often per person, gathering what arrived meanwhile.
EMAIL_WINDOW = dt.timedelta(minutes=10)


def _email_window_end(moment: dt.datetime) -> tuple[int, dt.datetime]:
    seconds = int(EMAIL_WINDOW.total_seconds())
    window = int(moment.timestamp()) // seconds
    return window, dt.datetime.fromtimestamp((window + 1) * seconds, tz=dt.UTC)


def _recipients(users: Iterable, partner: Partner | None):
    ids = {getattr(user, "pk", user) for user in users}
    people = get_user_model().objects.filter(pk__in=ids, is_active=True)
    if partner is not None:  # only the partner's own people ever hear about its data
        people = people.filter(
            memberships__partner=partner, memberships__partner__is_active=True
        ).distinct()
    return list(people)


@transaction.atomic
def notification_send(
    *,
    recipients: Iterable,
    kind: str,
    partner: Partner | None,
    params: dict | None = None,
    link: str = "",
    group_key: str = "",
) -> list[Notification]:
    """Tell `recipients` (those of them who are active members of `partner`, when given)
    something of a declared kind. A grouped kind gathers into the recipient's unread notification
    of the same group. E-mail follows within EMAIL_WINDOW for those who want this kind by e-mail."""
    spec = notification_kind_get(kind)
    now = timezone.now()
    sent = []
    for person in _recipients(recipients, partner):
        existing = None
        if spec.grouped and group_key:
            existing = (
                Notification.objects.select_for_update()
                .filter(recipient=person, kind=kind, group_key=group_key, read_at=None)
                .first()
            )
        if existing is not None:
            existing.count = F("count") + 1
            existing.params = params or {}
            existing.link = link
            existing.created_at = now
            existing.emailed_at = None
            existing.save(update_fields=["count", "params", "link", "created_at", "emailed_at"])
            existing.refresh_from_db(fields=["count"])
            sent.append(existing)
        else:
            sent.append(
                Notification.objects.create(
                    recipient=person,
                    partner=partner,
                    kind=kind,
                    params=params or {},
                    link=link,
                    group_key=group_key if spec.grouped else "",
                    created_at=now,
                )
            )
        if person.email and kind in email_kinds_for(person):
            window, due_at = _email_window_end(now)
            due_item_schedule(
                kind="notification_email",
                key=f"notification_email:{person.pk}:{window}",
                due_at=due_at,
                target=person,
            )
    return sent


def email_kinds_for(user) -> set[str]:
    chosen = dict(EmailChoice.objects.filter(user=user).values_list("kind", "email"))
    return {
        name for name, spec in NOTIFICATION_KINDS.items() if chosen.get(name, spec.email_default)
    }


def email_choices_save(*, user, kinds: Iterable[str]) -> None:
    """Set which kinds reach `user` by e-mail (every declared kind not listed does not)."""
    wanted = set(kinds)
    with transaction.atomic():
        for name in NOTIFICATION_KINDS:
            EmailChoice.objects.update_or_create(
                user=user, kind=name, defaults={"email": name in wanted}
            )


def notification_read(*, user, notification_id: int) -> Notification:
    """Mark one of the user's notifications read (another person's is not found)."""
    notification = Notification.objects.get(pk=notification_id, recipient=user)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def notifications_read_all(*, user) -> int:
    return Notification.objects.filter(recipient=user, read_at=None).update(read_at=timezone.now())
