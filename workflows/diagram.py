"""A process version drawn as an inline SVG, on the server: no JavaScript, no CDN.

Steps are boxes laid out in layers by their distance from the start (the start on top, ends as
pills showing their outcome); decisions are labelled arrows, numbered in the order they are
checked, the default (taken when no other fits) dashed and marked. An optional path of step ids
(the steps a case went through, the last being where it stands) is highlighted.

Two layouts of the same drawing: `wide` (layers side by side, for a desk) and `column` (one step
under another, decisions that skip a step going round on the right, for a phone). The wide one
scales to the width of its box, the column keeps its own size (its box scrolls sideways) so its
labels stay readable; decision labels wrap over as many lines as they need, never cut.
`process_diagram_html` gives both and the stylesheet shows the one that fits
(workflows/diagram.css).
"""

import unicodedata
from collections import deque
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from workflows.models import Case, CaseTask, ProcessVersion, Step, Transition

BOX_W, BOX_H = 210, 68
GAP_X, GAP_Y = 24, 104
COLUMN_GAP_Y = 64
MARGIN = 28
BACK_EDGE_ROOM = 120  # room on the right for decisions that lead back up or sideways
COLUMN_ROOM = 150  # in the column layout, room on the right for decisions and their labels
ROW_MAX = 4  # steps side by side in the wide layout
NAME_CHARS, DETAIL_CHARS, LABEL_CHARS, COLUMN_LABEL_CHARS = 24, 30, 22, 16
LABEL_SIZE, LABEL_LINE = 12, 15  # decision labels: font size and line height
LABEL_CHAR_W = 7.5  # at most the advance of a Thai or Latin character at LABEL_SIZE
LABEL_NUDGE = 6  # a label that would overlap moves by steps of this many pixels

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


THAI_LEADING_VOWELS = "เแโใไ"  # written before the consonant they follow: never end a line
THAI_FOLLOWING = "ะาำๆ"  # written after it: never start a line


def _cut(text: str, limit: int) -> int:
    """Where to break `text` (longer than `limit`): at the last space that leaves a fair line,
    else at the limit moved left to the start of a Thai syllable's cluster (never between a
    consonant and its vowel or tone marks, after a leading vowel or before a following one)."""
    cut = text.rfind(" ", 0, limit + 1)
    if cut > limit // 3:
        return cut
    cut = limit
    while cut > limit // 2 and (
        unicodedata.category(text[cut]) == "Mn"
        or text[cut] in THAI_FOLLOWING
        or text[cut - 1] in THAI_LEADING_VOWELS
    ):
        cut -= 1
    return cut


def _wrap(text: str, limit: int, lines: int | None = 2) -> list[str]:
    """At most `lines` lines (None: as many as it takes) of at most `limit` characters, broken
    at spaces where there are any (Thai often has none: then near the limit, see `_cut`); what
    does not fit ends with "…"."""
    words = " ".join(str(text).split())
    out: list[str] = []
    while words and (lines is None or len(out) < lines):
        if len(words) <= limit:
            out.append(words)
            words = ""
            break
        cut = _cut(words, limit)
        out.append(words[:cut].rstrip())
        words = words[cut:].lstrip()
    if words:
        last = out[-1]
        out[-1] = (last if len(last) < limit else last[: limit - 1]) + "…"
    return out or [""]


def _text(x: float, y: float, lines: list[str], *, size: int, anchor="middle", **attrs) -> str:
    """A (multi-line) SVG text; every line escaped."""
    extra = "".join(f' {name.replace("_", "-")}="{value}"' for name, value in attrs.items())
    spans = "".join(
        f'<tspan x="{x:.0f}" dy="{0 if index == 0 else size + 3}">{escape(line)}</tspan>'
        for index, line in enumerate(lines)
    )
    return (
        f'<text x="{x:.0f}" y="{y:.0f}" text-anchor="{anchor}" font-size="{size}"{extra}>'
        f"{spans}</text>"
    )


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


def _place(rows: list[list[Step]], *, gap_y: int, room: int):
    widest = max((len(r) for r in rows), default=1)
    inner = widest * BOX_W + (widest - 1) * GAP_X
    boxes = {}
    for number, row in enumerate(rows):
        row_width = len(row) * BOX_W + (len(row) - 1) * GAP_X
        left = MARGIN + (inner - row_width) / 2
        for index, s in enumerate(row):
            boxes[s.pk] = _Box(s, left + index * (BOX_W + GAP_X), MARGIN + number * (BOX_H + gap_y))
    height = MARGIN * 2 + len(rows) * BOX_H + max(len(rows) - 1, 0) * gap_y
    return boxes, MARGIN * 2 + inner + room, height


