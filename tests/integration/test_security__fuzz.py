"""Fuzzing: random values for every field of every form-accepting page, and random damage to a
definitions bundle. Whatever arrives, the answer is a page or a message, never a server error.

Hypothesis runs derandomized with a fixed number of examples, so the suite is repeatable and
bounded (about a minute in all). The test client re-raises any exception a view lets escape, so
a would-be 500 fails the test with its traceback.
"""

import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partners.models import Role
from tests.factories import UserFactory, member
from tests.factories_cms import english_home, report_page
from tests.factories_forms_admin import form_with_fields, text_fields
from tests.factories_partners import central_administrator
from tests.factories_processes import two_step_draft
from tests.factories_reports import report_network
from tests.factories_workspace import case_at, open_task
from workflows.serialization import bundle_export, bundle_import
from workflows.services.cases import task_claim

FUZZ = settings(
    max_examples=150,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
NAME = re.compile(rb'<(?:input|select|textarea)\b[^>]*\bname="([^"]+)"')
SKIPPED = {"csrfmiddlewaretoken"}

# Text that has broken parsers before: other scripts' digits, superscripts, huge numbers, markup.
TRICKY = st.sampled_from(
    ["", " ", "0", "-1", "²", "๑๒", "1e400", "9" * 40, "<b>", "null", "[]", "{}", "ก" * 300]
)
VALUE = st.one_of(TRICKY, st.text(max_size=40), st.integers().map(str))


@pytest.fixture
def world(db, partner):
    """One of everything a form posts to, and who may post there."""
    reporting = next(iter(report_network().values()))
    report_page()
    english_home()
    caseworker = member(Role.CASEWORKER, partner=partner)
    supervisor = member(Role.SUPERVISOR, partner=partner)
    officer = member(Role.DATA_PROTECTION, partner=partner)
    central = central_administrator()
    superuser = UserFactory(is_superuser=True)
    form = form_with_fields(partner, "intake", fields=text_fields(2))
    field = form.versions.get().fields.first()
    case = case_at(partner)  # its screening form is the one the process draft then uses
    task = task_claim(task=open_task(case), user=caseworker)
    waiting = open_task(case_at(partner, first_name="สมหญิง"))
    process, version = two_step_draft(partner, key="fuzzed")
    step = version.steps.first()
    transition = version.transitions.first()
    forms_admin, steps = "forms_builder_admin", "workflows_definitions"
    pages = [
        (caseworker, reverse("workflows_admin:task", args=[task.pk])),
        (supervisor, reverse("workflows_admin:task_assign", args=[waiting.pk])),
        (caseworker, reverse("workflows_admin:client_add")),
        (caseworker, reverse("workflows_admin:client_edit", args=[case.client_id])),
        (caseworker, reverse("workflows_admin:case_start") + f"?client={case.client_id}"),
        (caseworker, reverse("workflows_admin:client_index")),
        (supervisor, reverse("workflows_admin:inbox")),
        (supervisor, reverse("workflows_admin:queue")),
        (central, reverse(f"{forms_admin}:create")),
        (central, reverse(f"{forms_admin}:details", args=[form.pk])),
        (central, reverse(f"{forms_admin}:field_add", args=[form.pk]) + "?type=single_choice"),
        (central, reverse(f"{forms_admin}:field_edit", args=[form.pk, field.pk])),
        (central, reverse(f"{forms_admin}:copy", args=[form.pk])),
        (central, reverse(f"{steps}:create")),
        (central, reverse(f"{steps}:step_edit", args=[process.pk, step.pk])),
        (central, reverse(f"{steps}:transition_edit", args=[process.pk, transition.pk])),
        (central, reverse("partners_admin:partner_add")),
        (central, reverse("partners_admin:person_add")),
        (central, reverse("outcomes:add")),
        (officer, reverse("workflows_admin:breach_add")),
        (officer, reverse("workflows_admin:client_subject", args=[case.client_id])),
        (superuser, reverse("workflows_reports:setting_edit", args=[reporting.pk])),
        (None, "/report/"),
        (None, "/search/"),
    ]
    return [(user, url, _field_names(client_for(user), url)) for user, url in pages]


def client_for(user):
    from django.test import Client

    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _field_names(client, url: str) -> list[str]:
    response = client.get(url)
    if response.status_code == 405:  # POST only: its fields are on the page that links to it
        return ["assignee", "next"]
    assert response.status_code == 200, (url, response.status_code)
    names = {n.decode() for n in NAME.findall(response.content)} - SKIPPED
    return sorted(names)


@st.composite
def posts(draw, pages):
    index = draw(st.integers(min_value=0, max_value=len(pages) - 1))
    user, url, names = pages[index]
    chosen = draw(st.lists(st.sampled_from(names), unique=True)) if names else []
    data = {name: draw(VALUE) for name in chosen}
    extra = draw(st.dictionaries(st.text(min_size=1, max_size=10), VALUE, max_size=3))
    return index, user, url, {**extra, **data}


def test_no_form_answers_random_input_with_a_server_error(world):
    clients = {id(user): client_for(user) for user, _url, _names in world}

    @FUZZ
    @given(posts(world))
    def post_anything(example):
        _index, user, url, data = example
        response = clients[id(user)].post(url, data)
        assert response.status_code < 500, (url, data)

    post_anything()


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)


def _places(document, path=()):
    yield path
    if isinstance(document, dict):
        for key, value in document.items():
            yield from _places(value, (*path, key))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            yield from _places(value, (*path, index))


def _replaced(document, path, value):
    if not path:
        return value
    copy = json.loads(json.dumps(document))
    target = copy
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return copy


def test_no_damaged_bundle_breaks_the_import(world, partner):
    from workflows.models import ProcessDefinition

    clean = bundle_export(processes=ProcessDefinition.objects.filter(partner=partner))
    places = list(_places(clean))

    @FUZZ
    @given(st.sampled_from(places), JSON)
    def import_damaged(path, value):
        try:
            bundle_import(document=_replaced(clean, path, value))
        except ValidationError as error:
            assert all(isinstance(m, str) for m in error.messages)

    import_damaged()
