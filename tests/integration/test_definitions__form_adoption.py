"""Publishing a form says which processes still fill in an earlier version, and offers drafts
of them that use the new one (issue: "caseworkers now fill this version", while every process
stayed pinned to the old one)."""

from django.urls import reverse

from forms_builder import services as form_services
from forms_builder.models import FormVersion, VersionStatus
from partners.models import Role
from tests.factories import member
from tests.factories_processes import two_step_draft
from workflows.services.definitions import process_version_publish


def form_detail(definition):
    return reverse("forms_builder_admin:detail", args=[definition.pk])


def test_a_new_form_version_is_offered_to_the_processes_that_use_the_old_one(
    client, partner, other_partner
):
    process, version = two_step_draft(partner)
    process_version_publish(version=version)
    screening = FormVersion.objects.get(definition__partner=partner, definition__key="screening")
    form = screening.definition
    admin = member(Role.ADMINISTRATOR, partner=partner)
    client.force_login(admin)
    client.post(reverse("forms_builder_admin:draft_start", args=[form.pk]))
    client.post(reverse("forms_builder_admin:publish", args=[form.pk]))
    v2 = form.versions.get(number=2)
    assert v2.status == VersionStatus.PUBLISHED

    page = client.get(form_detail(form))
    html = page.content.decode()
    assert [v.number for v in page.context["earlier_in_use"]] == [1]
    assert 'id="adopt-version"' in html and process.name in html
    adopt = page.context["adopt_action"][1]

    other_admin = member(Role.ADMINISTRATOR, partner=other_partner)
    client.force_login(other_admin)
    assert client.post(adopt).status_code == 404
    client.force_login(member(Role.CASEWORKER, partner=partner))
    assert client.post(adopt).status_code == 302
    assert process.versions.count() == 1

    client.force_login(admin)
    response = client.post(adopt)
    assert response.status_code == 302 and response.url == form_detail(form)
    draft = process.versions.get(number=2)
    assert draft.status == VersionStatus.DRAFT
    assert draft.steps.get(key="screen").form_version == v2
    assert version.steps.get(key="screen").form_version == screening  # the published one stays
    page = client.get(form_detail(form))
    assert page.context["adopt_action"] is None  # nothing left to adopt
    process_version_publish(version=draft)
    assert not client.get(form_detail(form)).context["earlier_in_use"]


def test_no_offer_when_no_process_uses_an_earlier_version(client, partner):
    from tests.factories_forms_admin import form_with_fields, text_fields

    form = form_with_fields(partner, "alone", fields=text_fields(1), publish=True)
    form_services.form_version_draft(definition=form)
    form_services.form_version_publish(version=form.versions.get(number=2))
    client.force_login(member(Role.ADMINISTRATOR, partner=partner))
    page = client.get(form_detail(form))
    assert page.context["earlier_in_use"] == [] and page.context["adopt_action"] is None