def _step_svg(box: _Box, *, taken: bool, current: bool, finished: bool) -> str:
    step = box.step
    fill, stroke, width = ("#ffffff", LINE, 1.5)
    if step.is_end:
        fill = END_FILL
    if taken:
        fill, stroke, width = TAKEN_FILL, TAKEN, 2.5
    if current and not finished:
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
            ("current", current and not finished),
            ("ended", current and finished),
        )
        if on
    )
    title = step.name + (f" — {detail}" if detail else "")
    name = _wrap(step.name, NAME_CHARS)
    top = box.y + (20 if len(name) > 1 or detail else 30) + (0 if detail else 8 * (2 - len(name)))
    parts = [
        f'<g class="{classes}" data-step="{escape(step.key)}">',
        f"<title>{escape(title)}</title>",
        f'<rect x="{box.x:.0f}" y="{box.y:.0f}" width="{BOX_W}" height="{BOX_H}" '
        f'rx="{radius:.0f}" fill="{fill}" stroke="{stroke}" stroke-width="{width}"/>',
        _text(box.center_x, top, name, size=14, font_weight="600", fill=INK),
    ]
    if detail:
        parts.append(
            _text(
                box.center_x,
                top + 17 * len(name) + 2,
                _wrap(detail, DETAIL_CHARS, 1),
                size=12,
                fill=MUTED,
            )
        )
    if step.is_start:
        parts.append(
            f'<text x="{box.x:.0f}" y="{box.y - 7:.0f}" font-size="12" font-weight="600" '
            f'fill="{START}">▶ {escape(_("Start"))}</text>'
        )
    if current:
        # An open case stands here; a closed one ended here.
        mark, color = (
            ("■ " + _("Ended here"), TAKEN) if finished else ("● " + _("Now here"), CURRENT)
        )
        parts.append(
            f'<text x="{box.x + BOX_W:.0f}" y="{box.y - 7:.0f}" text-anchor="end" '
            f'font-size="12" font-weight="600" fill="{color}">{escape(mark)}</text>'
        )
    parts.append("</g>")
    return "".join(parts)


def _bezier(p0, p1, p2, p3, t: float) -> tuple[float, float]:
    u = 1 - t
    return tuple(
        u**3 * a + 3 * u * u * t * b + 3 * u * t * t * c + t**3 * d
        for a, b, c, d in zip(p0, p1, p2, p3, strict=True)
    )


def decision_label(t: Transition, number: int) -> str:
    """ "1. ต่างชาติ" in the order decisions are checked; the default says it is the default."""
    if t.is_default:
        return _("Otherwise: %(label)s") % {"label": t.label} if t.label else _("Otherwise")
    return f"{number}. {t.label}"


@dataclass
class _Edge:
    transition: Transition
    number: int  # its place in the order its step checks decisions
    fan: tuple[int, int]  # (index, count) among the arrows leaving its step
    taken: bool
    near_target: bool


@dataclass
class _Label:
    """A decision's label: its lines, where it is anchored on its arrow and where it is drawn."""

    lines: list[str]
    anchor: str  # SVG text-anchor: "middle" or "start"
    at: tuple[float, float]  # the point on the arrow it belongs to (baseline of the first line)
    x: float = 0
    y: float = 0

    def box(self, x: float | None = None, y: float | None = None) -> tuple[float, ...]:
        """(left, top, right, bottom) of the text, with its white outline."""
        x, y = self.x if x is None else x, self.y if y is None else y
        width = max(_text_width(line) for line in self.lines) + 4
        left = x - width / 2 if self.anchor == "middle" else x - 2
        top = y - LABEL_SIZE - 2
        return (left, top, left + width, top + LABEL_LINE * len(self.lines) + 4)


def _text_width(text: str) -> float:
    """A generous estimate of the width of a label line: Thai vowel and tone marks above and
    below take no room of their own."""
    return sum(0 if unicodedata.category(ch) == "Mn" else LABEL_CHAR_W for ch in text)


def _overlap(a: tuple[float, ...], b: tuple[float, ...], pad: float = 2) -> bool:
    return a[0] < b[2] + pad and b[0] < a[2] + pad and a[1] < b[3] + pad and b[1] < a[3] + pad


def _place_labels(labels: list[_Label], boxes: dict[int, _Box]) -> None:
    """Move labels that would cover another label or a step along their arrow's side, nearest
    free place first: no two labels overlap (a label moved far gets a leader line)."""
    taken = [(b.x, b.y, b.x + BOX_W, b.y + BOX_H) for b in boxes.values()]
    offsets = [0.0]
    for step in range(1, 80):
        offsets += [step * LABEL_NUDGE, -step * LABEL_NUDGE]
    for label in labels:
        x, y = label.at
        for dy in offsets:
            box = label.box(x, y + dy)
            if box[1] >= 0 and not any(_overlap(box, other) for other in taken):
                label.x, label.y = x, y + dy
                break
        else:  # pragma: no cover - 80 rows of room always hold it
            label.x, label.y = x, y
        taken.append(label.box())


