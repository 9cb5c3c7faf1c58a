"""Uploading a register to import: which partner, which file."""

from django import forms
from django.utils.translation import gettext_lazy as _

from workflows.imports.readers import FORMATS


class ImportUploadForm(forms.Form):
    partner = forms.ModelChoiceField(
        label=_("Import into"), queryset=None, required=True, empty_label=None
    )
    file = forms.FileField(
        label=_("File"),
        help_text=_("Excel (.xlsx), CSV (UTF-8 or Thai Windows-874) or JSON."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(f".{f}" for f in FORMATS)}),
    )

    def __init__(self, *args, partners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = partners
        self.only_partner = partners[0] if len(partners) == 1 else None
        if self.only_partner:
            self.fields["partner"].widget = forms.HiddenInput()
            self.fields["partner"].required = False

    def clean_file(self):
        from workflows.services.import_runs import MAX_BYTES

        file = self.cleaned_data["file"]
        if file.size > MAX_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)s MB: split it into several files."),
                params={"size": MAX_BYTES // (1024 * 1024)},
            )
        return file

    def clean_partner(self):
        return self.cleaned_data.get("partner") or self.only_partner
