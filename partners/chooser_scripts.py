"""Wagtail's choosers outside StreamField (page, image, document, snippet, task) start from an
inline `<script>` that `BaseChooser.render` writes after the widget, which our
Content-Security-Policy (no `unsafe-inline`) blocks: the chooser's button would do nothing.

`install()` (from `PartnersConfig.ready`) replaces `BaseChooser.render` with one that writes the
same call as data on a hidden marker, `partners/js/widget-starts.js` makes it. A chooser whose
class starts differently from the two ways known here keeps Wagtail's inline script, and the
test that no admin page carries one (`tests/integration/test_security__inline_scripts.py`)
says so after an upgrade."""

import json

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.admin.widgets.chooser import BaseChooser
from wagtail.admin.widgets.workflows import AdminTaskChooser

WAGTAIL_RENDER = BaseChooser.render


def _start(widget: BaseChooser, id_: str, name: str, value_data) -> tuple[str, str] | None:
    """The function or class widget-starts.js calls, and its options as JSON ("" for none)."""
    render_js_init = type(widget).render_js_init
    if render_js_init is BaseChooser.render_js_init:  # `new <js_constructor>(id, options)`
        options = widget.get_js_init_options(id_, name, value_data)
        return widget.js_constructor, json.dumps(options)
    if render_js_init is AdminTaskChooser.render_js_init:  # `createTaskChooser(id)`
        return "createTaskChooser", ""
    return None


def chooser_render(self, name, value, attrs=None, renderer=None):
    id_ = (attrs or {}).get("id")
    if not id_:
        return WAGTAIL_RENDER(self, name, value, attrs, renderer)  # Wagtail's own error
    value_data = self.get_value_data(value)
    start = _start(self, id_, name, value_data)
    if start is None:
        return WAGTAIL_RENDER(self, name, value, attrs, renderer)
    constructor, options = start
    marker = format_html(
        '<span hidden data-widget-start="{}" data-widget-for="{}"{}></span>',
        constructor,
        id_,
        format_html(' data-widget-options="{}"', options) if options else "",
    )
    return mark_safe(self.render_html(name, value_data, attrs) + marker)  # noqa: S308 - both escaped


def install() -> None:
    BaseChooser.render = chooser_render
