"""The breach register's form: Buddhist-era dates and times (Wagtail's calendar chooser, as in the
admin's other forms), the partners involved (at least one of the user's own), and the people
affected by their client numbers."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from forms_builder.admin_dates import BuddhistAdminDateTimeField
from forms_builder.be_dates import year_first_example
from partners.models import Partner
from workflows.models import Breach


class BreachForm(forms.ModelForm):
    occurred_at = BuddhistAdminDateTimeField(
        label=_("happened at"), required=False, not_in_future=True
    )
    discovered_at = BuddhistAdminDateTimeField(label=_("when it was found"), not_in_future=True)
    regulator_notified_at = BuddhistAdminDateTimeField(label=_("office told at"), required=False)
    people_notified_at = BuddhistAdminDateTimeField(label=_("people told at"), required=False)
    client_numbers = forms.CharField(
        label=_("client numbers of the people affected"),
        required=False,
        max_length=2000,
        help_text=_("As on their pages, separated by commas, for example: 12, 40"),
    )

    class Meta:
        model = Breach
        fields = [
            "summary",
            "description",
            "occurred_at",
            "discovered_at",
            "partners",
            "people_count",
            "regulator_notified_at",
            "no_notification_reason",
            "people_notified_at",
            "closed",
        ]
        widgets = {
            "partners": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 4}),
            "no_notification_reason": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, own_partner_ids: set[int], clients, **kwargs):
        super().__init__(*args, **kwargs)
        self.own_partner_ids = own_partner_ids
        self.visible_clients = clients
        self.fields["partners"].queryset = Partner.objects.active()
        for field in self.fields.values():
            if isinstance(field, BuddhistAdminDateTimeField):  # how to type it, beside the calendar
                field.widget.attrs["placeholder"] = f"{year_first_example()} 09:30"
        if self.instance.pk:
            numbers = self.instance.clients.values_list("pk", flat=True)
            self.initial["client_numbers"] = ", ".join(str(n) for n in numbers)
        else:
            for name in ("regulator_notified_at", "people_notified_at", "closed"):
                del self.fields[name]
            # Most breaches are the recording partner's own: ticked already.
            self.initial.setdefault("partners", sorted(own_partner_ids or ()))

    def clean_partners(self):
        partners = self.cleaned_data["partners"]
        if self.own_partner_ids is not None and not {p.pk for p in partners} & self.own_partner_ids:
            raise ValidationError(_("Include your own partner."))
        return partners

    def clean_client_numbers(self):
        text = self.cleaned_data["client_numbers"].replace("#", "")
        numbers = [part.strip() for part in text.replace(" ", ",").split(",") if part.strip()]
        if any(not n.isascii() or not n.isdigit() or len(n) > 18 for n in numbers):
            raise ValidationError(_("Enter client numbers only, separated by commas."))
        wanted = {int(n) for n in numbers}
        found = list(self.visible_clients.filter(pk__in=wanted))
        missing = wanted - {c.pk for c in found}
        if missing:
            raise ValidationError(
                _("No client you can see has the number %(numbers)s.")
                % {"numbers": ", ".join(str(n) for n in sorted(missing))}
            )
        return found

    def clean(self):
        data = super().clean()
        found, happened = data.get("discovered_at"), data.get("occurred_at")
        if found and happened and happened > found:
            self.add_error("occurred_at", _("A breach is found after it happens."))
        return data

    def breach_fields(self) -> dict:
        data = self.cleaned_data
        return {
            name: data[name] for name in self.fields if name not in ("partners", "client_numbers")
        }
