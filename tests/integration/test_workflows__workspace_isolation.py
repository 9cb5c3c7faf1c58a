"""Another partner's case, client or task does not exist for anyone: a 404 on every URL."""

import pytest
from django.urls import reverse
from viewflow.workflow.status import STATUS

from partners.models import Role
from tests.factories import member
from tests.factories_workspace import case_at, open_task
from workflows.models import Case, CaseTask, Client

ROLES = [Role.CASEWORKER, Role.SUPERVISOR, Role.ADMINISTRATOR, Role.COMMUNICATIONS]
NOT_WORKERS = (Role.ADMINISTRATOR, Role.COMMUNICATIONS)


@pytest.fixture
def foreign(partner):
    """A case of `partner` with a claimed task, and an unclaimed one, for outsiders to poke at."""
    claimed_case = case_at(partner)
    holder = member(Role.CASEWORKER, partner=partner)
    from workflows.services.cases import task_claim

    claimed = task_claim(task=open_task(claimed_case), user=holder)
    waiting_case = case_at(partner, first_name="สมหญิง")
    return {
        "case": claimed_case,
        "claimed": claimed,
        "waiting": open_task(waiting_case),
        "client": waiting_case.client,
        "holder": holder,
    }


def object_urls(foreign) -> list[tuple[str, str, dict]]:
    claimed, waiting = foreign["claimed"], foreign["waiting"]
    case, client = foreign["case"], foreign["client"]
    url = reverse
    return [
        ("get", url("workflows_admin:task", args=[waiting.pk]), {}),
        ("get", url("workflows_admin:task", args=[claimed.pk]), {}),
        ("post", url("workflows_admin:task", args=[claimed.pk]), {"nationality": "thai"}),
        ("post", url("workflows_admin:task_claim", args=[waiting.pk]), {}),
        ("post", url("workflows_admin:task_release", args=[claimed.pk]), {}),
        ("post", url("workflows_admin:task_assign", args=[waiting.pk]), {"assignee": "1"}),
        ("get", url("workflows_admin:case", args=[case.pk]), {}),
        ("get", url("workflows_admin:client", args=[client.pk]), {}),
        ("get", url("workflows_admin:client_edit", args=[client.pk]), {}),
        ("post", url("workflows_admin:client_edit", args=[client.pk]), {"first_name": "x"}),
        ("get", url("workflows_admin:case_start") + f"?client={client.pk}", {}),
        ("post", url("workflows_admin:case_start"), {"client": client.pk}),
    ]


def assert_untouched(foreign) -> None:
    claimed = CaseTask.objects.get(pk=foreign["claimed"].pk)
    assert (claimed.status, claimed.owner_id) == (STATUS.ASSIGNED, foreign["holder"].pk)
    assert CaseTask.objects.get(pk=foreign["waiting"].pk).status == STATUS.NEW
    assert Client.objects.get(pk=foreign["client"].pk).first_name == "สมหญิง"
    assert Case.objects.count() == 2


@pytest.mark.parametrize("role", ROLES)
def test_every_url_of_another_partners_work_is_a_404(client, foreign, other_partner, role):
    outsider = member(role, partner=other_partner)
    client.force_login(outsider)
    start_url = reverse("workflows_admin:case_start")
    for method, url, data in object_urls(foreign):
        response = getattr(client, method)(url, data)
        # Opening a case is for workers: anyone else is sent back before any client is read.
        expected = 302 if url.startswith(start_url) and role in NOT_WORKERS else 404
        assert response.status_code == expected, (role, method, url, response.status_code)
    assert_untouched(foreign)


def test_communications_staff_of_the_same_partner_see_no_case_task_or_client(
    client, foreign, partner
):
    client.force_login(member(Role.COMMUNICATIONS, partner=partner))
    start_url = reverse("workflows_admin:case_start")
    for method, url, data in object_urls(foreign):
        expected = 302 if url.startswith(start_url) else 404
        assert getattr(client, method)(url, data).status_code == expected, (method, url)
    assert_untouched(foreign)


@pytest.mark.parametrize(
    "name", ["inbox", "queue", "client_index", "client_add", "case_start", "dashboard"]
)
def test_communications_staff_are_sent_back_from_the_workspace_pages(client, partner, name):
    client.force_login(member(Role.COMMUNICATIONS, partner=partner))
    response = client.get(reverse(f"workflows_admin:{name}"))
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


def test_lists_show_nothing_of_another_partner(client, foreign, other_partner):
    for role in (Role.CASEWORKER, Role.SUPERVISOR):
        client.force_login(member(role, partner=other_partner))
        for name in ("inbox", "queue", "client_index"):
            content = client.get(reverse(f"workflows_admin:{name}")).content.decode()
            assert foreign["case"].reference not in content
            assert foreign["waiting"].process.reference not in content
            assert "สมหญิง" not in content and "สมชาย" not in content


def test_the_same_partners_people_reach_its_work(client, foreign, partner):
    for role in (Role.CASEWORKER, Role.SUPERVISOR, Role.ADMINISTRATOR):
        client.force_login(member(role, partner=partner))
        assert (
            client.get(reverse("workflows_admin:case", args=[foreign["case"].pk])).status_code
            == 200
        )
        task_url = reverse("workflows_admin:task", args=[foreign["waiting"].pk])
        assert client.get(task_url).status_code == 200
        client_url = reverse("workflows_admin:client", args=[foreign["client"].pk])
        assert client.get(client_url).status_code == 200


