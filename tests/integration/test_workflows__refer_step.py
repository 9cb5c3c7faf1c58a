"""The "refer" step kind: the administrator places it in a process with a fixed receiving partner
or a kind of referral (the caseworker chooses among the partners that accept it) and the answers
that travel; the caseworker's task sends the referral through the same service as the case page
(basis, consent, §26 rule) and completes the step, all or nothing."""

import pytest
from django.urls import reverse
from viewflow.workflow.status import STATUS

from partners.models import ReferralKind, Role
from partners.selectors import partners_accepting_referrals
from tests.factories import PartnerFactory, member
from tests.factories_processes import decide, empty_process, end, human
from tests.factories_referrals import ANSWERS, SCREEN_FIELDS, consent
from tests.factories_workflows import client_at, published_form
from workflows.errors import WorkflowError
from workflows.models import Case, CaseTask, Referral
from workflows.selectors.referrals import refer_step_partners
from workflows.services.cases import case_start, task_claim, task_complete
from workflows.services.definitions import process_version_publish, step_save
from workflows.services.publish_checks import process_version_problems
from workflows.services.referrals import referral_step_send


def refer_process(owner, **settings):
    """screen (form) → refer (the step under test) → done."""
    definition, version = empty_process(owner, "refer_flow")
    screen = human(
        version, "screen", published_form(owner, "screen_form", SCREEN_FIELDS), start=True
    )
    refer = step_save(
        version=version,
        key="refer",
        kind="refer",
        name_th="ส่งต่อศูนย์ฯ",
        settings={"partner": "", "kind": "", "fields": ["age", "health"], **settings},
    )
    decide(screen, refer, is_default=True)
    decide(refer, end(version, "done"), is_default=True)
    return definition, version, refer


@pytest.fixture
def worker(partner):
    return member(Role.CASEWORKER, partner=partner)


def refer_task(owner, worker, **settings):
    definition, version, _refer = refer_process(owner, **settings)
    process_version_publish(version=version)
    case = case_start(partner=owner, client=client_at(owner), definition=definition)
    screen = task_claim(task=CaseTask.objects.get(process=case, status=STATUS.NEW), user=worker)
    task_complete(task=screen, user=worker, data=ANSWERS)
    task = CaseTask.objects.get(process=case, status=STATUS.NEW)
    assert task.step.key == "refer" and task.role == Role.CASEWORKER
    return task_claim(task=task, user=worker)


def test_a_fixed_partner_receives_the_steps_answers_and_the_step_completes(
    partner, other_partner, worker
):
    task = refer_task(partner, worker, partner=other_partner.code)
    referral = referral_step_send(
        task=task, user=worker, receiving_partner=other_partner, reason="ที่พัก", **consent()
    )
    assert referral.receiving_partner == other_partner
    assert [row["key"] for row in referral.shared_answers] == ["age"]
    assert [row["key"] for row in referral.withheld] == ["health"]  # no explicit consent
    task.refresh_from_db()
    assert task.status == STATUS.DONE
    case = Case.objects.get(pk=task.process_id)
    assert case.current_step.key == "done"


def test_explicit_consent_lets_the_sensitive_answer_travel(partner, other_partner, worker):
    task = refer_task(partner, worker, partner=other_partner.code)
    referral = referral_step_send(
        task=task,
        user=worker,
        receiving_partner=other_partner,
        reason="ที่พัก",
        **consent(consent_sensitive=True),
    )
    assert [row["key"] for row in referral.shared_answers] == ["age", "health"]


def test_the_caseworker_chooses_among_partners_accepting_the_kind(partner, worker):
    shelter = PartnerFactory(referral_kinds=[ReferralKind.SHELTER, ReferralKind.HEALTH])
    hospital = PartnerFactory(referral_kinds=[ReferralKind.HEALTH])
    PartnerFactory(referral_kinds=[ReferralKind.SHELTER], is_active=False)
    partner.referral_kinds = [ReferralKind.SHELTER]
    partner.save(update_fields=["referral_kinds"])
    assert set(partners_accepting_referrals(ReferralKind.SHELTER)) == {shelter, partner}
    task = refer_task(partner, worker, kind=ReferralKind.SHELTER)
    assert list(refer_step_partners(step=task.step, case_partner_id=partner.pk)) == [shelter]
    with pytest.raises(WorkflowError):
        referral_step_send(
            task=task, user=worker, receiving_partner=hospital, reason="x", **consent()
        )
    assert not Referral.objects.exists()
    task.refresh_from_db()
    assert task.status == STATUS.ASSIGNED
    referral_step_send(task=task, user=worker, receiving_partner=shelter, reason="x", **consent())
    assert Referral.objects.get().receiving_partner == shelter


