"""Outcomes in the Wagtail admin (their viewset). Imported by workflows.wagtail_hooks."""

from wagtail import hooks

from workflows.views.outcomes import OutcomeViewSet


@hooks.register("register_admin_viewset")
def register_outcomes_admin():
    return OutcomeViewSet()
