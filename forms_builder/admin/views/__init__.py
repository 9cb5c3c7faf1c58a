"""The forms administration's own screens, beside the versioned-definition admin's shared ones
(forms_builder.definition_admin): the field list of a draft, the field editor, any version's
fields, the preview, copy to another partner and import.
Writes go through forms_builder.services."""
