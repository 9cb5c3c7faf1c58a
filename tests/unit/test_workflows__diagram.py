"""The process diagram: an inline SVG with every step, escaped labels, the path highlighted."""

import re
import unicodedata
import xml.etree.ElementTree as ET

import pytest

from partners.models import Role
from tests.factories import member
from tests.factories_processes import decide, end, human, two_step_draft
from tests.factories_workflows import client_at, note_form
from workflows.diagram import (
    case_diagram_svg,
    case_step_path,
    process_diagram_html,
    process_diagram_svg,
)
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
    texts = " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
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


def test_decisions_are_numbered_in_checking_order_and_the_default_is_dashed(partner):
    _definition, version = two_step_draft(partner)
    root = parsed(process_diagram_svg(version=version))
    leaving = {
        g.get("data-to"): g for g in groups(root, "decision") if g.get("data-from") == "screen"
    }
    foreign, default = leaving["immigration"], leaving["assess"]
    assert foreign.get("data-order") == "1" and default.get("data-order") == "2"
    assert "".join(foreign.find(f"{SVG}text").itertext()).startswith("1. ")
    assert "default" in default.get("class").split()
    assert default.find(f"{SVG}path").get("stroke-dasharray")
    assert "default" not in foreign.get("class").split()


def test_long_names_wrap_instead_of_being_cut(partner):
    _definition, version = two_step_draft(partner)
    long_name = "ตรวจสอบเอกสารและประสานหน่วยงานที่เกี่ยวข้องเพื่อส่งต่อ"
    version.steps.filter(key="assess").update(name_th=long_name)
    root = parsed(process_diagram_svg(version=version))
    step = next(g for g in groups(root, "step") if g.get("data-step") == "assess")
    lines = [span.text for span in step.find(f"{SVG}text").iter(f"{SVG}tspan")]
    assert len(lines) == 2 and "".join(lines).replace("…", "") in long_name
    assert len(lines[0]) > 20


def test_a_closed_case_ended_where_it_stands_and_is_not_now_there(partner):
    definition, version = two_step_draft(partner)
    process_version_publish(version=version)
    worker = member(Role.CASEWORKER, partner=partner)
    case = case_start(partner=partner, client=client_at(partner), definition=definition)
    task = task_claim(task=CaseTask.objects.get(process=case, status="NEW"), user=worker)
    task_complete(task=task, user=worker, data={"nationality": "foreign", "age": "30"})
    case.refresh_from_db()
    root = parsed(case_diagram_svg(case=case))
    end_step = next(g for g in groups(root, "step") if g.get("data-step") == "immigration")
    assert "ended" in end_step.get("class").split()
    assert not groups(root, "current")


def test_the_column_layout_puts_one_step_under_another_and_the_page_gets_both(partner):
    _definition, version = two_step_draft(partner)
    root = parsed(process_diagram_svg(version=version, layout="column"))
    rects = [g.find(f"{SVG}rect") for g in groups(root, "step")]
    assert len({r.get("x") for r in rects}) == 1
    assert len({r.get("y") for r in rects}) == len(rects)
    assert float(root.get("width")) < 500
    html = str(process_diagram_html(version=version))
    assert "process-diagram--wide" in html and "process-diagram--column" in html
    # Marker ids differ between the two drawings of one page.
    assert 'id="wide-arrow"' in html and 'id="column-arrow"' in html


def label_boxes(svg) -> list[tuple[float, float, float, float]]:
    """Each decision label's box, measured as the diagram measures it (workflows.diagram)."""
    from workflows.diagram import LABEL_LINE, LABEL_SIZE, _text_width

    found = []
    for group in groups(parsed(svg), "decision"):
        text = group.find(f"{SVG}text")
        lines = ["".join(span.itertext()) for span in text.iter(f"{SVG}tspan")]
        x, y = float(text.get("x")), float(text.get("y"))
        width = max(_text_width(line) for line in lines) + 4
        left = x - width / 2 if text.get("text-anchor") == "middle" else x - 2
        top = y - LABEL_SIZE - 2
        found.append((left, top, left + width, top + LABEL_LINE * len(lines) + 4))
    return found


def intersect(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("layout", ["wide", "column"])
def test_the_demo_process_with_eight_decisions_from_one_step_has_no_overlapping_labels(
    partner, layout
):
    import json
    from pathlib import Path

    from tests.factories import PartnerFactory
    from workflows.models import ProcessVersion
    from workflows.serialization import bundle_import

    PartnerFactory(code="pattaya")
    PartnerFactory(code="chonburi-center")  # version 2's refer step names it
    document = json.loads(Path("demo/definitions/pattaya.json").read_text(encoding="utf-8"))
    bundle_import(document=document)
    version = ProcessVersion.objects.get(definition__key="begging_street", number=1)
    assert version.transitions.filter(source__key="screening").count() >= 8
    svg = process_diagram_svg(version=version, layout=layout)
    boxes = label_boxes(svg)
    assert len(boxes) == version.transitions.count()
    clashes = [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :] if intersect(a, b)]
    assert not clashes
    root = parsed(svg)
    width, height = (float(v) for v in root.get("viewBox").split()[2:])
    assert all(b[0] >= 0 and b[2] <= width and b[1] >= 0 and b[3] <= height for b in boxes)
    steps = [
        (
            float(r.get("x")),
            float(r.get("y")),
            float(r.get("x")) + float(r.get("width")),
            float(r.get("y")) + float(r.get("height")),
        )
        for g in groups(root, "step")
        for r in [g.find(f"{SVG}rect")]
    ]
    assert not [(b, s) for b in boxes for s in steps if intersect(b, s)]
    # Every decision is read in full: its label is never cut with "…".
    for group in groups(root, "decision"):
        shown = "".join(span.text for span in group.find(f"{SVG}text").iter(f"{SVG}tspan"))
        assert "…" not in shown
        assert shown.replace(" ", "") == group.find(f"{SVG}title").text.replace(" ", "")


def test_thai_breaks_between_syllables_never_before_a_mark_or_after_a_leading_vowel():
    from workflows.diagram import _wrap

    for text in ("ส่งต่อศูนย์พัฒนาการจัดสวัสดิการสังคมผู้สูงอายุ", "เป็นผู้แสดงความสามารถที่ลงทะเบียน"):
        for limit in range(8, 25):
            lines = _wrap(text, limit, lines=None)
            assert "".join(lines) == text
            for before, after in zip(lines, lines[1:], strict=False):
                assert unicodedata.category(after[0]) != "Mn", (limit, lines)
                assert after[0] not in "ะาำ" and before[-1] not in "เแโใไ", (limit, lines)
