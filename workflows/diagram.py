"""A process version drawn as an inline SVG, on the server: no JavaScript, no CDN.

Steps are boxes laid out in layers by their distance from the start (the start on top, ends as
pills showing their outcome); decisions are labelled arrows. An optional path of step ids (the
steps a case went through, the last being where it stands) is highlighted.
"""

from collections import deque
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from workflows.models import Case, CaseTask, ProcessVersion, Step, Transition

BOX_W, BOX_H = 210, 58
GAP_X, GAP_Y = 24, 100
MARGIN = 24
BACK_EDGE_ROOM = 120  # room on the right for decisions that lead back up or sideways

INK, MUTED, LINE = "#1f2933", "#52606d", "#7b8794"
TAKEN, TAKEN_FILL = "#1e7b34", "#e3f4e8"
CURRENT, CURRENT_FILL = "#b54708", "#fff1dc"
START, END_FILL = "#0b5cad", "#f0f4f8"


@dataclass
class _Box:
    step: Step
    x: float
    y: float

    @property
    def center_x(self) -> float:
        return self.x + BOX_W / 2


def _short(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _layers(steps: list[Step], transitions: list[Transition]) -> dict[int, int]:
    """Each step's distance from the start; steps not reached go below everything else."""
    forward: dict[int, list[int]] = {s.pk: [] for s in steps}
    for t in transitions:
        forward[t.source_id].append(t.target_id)
    start = next((s for s in steps if s.is_start), None)
    layer: dict[int, int] = {}
    if start is not None:
        layer[start.pk] = 0
        todo = deque([start.pk])
        while todo:
            pk = todo.popleft()
            for nxt in forward[pk]:
                if nxt not in layer:
                    layer[nxt] = layer[pk] + 1
                    todo.append(nxt)
    below = max(layer.values(), default=-1) + 1
    for s in steps:
        layer.setdefault(s.pk, below)
    return layer


def _rows(steps: list[Step], layer: dict[int, int], transitions) -> dict[int, list[Step]]:
    """Steps by layer, each layer ordered under its parents (fewer crossing arrows)."""
    rows: dict[int, list[Step]] = {}
    for s in sorted(steps, key=lambda s: (s.sort_order, s.pk)):
        rows.setdefault(layer[s.pk], []).append(s)
    parents: dict[int, list[int]] = {}
    for t in transitions:
        if layer[t.source_id] < layer[t.target_id]:
            parents.setdefault(t.target_id, []).append(t.source_id)
    place: dict[int, float] = {}
    for number in sorted(rows):
        row = rows[number]
        first = {s.pk: (index + 0.5) / len(row) for index, s in enumerate(row)}

        def weight(s: Step, first=first) -> float:
            known = [place[p] for p in parents.get(s.pk, []) if p in place]
            return sum(known) / len(known) if known else first[s.pk]

        row.sort(key=lambda s: (weight(s), s.sort_order, s.pk))
        for index, s in enumerate(row):
            place[s.pk] = (index + 0.5) / len(row)
    return rows


def _place(rows: dict[int, list[Step]]) -> tuple[dict[int, _Box], float, float]:
    widest = max((len(r) for r in rows.values()), default=1)
    inner = widest * BOX_W + (widest - 1) * GAP_X
    boxes = {}
    for number, row in rows.items():
        row_width = len(row) * BOX_W + (len(row) - 1) * GAP_X
        left = MARGIN + (inner - row_width) / 2
        for index, s in enumerate(row):
            boxes[s.pk] = _Box(s, left + index * (BOX_W + GAP_X), MARGIN + number * (BOX_H + GAP_Y))
    height = MARGIN * 2 + len(rows) * BOX_H + max(len(rows) - 1, 0) * GAP_Y
    return boxes, MARGIN * 2 + inner + BACK_EDGE_ROOM, height


def _step_svg(box: _Box, *, taken: bool, current: bool) -> str:
    step = box.step
    fill, stroke, width = ("#ffffff", LINE, 1.5)
    if step.is_end:
        fill = END_FILL
    if taken:
        fill, stroke, width = TAKEN_FILL, TAKEN, 2.5
    if current:
        fill, stroke, width = CURRENT_FILL, CURRENT, 3.5
    if step.is_start and not (taken or current):
        stroke, width = START, 2.5
    radius = BOX_H / 2 if step.is_end else 8
    detail = step.kind_spec.diagram_detail(step)
    classes = " ".join(
        c
        for c, on in (
            ("step", True),
            ("start", step.is_start),
            ("end", step.is_end),
            ("taken", taken),
            ("current", current),
        )
        if on
    )
    title = step.name + (f" — {detail}" if detail else "")
    parts = [
        f'<g class="{classes}" data-step="{escape(step.key)}">',
        f"<title>{escape(title)}</title>",
        f'<rect x="{box.x:.0f}" y="{box.y:.0f}" width="{BOX_W}" height="{BOX_H}" '
        f'rx="{radius:.0f}" fill="{fill}" stroke="{stroke}" stroke-width="{width}"/>',
        f'<text x="{box.center_x:.0f}" y="{box.y + 24:.0f}" text-anchor="middle" '
        f'font-size="14" font-weight="600" fill="{INK}">{escape(_short(step.name, 26))}</text>',
    ]
    if detail:
        parts.append(
            f'<text x="{box.center_x:.0f}" y="{box.y + 44:.0f}" text-anchor="middle" '
            f'font-size="12" fill="{MUTED}">{escape(_short(detail, 30))}</text>'
        )
    start_text, here_text = _("Start"), _("Now here")
    if step.is_start:
        parts.append(
            f'<text x="{box.x:.0f}" y="{box.y - 6:.0f}" font-size="12" font-weight="600" '
            f'fill="{START}">▶ {escape(start_text)}</text>'
        )
    if current:
        parts.append(
            f'<text x="{box.x + BOX_W:.0f}" y="{box.y - 6:.0f}" text-anchor="end" '
            f'font-size="12" font-weight="600" fill="{CURRENT}">● {escape(here_text)}</text>'
        )
    parts.append("</g>")
    return "".join(parts)


def _bezier(p0, p1, p2, p3, t: float) -> tuple[float, float]:
    u = 1 - t
    return tuple(
        u**3 * a + 3 * u * u * t * b + 3 * u * t * t * c + t**3 * d
        for a, b, c, d in zip(p0, p1, p2, p3, strict=True)
    )


def _edge_svg(
    t: Transition, boxes: dict[int, _Box], fan: tuple[int, int], taken: bool, near_target: bool
) -> str:
    source, target = boxes[t.source_id], boxes[t.target_id]
    index, count = fan
    color, width, marker = (TAKEN, 3, "arrow-taken") if taken else (LINE, 1.5, "arrow")
    # The default decision is drawn like the others: its own label says what it means to a worker.
    label = t.label or (_("default") if t.is_default else "")
    if target.y > source.y:
        x1 = source.x + BOX_W * (index + 1) / (count + 1)
        y1 = source.y + BOX_H
        x2, y2 = target.center_x, target.y
        c1, c2 = (x1, y1 + 40), (x2, y2 - 40)
        path = f"M{x1:.0f},{y1:.0f} C{x1:.0f},{c1[1]:.0f} {x2:.0f},{c2[1]:.0f} {x2:.0f},{y2:.0f}"
        # Labels sit where arrows are far apart: near the targets of a fan-out.
        lx, ly = _bezier((x1, y1), c1, c2, (x2, y2), 0.75 if near_target else 0.3)
    elif target.y == source.y:
        # Sideways, within a layer: dip under both boxes.
        x1, x2, y1 = source.center_x, target.center_x, source.y + BOX_H
        dip = y1 + 34 + 12 * index
        path = f"M{x1:.0f},{y1:.0f} C{x1:.0f},{dip:.0f} {x2:.0f},{dip:.0f} {x2:.0f},{y1:.0f}"
        lx, ly = _bezier((x1, y1), (x1, dip), (x2, dip), (x2, y1), 0.5)
        ly += 12
    else:
        # Back up: go round on the right of both boxes.
        x1, y1 = source.x + BOX_W, source.y + BOX_H / 2
        x2, y2 = target.x + BOX_W, target.y + BOX_H / 2
        bend = max(x1, x2) + 50 + 14 * index
        path = f"M{x1:.0f},{y1:.0f} C{bend:.0f},{y1:.0f} {bend:.0f},{y2:.0f} {x2:.0f},{y2:.0f}"
        lx, ly = bend - 10, (y1 + y2) / 2
    classes = "decision taken" if taken else "decision"
    return (
        f'<g class="{classes}" data-from="{escape(t.source.key)}" data-to="{escape(t.target.key)}">'
        f"<title>{escape(label)}</title>"
        f'<path d="{path}" fill="none" stroke="{color}" stroke-width="{width}" '
        f'marker-end="url(#{marker})"/>'
        f'<text x="{lx:.0f}" y="{ly:.0f}" text-anchor="middle" font-size="12" fill="{INK}" '
        f'paint-order="stroke" stroke="#ffffff" stroke-width="4">{escape(_short(label, 34))}</text>'
        "</g>"
    )


def _markers() -> str:
    def marker(name: str, color: str) -> str:
        return (
            f'<marker id="{name}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" '
            f'markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
            f'fill="{color}"/></marker>'
        )

    return f"<defs>{marker('arrow', LINE)}{marker('arrow-taken', TAKEN)}</defs>"


def process_diagram_svg(
    *, version: ProcessVersion, path: list[int] | None = None, title: str = ""
) -> SafeString:
    """The version's steps and decisions as an SVG element; `path` (step ids, oldest first, the
    last one current) is drawn in colour. Every text is escaped."""
    steps = list(version.steps.all())
    transitions = list(version.transitions.select_related("source", "target"))
    if not steps:
        empty = escape(_("This version has no steps yet."))
        return mark_safe(f'<p class="help-block">{empty}</p>')  # noqa: S308 - escaped
    path = [pk for pk in (path or []) if pk is not None]
    current = path[-1] if path else None
    taken_edges = set(zip(path, path[1:], strict=False))
    boxes, width, height = _place(_rows(steps, _layers(steps, transitions), transitions))
    outgoing: dict[int, list[Transition]] = {}
    incoming: dict[int, int] = {}
    for t in sorted(transitions, key=lambda t: (boxes[t.target_id].x, t.sort_order, t.pk)):
        outgoing.setdefault(t.source_id, []).append(t)
        incoming[t.target_id] = incoming.get(t.target_id, 0) + 1
    edges = [
        _edge_svg(
            t,
            boxes,
            (index, len(group)),
            (t.source_id, t.target_id) in taken_edges,
            near_target=len(group) > incoming[t.target_id],
        )
        for group in outgoing.values()
        for index, t in enumerate(group)
    ]
    nodes = [
        _step_svg(boxes[s.pk], taken=s.pk in path, current=s.pk == current)
        for s in sorted(steps, key=lambda s: (s.sort_order, s.pk))
    ]
    label = title or _("Diagram of the process “%(name)s”, version %(number)s") % {
        "name": version.definition.name,
        "number": version.number,
    }
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="process-diagram" role="img" '
        f'aria-label="{escape(label)}" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" '
        f"font-family=\"'Noto Sans Thai', 'Sarabun', sans-serif\">"
        f"<title>{escape(label)}</title>{_markers()}{''.join(edges)}{''.join(nodes)}</svg>"
    )
    return mark_safe(svg)  # noqa: S308 - every text and attribute above is escaped


def case_step_path(*, case: Case) -> list[int]:
    """The steps a case went through, oldest first, ending with the step it stands on."""
    path: list[int] = []
    step_ids = (
        CaseTask.objects.filter(process=case, step__isnull=False)
        .order_by("created", "pk")
        .values_list("step_id", flat=True)
    )
    for step_id in [*step_ids, case.current_step_id]:
        if step_id is not None and (not path or path[-1] != step_id):
            path.append(step_id)
    return path


def case_diagram_svg(*, case: Case) -> SafeString:
    """The case's process version with the path the case took and where it stands now."""
    return process_diagram_svg(version=case.process_version, path=case_step_path(case=case))
