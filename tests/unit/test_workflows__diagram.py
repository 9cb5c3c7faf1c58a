"""The process diagram: an inline SVG with every step, escaped labels, the path highlighted."""

import re
import xml.etree.ElementTree as ET

import pytest

from partners.models import Role
from tests.factories import member
from tests.factories_processes import decide, end, human, two_step_draft
from tests.factories_workflows import client_at, note_form
from workflows.diagram import case_diagram_svg, case_step_path, process_diagram_svg
from workflows.models import CaseTask
from workflows.services.cases import case_start, task_claim, task_complete
from workflows.services.definitions import process_version_publish

pytestmark = pytest.mark.django_db
SVG = "{http://www.w3.org/2000/svg}"


def parsed(svg: str) -> ET.Element:
    return ET.fromstring(str(svg))  # noqa: S314 - our own SVG


def groups(root, cls: str) -> list[ET.Element]:
    return [g for g in root.iter(f"{SVG}g") if cls in g.get("class", "").split()]


def test_every_step_and_decision_is_drawn_with_start_and_outcomes(partner):
    _definition, version = two_step_draft(partner)
    root = parsed(process_diagram_svg(version=version))
    steps = {g.get("data-step"): g for g in groups(root, "step")}
    assert set(steps) == {"screen", "assess", "immigration", "done"}
    assert "start" in steps["screen"].get("class")
    assert "end" in steps["immigration"].get("class")
    texts = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    assert "Handed to immigration" in texts or "ส่งตัวให้" in texts or "ตรวจคนเข้าเมือง" in texts
    assert len(groups(root, "decision")) == 3
    # Layers: the start on top, its targets below it.
    y = {k: float(g.find(f"{SVG}rect").get("y")) for k, g in steps.items()}
    assert y["screen"] < y["assess"] < y["done"]


def test_labels_are_escaped(partner):
    _definition, version = two_step_draft(partner)
    screen = version.steps.get(key="screen")
    nasty = '<script>alert("x")</script> & co'
    decide(screen, human(version, "x", note_form(partner, key="xf"), name_th=nasty), nasty)
    svg = str(process_diagram_svg(version=version))
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg
    parsed(svg)  # still well-formed XML


def test_the_path_of_a_case_and_its_current_step_are_highlighted(partner):
    definition, version = two_step_draft(partner)
    process_version_publish(version=version)
    worker = member(Role.CASEWORKER, partner=partner)
    case = case_start(partner=partner, client=client_at(partner), definition=definition)
    task = task_claim(task=CaseTask.objects.get(process=case, status="NEW"), user=worker)
    task_complete(task=task, user=worker, data={"nationality": "thai", "age": "30"})
    case.refresh_from_db()
    assert [version.steps.get(pk=pk).key for pk in case_step_path(case=case)] == [
        "screen",
        "assess",
    ]
    root = parsed(case_diagram_svg(case=case))
    steps = {g.get("data-step"): g.get("class").split() for g in groups(root, "step")}
    assert "taken" in steps["screen"]
    assert "current" in steps["assess"]
    assert "taken" not in steps["immigration"] and "current" not in steps["immigration"]
    taken = [(g.get("data-from"), g.get("data-to")) for g in groups(root, "taken")]
    assert ("screen", "assess") in taken


def test_back_edges_and_unreachable_steps_still_draw(partner):
    _definition, version = two_step_draft(partner)
    assess, screen = version.steps.get(key="assess"), version.steps.get(key="screen")
    decide(assess, screen, "กลับไปคัดกรอง")
    end(version, "island")
    svg = str(process_diagram_svg(version=version))
    assert 'data-step="island"' in svg
    assert re.search(r'data-from="assess" data-to="screen"', svg)