def test_a_bad_basis_sends_nothing_and_leaves_the_task_open(partner, other_partner, worker):
    task = refer_task(partner, worker, partner=other_partner.code)
    with pytest.raises(WorkflowError):
        referral_step_send(
            task=task,
            user=worker,
            receiving_partner=other_partner,
            reason="x",
            basis="consent",
            consent_given_by="",
        )
    assert not Referral.objects.exists()
    task.refresh_from_db()
    assert task.status == STATUS.ASSIGNED


def test_only_the_tasks_holder_sends(partner, other_partner, worker):
    task = refer_task(partner, worker, partner=other_partner.code)
    colleague = member(Role.CASEWORKER, partner=partner)
    with pytest.raises(WorkflowError):
        referral_step_send(
            task=task, user=colleague, receiving_partner=other_partner, reason="x", **consent()
        )
    assert not Referral.objects.exists()


def test_publishing_checks_the_receiver_the_kind_and_the_answers(partner, other_partner):
    _definition, version, refer = refer_process(partner, fields=["age", "nowhere"])
    problems = " ".join(process_version_problems(version=version))
    assert "nowhere" in problems and "ประเภทของการส่งต่อ" in problems
    refer.settings = {"partner": partner.code, "kind": "", "fields": ["age"]}
    refer.save(update_fields=["settings"])
    assert partner.code in " ".join(process_version_problems(version=version))
    refer.settings = {"partner": other_partner.code, "kind": "", "fields": ["age"]}
    refer.save(update_fields=["settings"])
    assert process_version_problems(version=version) == []


def test_the_step_editor_offers_partners_kinds_and_the_forms_fields(client, partner, other_partner):
    _definition, version, refer = refer_process(partner)
    definition = version.definition
    client.force_login(member(Role.ADMINISTRATOR, partner=partner))
    edit = reverse("workflows_definitions:step_edit", args=[definition.pk, refer.pk])
    page = client.get(edit).content.decode()
    assert f'value="{other_partner.code}"' in page and 'value="shelter"' in page
    assert 'name="refer_fields" value="age"' in page and "(story)" in page
    base = {"kind": "refer", "key": "refer", "name_th": "ส่งต่อ", "due_unit": "hours"}
    response = client.post(edit, base)
    assert "เลือกหน่วยงานที่รับ หรือประเภทของการส่งต่อ" in response.content.decode()
    response = client.post(edit, {**base, "refer_kind": "shelter", "refer_fields": ["typed"]})
    assert response.status_code == 200
    response = client.post(
        edit, {**base, "refer_kind": "shelter", "refer_fields": ["age", "story"]}
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    refer.refresh_from_db()
    assert refer.settings == {"partner": "", "kind": "shelter", "fields": ["age", "story"]}
    draft = client.get(reverse("workflows_definitions:draft", args=[definition.pk]))
    assert "ที่พักชั่วคราว" in draft.content.decode()
    # The answers that travel are named by their labels, not their keys.
    assert "คำตอบที่ส่งไปด้วย: อายุ, เรื่องราว" in draft.content.decode()


def test_the_task_page_leads_to_the_referral_form_which_completes_the_step(
    client, partner, other_partner, worker
):
    task = refer_task(partner, worker, partner=other_partner.code)
    client.force_login(worker)
    page = client.get(reverse("workflows_admin:task", args=[task.pk])).content.decode()
    refer_url = reverse("workflows_admin:task_refer", args=[task.pk])
    assert refer_url in page and "data-ws-task-form" not in page
    form = client.get(refer_url).content.decode()
    assert "data-travelling" in form and "อายุ" in form and 'name="field_keys"' not in form
    stranger = member(Role.CASEWORKER, partner=other_partner)
    client.force_login(stranger)
    assert client.get(refer_url).status_code == 404
    client.force_login(worker)
    response = client.post(
        refer_url,
        {
            "receiving_partner": other_partner.pk,
            "reason": "ต้องการที่พัก",
            "urgency": "normal",
            "basis": "consent",
            "consent_given_by": "ผู้รับบริการ",
            "consent_given_on": "01/01/2568",
        },
    )
    referral = Referral.objects.get()
    assert response.status_code == 302 and response.url.endswith(f"/referrals/{referral.pk}/")
    task.refresh_from_db()
    assert task.status == STATUS.DONE
    assert client.get(refer_url).status_code == 404
