"""A new definition and its names: Wagtail's CreateView and EditView, saved through services."""

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views import generic

from forms_builder.definition_admin.access import (
    definition_for_admin,
    partners_for_new_definitions,
)
from forms_builder.definition_admin.history import definition_log
from partners.selectors import user_is_central_administrator

definition_key_validator = RegexValidator(
    r"^[a-z0-9][a-z0-9_-]{0,63}$",
    _("Use lower-case English letters, digits, dashes and underscores (e.g. street_intake)."),
)
DESCRIPTION_WIDGETS = {
    "description_th": forms.Textarea(attrs={"rows": 3}),
    "description_en": forms.Textarea(attrs={"rows": 3}),
}


class PartnerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.name


class DefinitionCreateForm(forms.ModelForm):
    """A new definition: its partner (the whole network: central administrators only), a key
    unique within that partner, its names. Subclasses set Meta (model, fields) and the texts."""

    network_label = _("The whole network")
    key_example = _("A stable ASCII name, unique within the partner, e.g. street_intake.")
    key_taken = _("This partner already has a definition with this key.")

    partner = PartnerChoiceField(label=_("Partner"), queryset=None, required=False)
    key = forms.CharField(label=_("Key"), max_length=64, validators=[definition_key_validator])

    def __init__(self, *args, partners, allow_network_wide: bool, **kwargs):
        super().__init__(*args, **kwargs)
        partner_field = self.fields["partner"]
        partner_field.queryset = partners
        partner_field.empty_label = self.network_label
        self.fields["key"].help_text = self.key_example
        if not allow_network_wide:
            partner_field.required = True
            partner_field.empty_label = None

    def clean(self):
        cleaned = super().clean()
        key = cleaned.get("key")
        if key and "partner" in cleaned and self.key_is_taken(key, cleaned["partner"]):
            self.add_error("key", self.key_taken)
        return cleaned

    def key_is_taken(self, key: str, partner) -> bool:
        """Keys are unique within a partner (and within the network's own)."""
        taken = self._meta.model.objects.filter(key=key)
        if partner is None:
            return taken.filter(partner__isnull=True).exists()
        return taken.filter(partner=partner).exists()

    def validate_unique(self):
        """The key's uniqueness is checked in clean(), with a message on the key itself."""


def definition_details_form(model, classifier: str) -> type[forms.ModelForm]:
    """The form of a definition's names, description and classification."""
    fields = ["name_th", "name_en", "description_th", "description_en", classifier]
    return forms.modelform_factory(model, fields=fields, widgets=DESCRIPTION_WIDGETS)


class DefinitionCreateView(generic.CreateView):
    viewset = None

    def get_page_title(self):
        return self.viewset.texts["new"]

    def get_page_subtitle(self):
        return ""  # the title says it: "กระบวนการใหม่", not "กระบวนการใหม่: กระบวนการใหม่"

    def get_breadcrumbs_items(self):
        index = {"url": self.viewset.url("index"), "label": self.viewset.texts["plural"]}
        return [*self.breadcrumbs_items, index, {"url": "", "label": self.viewset.texts["new"]}]

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["partners"] = partners_for_new_definitions(self.request.user)
        kwargs["allow_network_wide"] = user_is_central_administrator(self.request.user)
        return kwargs

    def save_instance(self):
        data = {name: self.form.cleaned_data[name] for name in self.form.Meta.fields}
        definition = self.viewset.definition_create(user=self.request.user, **data)
        definition_log(definition, "wagtail.create", self.request.user)
        return definition

    def get_success_url(self):
        return self.viewset.url("draft", self.object.pk)

    def get_success_message(self, instance):
        return self.viewset.texts["created"]

    def get_success_buttons(self):
        return []

    def get_context_data(self, **kwargs):
        return super().get_context_data(help_text=self.viewset.texts["create_help"], **kwargs)


class DefinitionDetailsView(generic.EditView):
    """Names, description and the classification: not versioned, editable at any time."""

    viewset = None

    def get_object(self, queryset=None):
        return definition_for_admin(self.model, self.request.user, self.kwargs["pk"], edit=True)

    def get_page_title(self):
        return self.viewset.texts["details"]

    def save_instance(self):
        definition = self.viewset.definition_update(
            definition=self.object, **self.form.cleaned_data
        )
        definition_log(definition, "wagtail.edit", self.request.user)
        return definition

    def get_success_url(self):
        return self.viewset.detail_url(self.object)

    def get_success_message(self):
        return self.viewset.texts["details_saved"]

    def get_success_buttons(self):
        return []

    @property
    def header_more_buttons(self):
        return []

    def get_context_data(self, **kwargs):
        return super().get_context_data(help_text=self.viewset.texts["details_help"], **kwargs)
