"""A caseworker adding, moving or cancelling a planned follow-up by hand, with a reason."""

from django import forms
from django.utils.translation import gettext_lazy as _

from forms_builder.runtime.fields import BuddhistDateField


class FollowUpChangeForm(forms.Form):
    ADD, MOVE, CANCEL = "add", "move", "cancel"

    action = forms.ChoiceField(choices=[(ADD, ADD), (MOVE, MOVE), (CANCEL, CANCEL)])
    follow_up = forms.IntegerField(required=False)
    process = forms.IntegerField(required=False)
    due_on = BuddhistDateField(label=_("Date"), required=False)
    reason = forms.CharField(label=_("Reason"), max_length=500)

    def clean(self):
        cleaned = super().clean()
        action = cleaned.get("action")
        if action in (self.ADD, self.MOVE) and not cleaned.get("due_on"):
            self.add_error("due_on", _("Enter the date of the follow-up."))
        if action in (self.MOVE, self.CANCEL) and not cleaned.get("follow_up"):
            self.add_error("follow_up", _("Choose the follow-up."))
        if action == self.ADD and not cleaned.get("process"):
            self.add_error("process", _("Choose the follow-up process."))
        return cleaned

    def error_text(self) -> str:
        return " ".join(str(message) for errors in self.errors.values() for message in errors)
