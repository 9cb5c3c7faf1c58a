"""Staff whose name is on cases are deactivated, never deleted: their tasks and history stay."""

import pytest
from django.contrib.messages import get_messages
from django.db import transaction
from django.db.models import ProtectedError
from django.urls import reverse
from viewflow.workflow.status import STATUS

from partners.models import Role, User
from tests.factories import UserFactory, member
from tests.factories_workspace import case_at, open_task
from workflows.models import CaseTask
from workflows.services.cases import task_claim


@pytest.fixture
def superuser_client(client, db):
    client.force_login(UserFactory(is_superuser=True))
    return client


@pytest.fixture
def worker_with_a_task(partner):
    worker = member(Role.CASEWORKER, partner=partner)
    task = task_claim(task=open_task(case_at(partner)), user=worker)
    return worker, task


def test_deleting_a_task_owner_in_the_users_admin_is_refused(superuser_client, worker_with_a_task):
    worker, task = worker_with_a_task
    url = reverse("wagtailusers_users:delete", args=[worker.pk])
    for response in (superuser_client.get(url), superuser_client.post(url)):
        assert response.status_code == 302
        assert response.url == reverse("wagtailusers_users:edit", args=[worker.pk])
    (message,) = [str(m) for m in get_messages(response.wsgi_request)][-1:]
    assert "ปิดการใช้งาน" in message
    assert User.objects.filter(pk=worker.pk).exists()
    kept = CaseTask.objects.get(pk=task.pk)
    assert (kept.status, kept.owner_id) == (STATUS.ASSIGNED, worker.pk)


def test_bulk_deleting_them_is_refused(superuser_client, worker_with_a_task):
    worker, _task = worker_with_a_task
    url = reverse("wagtail_bulk_action", args=["partners", "user", "delete"]) + f"?id={worker.pk}"
    response = superuser_client.post(url)
    assert response.status_code == 302
    assert User.objects.filter(pk=worker.pk).exists()


def test_deleting_them_anywhere_else_is_refused(worker_with_a_task):
    worker, _task = worker_with_a_task
    # Each in its own savepoint: deletion runs the signal inside the caller's transaction.
    with pytest.raises(ProtectedError), transaction.atomic():
        worker.delete()
    with pytest.raises(ProtectedError), transaction.atomic():
        User.objects.filter(pk=worker.pk).delete()
    assert CaseTask.objects.filter(owner=worker).exists()


def test_whoever_opened_a_case_is_kept_too(partner):
    opener = member(Role.CASEWORKER, partner=partner)
    from tests.factories_workflows import client_at
    from tests.factories_workspace import screening_definition
    from workflows.services.cases import case_start

    case_start(
        partner=partner,
        client=client_at(partner),
        definition=screening_definition(partner),
        user=opener,
    )
    with pytest.raises(ProtectedError), transaction.atomic():
        opener.delete()


def test_someone_never_on_a_case_can_be_deleted(superuser_client, partner):
    newcomer = member(Role.CASEWORKER, partner=partner)
    response = superuser_client.post(reverse("wagtailusers_users:delete", args=[newcomer.pk]))
    assert response.status_code == 302
    assert not User.objects.filter(pk=newcomer.pk).exists()
