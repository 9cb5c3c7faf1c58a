from django import forms
from django.utils.translation import gettext_lazy as _

from notifications.kinds import NOTIFICATION_KINDS


class EmailChoicesForm(forms.Form):
    kinds = forms.MultipleChoiceField(
        label=_("Send me these by e-mail"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kinds"].choices = [
            (name, spec.label) for name, spec in NOTIFICATION_KINDS.items()
        ]
