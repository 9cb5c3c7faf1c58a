"""Outcomes, legal bases, external organizations and letter templates in the Wagtail admin
(viewsets). Imported by workflows.wagtail_hooks."""

from wagtail import hooks

from workflows.views.legal_bases import LegalBasisViewSet
from workflows.views.letters_admin import ExternalOrganizationViewSet, LetterTemplateViewSet
from workflows.views.outcomes import OutcomeViewSet


@hooks.register("register_admin_viewset")
def register_outcomes_admin():
    return OutcomeViewSet()


@hooks.register("register_admin_viewset")
def register_legal_bases_admin():
    return LegalBasisViewSet()


@hooks.register("register_admin_viewset")
def register_external_organizations_admin():
    return ExternalOrganizationViewSet()


@hooks.register("register_admin_viewset")
def register_letter_templates_admin():
    return LetterTemplateViewSet()
