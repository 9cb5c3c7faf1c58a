"""The demo processes and cases: published per partner, routed by the Acts, loaded idempotently."""

import pytest
from django.db.models import F
from viewflow.workflow.status import STATUS

from forms_builder import demo as forms_demo
from partners import demo as partners_demo
from workflows import demo as workflows_demo
from workflows.models import (
    Case,
    CaseSource,
    CaseTask,
    LegalBasis,
    ProcessVersion,
    Referral,
    ReferralStatus,
)
from workflows.services.definitions import process_version_problems


@pytest.fixture
def loaded(db):
    partners = partners_demo.load()
    forms_demo.load(partners=partners)
    workflows_demo.load(partners=partners)
    return partners


def test_each_partner_has_a_published_process_with_no_problems(loaded):
    every_version = ProcessVersion.objects.select_related("definition__partner")
    for version in every_version:  # the street process, and the follow-up visit
        assert version.is_published
        assert process_version_problems(version=version) == []
    versions = every_version.filter(definition__key="begging_street")
    # Pattaya's has a second version, whose admissions go through a refer step.
    assert sorted(v.definition.partner.code for v in versions) == sorted(
        [*(p.code for p in loaded), "pattaya"]
    )
    refer = versions.get(definition__partner__code="pattaya", number=2).steps.get(kind="refer")
    assert refer.settings["partner"] == "chonburi-center"
    for version in versions:
        keys = set(version.steps.values_list("key", flat=True))
        assert {"intake", "screening", "assessment", "decision", "not_a_beggar"} <= keys
        # Steps use the partner's own demo forms.
        partners = set(
            version.steps.exclude(form_version=None).values_list(
                "form_version__definition__partner", flat=True
            )
        )
        assert partners == {version.definition.partner_id}


def test_a_dozen_cases_spread_over_the_steps_following_the_acts(loaded):
    street = Case.objects.exclude(source__in=(CaseSource.FOLLOW_UP, CaseSource.REFERRAL))
    cases = {c.client.first_name: c for c in street.select_related("client", "current_step")}
    assert len(cases) == 13  # a dozen, and Pattaya's case waiting at its refer step
    assert cases.pop("สมชาย").current_step.key == "refer_to_center"
    where = {name: case.current_step.key for name, case in cases.items()}
    assert where["สายสุนีย์"] == "not_a_beggar" and cases["สายสุนีย์"].outcome == "not_a_beggar"
    assert where["Aung"] == "to_immigration"
    assert where["เด็กชายต้น"] == "to_child_protection"
    assert where["ทองดี"] == "to_elderly_care"
    assert where["สุดใจ"] == "to_psychiatric_care"
    assert where["วิชัย"] == "decision"
    assert cases["มานพ"].outcome == "returned_to_family"
    assert cases["มาลี"].outcome == "referred_to_hospital"
    assert len(set(where.values())) >= 9
    assert {c.partner_id for c in cases.values()} == {p.pk for p in loaded}
    claimed = CaseTask.objects.filter(
        status=STATUS.ASSIGNED, owner__isnull=False, process__in=street
    )
    assert claimed.count() == 2
    # The decision step waits for a supervisor.
    assert CaseTask.objects.get(process=cases["วิชัย"], status=STATUS.NEW).role == "supervisor"
    # Closed cases have their follow-up visits: one this week (in the queue), one later.
    assert cases["มานพ"].follow_ups.count() == 2


def test_loading_again_changes_nothing(loaded):
    before = (Case.objects.count(), CaseTask.objects.count(), ProcessVersion.objects.count())
    workflows_demo.load(partners=loaded)
    forms_demo.load(partners=loaded)
    workflows_demo.load(partners=loaded)
    after = (Case.objects.count(), CaseTask.objects.count(), ProcessVersion.objects.count())
    assert after == before


def test_referrals_in_every_status_between_the_demo_partners(loaded):
    statuses = set(Referral.objects.values_list("status", flat=True))
    assert statuses == set(ReferralStatus.values)
    accepted = Referral.objects.filter(status=ReferralStatus.ACCEPTED).select_related(
        "received_case"
    )
    for referral in accepted:
        assert referral.received_case.partner_id == referral.receiving_partner_id
        assert referral.received_case.source == CaseSource.REFERRAL
    assert not Referral.objects.filter(sending_partner=F("receiving_partner")).exists()
    count = Referral.objects.count()
    workflows_demo.load(partners=loaded)
    assert Referral.objects.count() == count
    assert LegalBasis.objects.filter(allows_sensitive=True).count() == 2
