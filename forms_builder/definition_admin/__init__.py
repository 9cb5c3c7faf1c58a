"""The versioned-definition admin: one shape for every definition type that has versions.

Forms (forms_builder.admin) and processes (workflows.views.definitions) are both an
`AbstractDefinition` (a key, bilingual names, a partner or the whole network) with numbered
`AbstractVersion`s (one draft at most, frozen once published). Their administration is the same
too, so it is written once here, on Wagtail's own generic views and `ModelViewSet`:

- `access`: who sees and changes which definitions (and a Wagtail permission policy from it);
- `listing`: the list, with Wagtail's search, filters, columns and pagination;
- `editing`: a new definition and its names (Wagtail's CreateView and EditView);
- `pages`: the definition's page (versions, actions), history, drafts, publishing, one version,
  export — our own views only where Wagtail has no shape (drafts, publishing, versions);
- `viewset`: `VersionedDefinitionViewSet`, which a definition type subclasses to say its model,
  forms, services, texts, templates and its own extra screens (the field editor, the step editor).
"""
