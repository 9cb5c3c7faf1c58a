"""Outcomes and legal bases in the Wagtail admin (viewsets). Imported by workflows.wagtail_hooks."""

from wagtail import hooks

from workflows.views.legal_bases import LegalBasisViewSet
from workflows.views.outcomes import OutcomeViewSet


@hooks.register("register_admin_viewset")
def register_outcomes_admin():
    return OutcomeViewSet()


@hooks.register("register_admin_viewset")
def register_legal_bases_admin():
    return LegalBasisViewSet()
