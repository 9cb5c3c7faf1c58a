"""Wagtail admin screens of forms_builder: list, create, edit fields, preview, publish, versions,
copy, export and import. Views stay thin: writes go through forms_builder.services."""
