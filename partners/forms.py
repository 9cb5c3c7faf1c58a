"""Admin forms for partners, their service areas and their people."""

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from partners.areas import area_children, area_lookup
from partners.models import Partner, ReferralKind, Role, User
from partners.services import PARTNER_CONTACT_FIELDS, PARTNER_FIELDS


def _https_url_field(model_field, **kwargs):
    if isinstance(model_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return model_field.formfield(**kwargs)


class ReferralKindsField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.pop("encoder", None), kwargs.pop("decoder", None), kwargs.pop("max_length", None)
        kwargs["choices"] = ReferralKind.choices
        kwargs["required"] = False
        kwargs.setdefault(
            "help_text",
            _("A referral step that lets the caseworker choose offers the partners of its kind."),
        )
        super().__init__(**kwargs)


def _partner_formfield(model_field, **kwargs):
    if model_field.name == "referral_kinds":
        return ReferralKindsField(label=model_field.verbose_name)
    return _https_url_field(model_field, **kwargs)


class PartnerForm(forms.ModelForm):
    """Everything about a partner: for central administrators."""

    class Meta:
        model = Partner
        fields = PARTNER_FIELDS
        formfield_callback = _partner_formfield


class PartnerContactsForm(forms.ModelForm):
    """What a partner's own administrators may change: how to reach them."""

    class Meta:
        model = Partner
        fields = PARTNER_CONTACT_FIELDS
        formfield_callback = _partner_formfield


class ServiceAreaForm(forms.Form):
    """One service area chosen as province → district → subdistrict (the last two optional)."""

    province = forms.CharField(label=_("Province"), required=False, widget=forms.Select)
    district = forms.CharField(label=_("District"), required=False, widget=forms.Select)
    subdistrict = forms.CharField(label=_("Subdistrict"), required=False, widget=forms.Select)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        province = self._current("province")
        district = self._current("district")
        whole = [("", "—")]
        self.fields["province"].widget.choices = whole + area_children()
        self.fields["district"].widget.choices = [("", _("whole province"))] + (
            area_children(province) if province else []
        )
        self.fields["subdistrict"].widget.choices = [("", _("whole district"))] + (
            area_children(district) if district else []
        )
        for level, name in (("province", "province"), ("district", "district")):
            self.fields[name].widget.attrs["data-area-level"] = level
        self.fields["subdistrict"].widget.attrs["data-area-level"] = "subdistrict"

    def _current(self, name: str) -> str:
        if self.is_bound:
            return (self.data.get(self.add_prefix(name)) or "").strip()
        return self.initial.get(name, "")

    @staticmethod
    def initial_for(code: str) -> dict[str, str]:
        return {
            "province": code[:2],
            "district": code[:4] if len(code) >= 4 else "",
            "subdistrict": code if len(code) == 6 else "",
        }

    def clean(self):
        data = super().clean()
        province = data.get("province", "")
        district = data.get("district", "")
        subdistrict = data.get("subdistrict", "")
        if not province:
            if district or subdistrict:
                raise forms.ValidationError(_("Choose the province first."))
            data["code"] = ""
            return data
        if len(province) != 2 or area_lookup(province) is None:
            self.add_error("province", _("Unknown province code “%(code)s”.") % {"code": province})
            return data
        if district and (len(district) != 4 or area_lookup(district) is None):
            self.add_error("district", _("Unknown district code “%(code)s”.") % {"code": district})
            return data
        if district and not district.startswith(province):
            self.add_error("district", _("This district is not in the chosen province."))
            return data
        if subdistrict and not district:
            self.add_error("subdistrict", _("Choose the district first."))
            return data
        if subdistrict and (len(subdistrict) != 6 or area_lookup(subdistrict) is None):
            self.add_error(
                "subdistrict", _("Unknown subdistrict code “%(code)s”.") % {"code": subdistrict}
            )
            return data
        if subdistrict and not subdistrict.startswith(district):
            self.add_error("subdistrict", _("This subdistrict is not in the chosen district."))
            return data
        data["code"] = subdistrict or district or province
        return data


class BaseServiceAreaFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        codes = self.area_codes()
        if len(codes) != len(set(codes)):
            raise forms.ValidationError(_("The same area is chosen twice."))

    def area_codes(self) -> list[str]:
        return [
            form.cleaned_data["code"]
            for form in self.forms
            if form.cleaned_data.get("code") and not self._should_delete_form(form)
        ]


MAX_SERVICE_AREAS = 100  # a whole province is one area; subdistricts rarely pass 30
# max_num and absolute_max bound the rows a POST can make, whatever its TOTAL_FORMS says.
ServiceAreaFormSet = forms.formset_factory(
    ServiceAreaForm,
    formset=BaseServiceAreaFormSet,
    extra=1,
    can_delete=True,
    max_num=MAX_SERVICE_AREAS,
    absolute_max=MAX_SERVICE_AREAS,
    validate_max=True,
)


def service_area_formset(*, partner: Partner | None, data=None) -> BaseServiceAreaFormSet:
    initial = None
    if partner is not None and partner.pk:
        initial = [ServiceAreaForm.initial_for(area.code) for area in partner.service_areas.all()]
    return ServiceAreaFormSet(data=data, initial=initial, prefix="areas")


class PersonForm(forms.ModelForm):
    """Names and email of a person (the username never changes here)."""

    class Meta:
        model = User
        fields = ("first_name", "last_name", "email")
        labels = {"first_name": _("First name (Thai)"), "last_name": _("Last name (Thai)")}


class AdministeredPartnerField(forms.ModelChoiceField):
    default_error_messages = {
        "invalid_choice": _("You can only give roles at partners you administer."),
    }


class RoleGrantForm(forms.Form):
    partner = AdministeredPartnerField(label=_("Partner"), queryset=Partner.objects.none())
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)

    def __init__(self, *args, partners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = partners


class PersonCreateForm(RoleGrantForm):
    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        validators=[UnicodeUsernameValidator()],
        help_text=_("Letters, digits and @ . + - _ only, e.g. pattaya.somchai"),
    )
    first_name = forms.CharField(label=_("First name (Thai)"), max_length=150)
    last_name = forms.CharField(label=_("Last name (Thai)"), max_length=150)
    email = forms.EmailField(label=_("Email"), required=False)
    password1 = forms.CharField(
        label=_("Initial password"), strip=False, widget=forms.PasswordInput(render_value=False)
    )
    password2 = forms.CharField(
        label=_("Initial password again"),
        strip=False,
        widget=forms.PasswordInput(render_value=False),
    )

    field_order = [
        "username",
        "first_name",
        "last_name",
        "email",
        "password1",
        "password2",
        "partner",
        "role",
    ]

    def clean_username(self):
        username = self.cleaned_data["username"]
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("This username is taken."))
        return username

    def clean(self):
        data = super().clean()
        password1, password2 = data.get("password1"), data.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords differ."))
        elif password1:
            candidate = User(
                username=data.get("username", ""),
                first_name=data.get("first_name", ""),
                last_name=data.get("last_name", ""),
                email=data.get("email", ""),
            )
            try:
                password_validation.validate_password(password1, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data