def _edge_geometry(edge: _Edge, boxes: dict[int, _Box], *, column: bool) -> tuple[str, _Label]:
    """The arrow's path and its label, anchored on it."""
    t = edge.transition
    source, target = boxes[t.source_id], boxes[t.target_id]
    index, count = edge.fan
    # A decision is read in full (its lines as many as it takes), never cut with "…".
    label = _wrap(
        decision_label(t, edge.number), COLUMN_LABEL_CHARS if column else LABEL_CHARS, lines=None
    )
    anchor = "middle"
    next_row = target.y > source.y and (
        not column or target.y - source.y <= BOX_H + COLUMN_GAP_Y + 1
    )
    if next_row:
        x1 = source.x + BOX_W * (index + 1) / (count + 1) if not column else source.center_x
        y1 = source.y + BOX_H
        x2, y2 = target.center_x, target.y
        c1, c2 = (x1, y1 + 40), (x2, y2 - 40)
        path = f"M{x1:.0f},{y1:.0f} C{x1:.0f},{c1[1]:.0f} {x2:.0f},{c2[1]:.0f} {x2:.0f},{y2:.0f}"
        # Labels sit where arrows are far apart: near the targets of a fan-out.
        lx, ly = _bezier((x1, y1), c1, c2, (x2, y2), 0.75 if edge.near_target else 0.3)
        if column:
            lx, ly, anchor = x1 + 8, y1 + COLUMN_GAP_Y / 2, "start"
    elif target.y == source.y:
        # Sideways, within a layer: dip under both boxes.
        x1, x2, y1 = source.center_x, target.center_x, source.y + BOX_H
        dip = y1 + 34 + 12 * index
        path = f"M{x1:.0f},{y1:.0f} C{x1:.0f},{dip:.0f} {x2:.0f},{dip:.0f} {x2:.0f},{y1:.0f}"
        lx, ly = _bezier((x1, y1), (x1, dip), (x2, dip), (x2, y1), 0.5)
        ly += 12
    else:
        # Back up (or, in the column, past other steps): go round on the right of the boxes.
        x1, y1 = source.x + BOX_W, source.y + BOX_H / 2 + 8 * (index - (count - 1) / 2)
        x2, y2 = target.x + BOX_W, target.y + BOX_H / 2
        bend = max(x1, x2) + 28 + 16 * index
        path = f"M{x1:.0f},{y1:.0f} C{bend:.0f},{y1:.0f} {bend:.0f},{y2:.0f} {x2:.0f},{y2:.0f}"
        lx, ly = (bend + 6, (y1 + y2) / 2) if column else (bend - 10, (y1 + y2) / 2)
        anchor = "start" if column else "middle"
    return path, _Label(label, anchor, (lx, ly))


def _edge_svg(edge: _Edge, path: str, label: _Label, *, markers: str) -> str:
    t = edge.transition
    color, width, marker = (TAKEN, 3, "arrow-taken") if edge.taken else (LINE, 1.5, "arrow")
    dash = ' stroke-dasharray="6 4"' if t.is_default else ""
    classes = " ".join(
        c for c, on in (("decision", True), ("taken", edge.taken), ("default", t.is_default)) if on
    )
    leader = ""
    if abs(label.y - label.at[1]) > LABEL_NUDGE:
        # Moved off its arrow: a thin line from the arrow to the label.
        top, bottom = label.box()[1], label.box()[3]
        y = bottom if label.y < label.at[1] else top
        leader = (
            f'<line class="leader" x1="{label.at[0]:.0f}" y1="{label.at[1] - 4:.0f}" '
            f'x2="{label.x:.0f}" y2="{y:.0f}" stroke="{color}" stroke-width="1" '
            f'stroke-dasharray="2 2"/>'
        )
    return (
        f'<g class="{classes}" data-from="{escape(t.source.key)}" data-to="{escape(t.target.key)}"'
        f' data-order="{edge.number}">'
        f"<title>{escape(decision_label(t, edge.number))}</title>"
        f'<path d="{path}" fill="none" stroke="{color}" stroke-width="{width}"{dash} '
        f'marker-end="url(#{markers}{marker})"/>'
        + leader
        + _text(
            label.x,
            label.y,
            label.lines,
            size=LABEL_SIZE,
            anchor=label.anchor,
            fill=INK,
            paint_order="stroke",
            stroke="#ffffff",
            stroke_width="4",
        )
        + "</g>"
    )


def _markers(prefix: str) -> str:
    def marker(name: str, color: str) -> str:
        return (
            f'<marker id="{prefix}{name}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" '
            f'markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
            f'fill="{color}"/></marker>'
        )

    return f"<defs>{marker('arrow', LINE)}{marker('arrow-taken', TAKEN)}</defs>"


