"""The demo shows time at work: an escalated task at each partner, and notifications waiting."""

from django.core.management import call_command
from viewflow.workflow.status import STATUS

from notifications.models import Notification
from partners.models import User
from scheduling.models import DueItem, DueState
from workflows.models import CaseSource, CaseTask, FollowUp, FollowUpState


def test_the_demo_has_an_escalated_task_per_partner_and_notifications_for_its_workers(db):
    call_command("load_demo")
    call_command("load_demo")
    escalated = CaseTask.objects.exclude(escalated_at=None)
    assert escalated.values("partner").distinct().count() == 4
    assert escalated.count() == 4
    for username in ("pattaya.caseworker", "pattaya.supervisor"):
        assert Notification.objects.filter(recipient__username=username, read_at=None).exists()
    supervisor = User.objects.get(username="pattaya.supervisor")
    assert Notification.objects.filter(recipient=supervisor, kind="task_escalated").count() == 1
    assert DueItem.objects.filter(kind="task_due", state=DueState.PENDING).exists()
    started = FollowUp.objects.filter(state=FollowUpState.STARTED)
    assert started.exists() and FollowUp.objects.filter(state=FollowUpState.PLANNED).exists()
    assert started.count() == FollowUp.objects.filter(state=FollowUpState.PLANNED).count()
    assert CaseTask.objects.filter(process__source=CaseSource.FOLLOW_UP, status=STATUS.NEW).exists()
    assert Notification.objects.filter(kind="follow_up_due").exists()
