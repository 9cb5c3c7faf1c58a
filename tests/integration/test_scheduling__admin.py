"""Special days off in the admin (central administrators, Buddhist-era dates), and a step's due
and escalation settings in the step editor."""

import datetime as dt

from django.urls import reverse

from partners.models import Role
from scheduling.models import DayOff
from tests.factories import member
from tests.factories_partners import central_administrator
from tests.factories_workflows import screening_form
from workflows.models import ProcessDefinition

INDEX = reverse("days_off:index")
ADD = reverse("days_off:add")


def test_a_central_administrator_adds_a_day_off_typed_in_the_buddhist_era(db, client):
    client.force_login(central_administrator())
    response = client.post(ADD, {"date": "16/04/2569", "name": "วันหยุดพิเศษสงกรานต์"})
    assert response.status_code == 302
    assert DayOff.objects.get().date == dt.date(2026, 4, 16)
    listing = client.get(INDEX).content.decode()
    assert "16 เมษายน 2569" in listing and "วันหยุดพิเศษ" in listing


def test_a_christian_era_year_is_refused_with_a_message_and_nothing_kept(db, client):
    client.force_login(central_administrator())
    response = client.post(ADD, {"date": "16/04/2026", "name": "ผิดปี"})
    assert response.status_code == 200
    assert "2026 + 543 = 2569" in response.content.decode()
    assert not DayOff.objects.exists()


def test_partner_staff_do_not_open_the_days_off(client, partner):
    DayOff.objects.create(date=dt.date(2026, 4, 16), name="หยุด")
    for role in (Role.ADMINISTRATOR, Role.SUPERVISOR, Role.CASEWORKER):
        client.force_login(member(role, partner=partner))
        assert client.get(INDEX).status_code == 302
        assert client.post(ADD, {"date": "17/04/2569", "name": "x"}).status_code == 302
    assert DayOff.objects.count() == 1


def test_the_step_editor_sets_working_days_and_the_escalation(client, partner):
    admin = member(Role.ADMINISTRATOR, partner=partner)
    client.force_login(admin)
    client.post(
        reverse("workflows_definitions:create"),
        {"partner": partner.pk, "key": "p", "name_th": "ก", "kind": "intake"},
    )
    definition = ProcessDefinition.objects.get(key="p")
    step = {
        "kind": "human",
        "key": "screen",
        "name_th": "คัดกรอง",
        "role": "caseworker",
        "form_version": screening_form(partner).pk,
        "is_start": "on",
    }
    add = reverse("workflows_definitions:step_add", args=[definition.pk])
    response = client.post(add, {**step, "due": "5", "due_unit": "hours", "due_working_days": "on"})
    assert "การนับวันทำการต้องกำหนดเวลาเป็นวัน" in response.content.decode()
    response = client.post(add, {**step, "due_unit": "days", "grace_hours": "4"})
    assert "การแจ้งหัวหน้างานต้องมีกำหนดเวลา" in response.content.decode()
    assert not definition.versions.get().steps.exists()
    client.post(
        add, {**step, "due": "3", "due_unit": "days", "due_working_days": "on", "grace_hours": "8"}
    )
    saved = definition.versions.get().steps.get()
    assert (saved.due_hours, saved.due_working_days, saved.grace_hours) == (72, True, 8)
    draft = client.get(reverse("workflows_definitions:draft", args=[definition.pk]))
    text = draft.content.decode()
    assert "ครบกำหนดภายใน 3 วันทำการ" in text and "เกินกำหนด 8 ชั่วโมง" in text
