"""The notification centre: the bell's count, the list (newest first, unread marked), marking read,
opening one, e-mail in the reader's language with a choice of kinds, and nobody else's."""

import datetime as dt
import json
import re
from unittest import mock

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.users.models import UserProfile

from notifications.kinds import NOTIFICATION_KINDS, notification_kind
from notifications.models import Notification
from notifications.services import EMAIL_WINDOW, email_choices_save, notification_send
from partners.models import Role
from scheduling.services import run_scheduler
from tests.factories import member

LIST = "/admin/notifications/"


@pytest.fixture
def worker(partner):
    return member(Role.CASEWORKER, partner=partner, email="worker@example.org")


def send(worker, partner, n=1, kind="task_assigned", **extra):
    for i in range(n):
        notification_send(
            recipients=[worker],
            kind=kind,
            partner=partner,
            params={"task": {"th": f"งานที่ {i}", "en": f"task {i}"}},
            link=f"/admin/work/tasks/{i + 1}/",
            **extra,
        )


def emails_after_the_window():
    run_scheduler(now=timezone.now() + EMAIL_WINDOW + dt.timedelta(seconds=1))


def test_adding_a_kind_is_one_declaration_and_a_second_one_is_refused(db):
    kind = notification_kind(
        "test_hello", label="Hello", text="Hello %(name)s", email_default=False
    )
    assert NOTIFICATION_KINDS["test_hello"] is kind
    assert kind.render({"name": {"th": "สมชาย", "en": "Somchai"}}) == "Hello สมชาย"
    with pytest.raises(ValueError):
        notification_kind("test_hello", label="Other", text="Other")


def sidebar_text(client) -> str:
    content = client.get("/admin/").content.decode()
    props = re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', content, re.S).group(1)
    return json.dumps(json.loads(props), ensure_ascii=False)


def test_the_bell_counts_my_unread_notifications(client, partner, worker):
    send(worker, partner, 3)
    client.force_login(worker)
    assert "การแจ้งเตือน (ใหม่ 3)" in sidebar_text(client)
    Notification.objects.filter(recipient=worker).update(read_at=timezone.now())
    sidebar = sidebar_text(client)
    assert "การแจ้งเตือน (ใหม่" not in sidebar and "การแจ้งเตือน" in sidebar


def test_the_list_is_newest_first_with_unread_marked_and_marks_read(client, partner, worker):
    send(worker, partner, 2)
    client.force_login(worker)
    content = client.get(LIST).content.decode()
    assert content.index("งานที่ 1") < content.index("งานที่ 0")
    assert content.count("notification-unread") == 2
    newest = Notification.objects.filter(recipient=worker).first()
    client.post(LIST, {"action": "read", "id": newest.pk})
    newest.refresh_from_db()
    assert newest.read_at is not None
    assert client.get(LIST).content.decode().count("notification-unread") == 1
    client.post(LIST, {"action": "read_all"})
    assert not Notification.objects.filter(recipient=worker, read_at=None).exists()


def test_opening_one_marks_it_read_and_goes_to_what_it_is_about(client, partner, worker):
    send(worker, partner)
    notification = Notification.objects.get(recipient=worker)
    client.force_login(worker)
    response = client.get(f"{LIST}{notification.pk}/")
    assert response.status_code == 302 and response["Location"] == "/admin/work/tasks/1/"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_another_persons_notification_is_not_found(client, partner, worker):
    send(worker, partner)
    notification = Notification.objects.get(recipient=worker)
    colleague = member(Role.CASEWORKER, partner=partner)
    client.force_login(colleague)
    assert client.get(f"{LIST}{notification.pk}/").status_code == 404
    assert client.post(LIST, {"action": "read", "id": notification.pk}).status_code == 404
    assert client.post(LIST, {"action": "read", "id": "x"}).status_code == 404
    assert "งานที่ 0" not in client.get(LIST).content.decode()
    notification.refresh_from_db()
    assert notification.read_at is None


def test_nobody_outside_the_partner_is_ever_notified_about_it(partner, other_partner, worker):
    stranger = member(Role.SUPERVISOR, partner=other_partner, email="stranger@example.org")
    sent = notification_send(
        recipients=[worker, stranger],
        kind="task_assigned",
        partner=partner,
        params={"task": "สมหญิง"},
    )
    assert [n.recipient for n in sent] == [worker]
    emails_after_the_window()
    assert [message.to for message in mail.outbox] == [["worker@example.org"]]


def test_email_gathers_a_window_into_one_message_in_the_readers_language(partner, worker):
    send(worker, partner, 3)
    emails_after_the_window()
    [message] = mail.outbox
    assert "การแจ้งเตือนใหม่ 3 รายการ" in message.subject
    assert "งานที่ 2" in message.body and "/admin/notifications/" in message.body
    profile = UserProfile.get_for_user(worker)
    profile.preferred_language = "en"
    profile.save()
    later = timezone.now() + EMAIL_WINDOW + dt.timedelta(seconds=1)
    with mock.patch("notifications.services.timezone.now", return_value=later):
        send(worker, partner)
    run_scheduler(now=later + EMAIL_WINDOW)
    assert "1 new notification" in mail.outbox[1].subject
    assert "task 0" in mail.outbox[1].body


def test_a_kind_left_out_of_my_email_choice_stays_in_the_centre_only(client, partner, worker):
    client.force_login(worker)
    client.post(LIST, {"action": "email", "kinds": ["task_overdue"]})
    send(worker, partner)
    emails_after_the_window()
    assert mail.outbox == []
    assert Notification.objects.filter(recipient=worker).count() == 1
    response = client.post(LIST, {"action": "email", "kinds": ["no_such_kind"]})
    assert response.status_code == 200 and "no_such_kind" in response.content.decode()


def test_grouped_kinds_gather_while_unread(partner, worker):
    for _ in range(3):
        send(worker, partner, kind="queue_arrived", group_key="queue:1:caseworker")
    [notification] = Notification.objects.filter(recipient=worker)
    assert notification.count == 3 and "3" in notification.text
    notification.read_at = timezone.now()
    notification.save()
    send(worker, partner, kind="queue_arrived", group_key="queue:1:caseworker")
    assert Notification.objects.filter(recipient=worker).count() == 2


def test_the_list_reads_a_bounded_number_of_queries(
    client, partner, worker, django_assert_max_num_queries
):
    send(worker, partner, 3)
    client.force_login(worker)
    with CaptureQueriesContext(connection) as few:
        client.get(LIST)
    send(worker, partner, 40)
    with django_assert_max_num_queries(len(few)):
        response = client.get(LIST)
    assert len(response.context["page"].object_list) == 30


def test_email_choices_cover_every_declared_kind(partner, worker):
    email_choices_save(user=worker, kinds=["task_overdue"])
    from notifications.services import email_kinds_for

    assert email_kinds_for(worker) == {"task_overdue"}
