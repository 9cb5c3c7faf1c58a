"""The two-factor screens of the admin: give a code, or enrol an authenticator app."""

import base64

import qrcode
from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from qrcode.image.svg import SvgPathImage

from partners.two_factor.services import totp_device_confirm, totp_device_pending
from partners.views.base import StaffPageMixin

SESSION_CODES = "two_factor_new_recovery_codes"


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split())


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return "/admin/"


class VerifyView(StaffPageMixin, TemplateView):
    """After the password: a code from the app, or a recovery code (each works once)."""

    template_name = "partners/two_factor/verify.html"
    page_title = gettext_lazy("Two-step sign-in")
    header_icon = "lock"

    def get(self, request, *args, **kwargs):
        if not user_has_device(request.user):
            return redirect("partners_two_factor:setup")
        return self.render_to_response(self.get_context_data(form=CodeForm()))

    def post(self, request, *args, **kwargs):
        form = CodeForm(request.POST)
        device = match_token(request.user, form.cleaned_data["code"]) if form.is_valid() else None
        if device is None:
            form.add_error(None, _("That code is not right. Try the newest code from your app."))
            return self.render_to_response(self.get_context_data(form=form))
        otp_login(request, device)
        return redirect(_next_url(request))


class SetupView(StaffPageMixin, TemplateView):
    """Enrol an authenticator app: scan the QR code (or type the key), then give one code."""

    template_name = "partners/two_factor/setup.html"
    page_title = gettext_lazy("Set up two-step sign-in")
    header_icon = "lock"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        codes = self.request.session.pop(SESSION_CODES, None)
        if codes:
            return {**context, "recovery_codes": codes}
        device = totp_device_pending(user=self.request.user)
        svg = qrcode.make(device.config_url, image_factory=SvgPathImage).to_string()
        key = base64.b32encode(device.bin_key).decode().rstrip("=")
        context.update(
            qr_svg=mark_safe(svg.decode().split("?>", 1)[-1]),  # noqa: S308 - our own SVG
            key=" ".join(key[i : i + 4] for i in range(0, len(key), 4)),
            device=device,
        )
        return context

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=CodeForm()))

    def post(self, request, *args, **kwargs):
        form = CodeForm(request.POST)
        device = totp_device_pending(user=request.user)
        codes = totp_device_confirm(device=device, token=form.data.get("code", "").replace(" ", ""))
        if codes is None:
            form.is_valid()
            form.add_error(None, _("That code is not right. Try the newest code from your app."))
            return self.render_to_response(self.get_context_data(form=form))
        device.refresh_from_db()
        otp_login(request, device)
        request.session[SESSION_CODES] = codes
        messages.success(request, _("Two-step sign-in is on."))
        return redirect("partners_two_factor:setup")