def process_diagram_svg(
    *,
    version: ProcessVersion,
    path: list[int] | None = None,
    title: str = "",
    finished: bool = False,
    layout: str = "wide",
) -> SafeString:
    """The version's steps and decisions as an SVG element; `path` (step ids, oldest first, the
    last one where the case stands, or ended when `finished`) is drawn in colour. Every text is
    escaped."""
    steps = list(version.steps.all())
    transitions = list(version.transitions.select_related("source", "target"))
    if not steps:
        empty = escape(_("This version has no steps yet."))
        return mark_safe(f'<p class="help-block">{empty}</p>')  # noqa: S308 - escaped
    column = layout == "column"
    path = [pk for pk in (path or []) if pk is not None]
    current = path[-1] if path else None
    taken_edges = set(zip(path, path[1:], strict=False))
    layered = _rows(steps, _layers(steps, transitions), transitions)
    ordered = [layered[key] for key in sorted(layered)]
    if column:
        rows = [[s] for row in ordered for s in row]
        fan = max((sum(t.source_id == s.pk for t in transitions) for s in steps), default=1)
        boxes, width, height = _place(rows, gap_y=COLUMN_GAP_Y, room=COLUMN_ROOM + 16 * fan)
    else:
        # A wide layer is split over several rows, so the drawing stays readable when it is
        # shrunk to the width of a screen.
        rows = [row[i : i + ROW_MAX] for row in ordered for i in range(0, len(row), ROW_MAX)]
        boxes, width, height = _place(rows, gap_y=GAP_Y, room=BACK_EDGE_ROOM)
    checked: dict[int, list[Transition]] = {}
    for t in sorted(transitions, key=lambda t: (t.is_default, t.sort_order, t.pk)):
        checked.setdefault(t.source_id, []).append(t)
    number = {t.pk: n for group in checked.values() for n, t in enumerate(group, start=1)}
    outgoing: dict[int, list[Transition]] = {}
    incoming: dict[int, int] = {}
    for t in sorted(transitions, key=lambda t: (boxes[t.target_id].x, t.sort_order, t.pk)):
        outgoing.setdefault(t.source_id, []).append(t)
        incoming[t.target_id] = incoming.get(t.target_id, 0) + 1
    drawn = [
        (edge, *_edge_geometry(edge, boxes, column=column))
        for edge in (
            _Edge(
                transition=t,
                number=number[t.pk],
                fan=(index, len(group)),
                taken=(t.source_id, t.target_id) in taken_edges,
                near_target=len(group) > incoming[t.target_id],
            )
            for group in outgoing.values()
            for index, t in enumerate(group)
        )
    ]
    _place_labels([label for _edge, _path, label in drawn], boxes)
    lowest = max((label.box()[3] for _e, _p, label in drawn), default=0)
    rightmost = max((label.box()[2] for _e, _p, label in drawn), default=0)
    height = max(height, lowest + MARGIN / 2)
    width = max(width, rightmost + MARGIN / 2)
    edges = [_edge_svg(e, path, label, markers=f"{layout}-") for e, path, label in drawn]
    nodes = [
        _step_svg(boxes[s.pk], taken=s.pk in path, current=s.pk == current, finished=finished)
        for s in sorted(steps, key=lambda s: (s.sort_order, s.pk))
    ]
    label = title or _("Diagram of the process “%(name)s”, version %(number)s") % {
        "name": version.definition.name,
        "number": version.number,
    }
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="process-diagram process-diagram--{layout}"'
        f' role="img" aria-label="{escape(label)}" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" preserveAspectRatio="xMidYMin meet" '
        f"font-family=\"'Noto Sans Thai', 'Sarabun', sans-serif\">"
        f"<title>{escape(label)}</title>{_markers(layout + '-')}{''.join(edges)}"
        f"{''.join(nodes)}</svg>"
    )
    return mark_safe(svg)  # noqa: S308 - every text and attribute above is escaped


def process_diagram_html(**kwargs) -> SafeString:
    """Both layouts, for a page: the stylesheet shows the wide one on a desk and the column on a
    phone, each scaled to the width of its box."""
    wide = process_diagram_svg(layout="wide", **kwargs)
    column = process_diagram_svg(layout="column", **kwargs)
    return mark_safe(f'<div class="process-diagram-box">{wide}{column}</div>')  # noqa: S308


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


def case_is_finished(case: Case) -> bool:
    return case.status in ("DONE", "CANCELED")


def case_diagram_svg(*, case: Case) -> SafeString:
    """The case's process version with the path the case took and where it stands now."""
    return process_diagram_svg(
        version=case.process_version,
        path=case_step_path(case=case),
        finished=case_is_finished(case),
    )
