"""Outcomes are configuration: the network's and each partner's, retired rather than deleted,
named in Thai and English, carried in the definitions bundle."""

import pytest
from django.urls import reverse

from partners.models import Role
from tests.factories import member
from tests.factories_partners import central_administrator
from tests.factories_processes import decide, empty_process, end, human
from tests.factories_workflows import screening_form
from workflows.models import Outcome
from workflows.selectors.outcomes import outcome_label
from workflows.serialization import bundle_export, bundle_import
from workflows.services.definitions import process_version_problems

INDEX = reverse("outcomes:index")
ADD = reverse("outcomes:add")


def edit_url(outcome):
    return reverse("outcomes:edit", args=[outcome.pk])


def test_the_outcomes_of_every_installation_are_there(db):
    keys = set(Outcome.objects.values_list("key", flat=True))
    assert {"returned_to_family", "lost_contact", "deceased", "moved_away", "duplicate"} <= keys
    assert Outcome.objects.get(key="deceased").name_th == "เสียชีวิต"


def test_a_partner_administrator_adds_outcomes_for_their_partner_only(
    client, partner, other_partner
):
    client.force_login(member(Role.ADMINISTRATOR, partner=partner))
    data = {"key": "private_foundation", "name_th": "รับเข้ามูลนิธิเอกชน", "sort_order": 20}
    for refused in ("", other_partner.pk):
        response = client.post(ADD, {**data, "partner": refused})
        assert response.status_code == 200 and "partner" in response.context["form"].errors
    response = client.post(ADD, {**data, "partner": partner.pk})
    assert response.status_code == 302
    assert Outcome.objects.get(key="private_foundation").partner == partner
    response = client.post(ADD, {**data, "key": "deceased", "partner": partner.pk})
    assert "key" in response.context["form"].errors  # one namespace for the whole network

    network = Outcome.objects.get(key="deceased")
    assert client.get(edit_url(network)).status_code == 404
    listing = client.get(INDEX).content.decode()
    assert "รับเข้ามูลนิธิเอกชน" in listing and "เสียชีวิต" in listing
    # Only its own outcomes link to their edit page: the network's are read, not links to a 404.
    own = Outcome.objects.get(key="private_foundation")
    assert f'href="{edit_url(own)}"' in listing and f'href="{edit_url(network)}"' not in listing
    foreign = Outcome.objects.create(key="theirs", partner=other_partner, name_th="ของเขา")
    assert "ของเขา" not in client.get(INDEX).content.decode()
    assert client.get(edit_url(foreign)).status_code == 404


def test_caseworkers_do_not_open_the_outcomes_admin(client, partner):
    client.force_login(member(Role.CASEWORKER, partner=partner))
    response = client.get(INDEX)
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def test_a_renamed_outcome_reads_anew_and_a_retired_one_is_no_longer_offered(
    client, partner, django_capture_on_commit_callbacks
):
    client.force_login(central_administrator())
    outcome = Outcome.objects.get(key="lost_contact")
    assert outcome_label("lost_contact") == "ขาดการติดต่อ"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            edit_url(outcome),
            {"name_th": "ติดต่อไม่ได้", "name_en": "Lost contact", "sort_order": 1, "retired": "on"},
        )
    assert response.status_code == 302
    assert outcome_label("lost_contact") == "ติดต่อไม่ได้"

    definition, version = empty_process(partner)
    form = screening_form(partner)
    start = human(version, "screen", form, start=True)
    closing = end(version, "gone", outcome="lost_contact")
    decide(start, closing, is_default=True)
    step_add = reverse("workflows_definitions:step_add", args=[definition.pk])
    assert 'value="lost_contact"' not in client.get(step_add).content.decode()
    problems = " ".join(process_version_problems(version=version))
    assert "ติดต่อไม่ได้" in problems or "lost_contact" in problems


@pytest.mark.parametrize("owner", ["partner", "network"])
def test_outcomes_travel_with_the_processes_that_record_them(partner, owner):
    outcome = Outcome.objects.create(
        key="private_foundation",
        partner=partner if owner == "partner" else None,
        name_th="รับเข้ามูลนิธิเอกชน",
        name_en="Admitted to a private foundation",
    )
    definition, version = empty_process(partner)
    start = human(version, "screen", screening_form(partner), start=True)
    decide(start, end(version, "foundation", outcome="private_foundation"), is_default=True)
    document = bundle_export(processes=[definition])
    assert document["outcomes"] == [
        {
            "partner": partner.code if owner == "partner" else None,
            "key": "private_foundation",
            "name_th": "รับเข้ามูลนิธิเอกชน",
            "name_en": "Admitted to a private foundation",
            "sort_order": 0,
        }
    ]
    outcome.delete()
    definition.delete()
    bundle_import(document=document)
    assert Outcome.objects.get(key="private_foundation").name_th == "รับเข้ามูลนิธิเอกชน"
    bundle_import(document=document)  # again: nothing changes
    assert Outcome.objects.filter(key="private_foundation").count() == 1