def test_a_supervisor_cannot_assign_to_a_worker_of_another_partner(
    client, foreign, partner, other_partner
):
    client.force_login(member(Role.SUPERVISOR, partner=partner))
    stranger = member(Role.CASEWORKER, partner=other_partner)
    url = reverse("workflows_admin:task_assign", args=[foreign["waiting"].pk])
    client.post(url, {"assignee": stranger.pk})
    assert CaseTask.objects.get(pk=foreign["waiting"].pk).status == STATUS.NEW


@pytest.mark.parametrize("page", ["case", "client", "client_edit"])
@pytest.mark.parametrize("who", ["central", "superuser", "caseworker"])
def test_a_case_or_client_one_may_not_open_says_why_in_thai_and_reveals_nothing(
    client, foreign, other_partner, who, page, django_assert_max_num_queries
):
    """Not Wagtail's bare "Error 404": a Thai page saying only the partner's caseworkers and
    supervisors open a case (and, to a central administrator, that managing the network does not
    open case files); the same for an id that does not exist; still a 404, nothing recorded."""
    from tests.factories import UserFactory
    from tests.factories_partners import central_administrator
    from workflows.models import AccessRecord

    user = {
        "central": lambda: central_administrator(),
        "superuser": lambda: UserFactory(is_superuser=True, is_staff=True),
        "caseworker": lambda: member(Role.CASEWORKER, partner=other_partner),
    }[who]()
    client.force_login(user)
    case = foreign["case"]
    own_pk = case.pk if page == "case" else case.client.pk
    pages = []
    for pk in (own_pk, own_pk + 1000):
        with django_assert_max_num_queries(18):
            response = client.get(reverse(f"workflows_admin:{page}", args=[pk]))
        assert response.status_code == 404
        pages.append(response.content.decode())
    html = pages[0]
    assert "เปิดหน้านี้ไม่ได้ - ที่พึ่ง</title>" in html
    assert "Error 404" not in html and "Wagtail" not in html.split("</title>")[0]
    assert "ผู้ปฏิบัติงานและหัวหน้างานของหน่วยงาน" in html
    assert case.reference not in html and case.client.first_name not in html
    assert ("กรณีนี้" if page == "case" else "ผู้รับบริการคนนี้") in html
    assert ("ผู้ดูแลระบบส่วนกลาง" in html) == (who != "caseworker")
    explained = [page.split("data-not-visible")[1].split("</section>")[0] for page in pages]
    assert explained[0] == explained[1]
    assert not AccessRecord.objects.filter(client=case.client).exists()


TASK_PAGES = [
    ("get", "task", "claimed"),
    ("post", "task", "claimed"),
    ("post", "task_claim", "waiting"),
    ("post", "task_release", "claimed"),
    ("post", "task_assign", "waiting"),
    ("get", "task_refer", "claimed"),
    ("post", "task_refer", "claimed"),
]


@pytest.mark.parametrize(("method", "name", "which"), TASK_PAGES)
def test_a_task_one_may_not_open_says_why_in_thai_and_reveals_nothing(
    client, foreign, other_partner, method, name, which, django_assert_max_num_queries
):
    """The task page and its actions (claim, release, assign, the referral step's form) answer
    another partner's task like a case: a Thai 404 page, the same for an id that does not exist,
    that names nothing of the task; nothing changes and nothing is recorded."""
    from workflows.models import AccessRecord

    client.force_login(member(Role.SUPERVISOR, partner=other_partner))
    task = foreign[which]
    pages = []
    for pk in (task.pk, task.pk + 1000):
        with django_assert_max_num_queries(18):
            response = getattr(client, method)(
                reverse(f"workflows_admin:{name}", args=[pk]), {"assignee": "1"}
            )
        assert response.status_code == 404
        pages.append(response.content.decode())
    html = pages[0]
    assert "เปิดหน้านี้ไม่ได้ - ที่พึ่ง</title>" in html
    assert "Error 404" not in html
    assert "งานนี้ ไม่มีอยู่ในระบบ" in html and "ผู้ปฏิบัติงานและหัวหน้างานของหน่วยงาน" in html
    case = task.process
    assert case.reference not in html and case.client.first_name not in html
    assert task.step.name not in html
    explained = [page.split("data-not-visible")[1].split("</section>")[0] for page in pages]
    assert explained[0] == explained[1]
    assert_untouched(foreign)
    assert not AccessRecord.objects.filter(client=case.client).exists()


def test_ones_own_partners_task_that_is_not_ones_referral_is_a_plain_404(client, foreign, partner):
    """The referral step's form of a task one may see but does not hold: a 404, not the page
    saying the task belongs to another partner."""
    client.force_login(member(Role.CASEWORKER, partner=partner))
    response = client.get(reverse("workflows_admin:task_refer", args=[foreign["claimed"].pk]))
    assert response.status_code == 404
    assert "data-not-visible" not in response.content.decode()


def test_the_admins_own_404_page_is_thai(client, partner):
    client.force_login(member(Role.CASEWORKER, partner=partner))
    html = client.get("/admin/no-such-page/").content.decode()
    assert "<title>ไม่พบหน้าที่ต้องการ - ที่พึ่ง</title>" in html
    assert "Error 404" not in html and "Go to Wagtail admin" not in html
    assert "กลับหน้าหลักของระบบ" in html
