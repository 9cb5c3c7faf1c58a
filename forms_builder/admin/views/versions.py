"""Any version read-only, and the preview: exactly the runtime form, at desktop or phone width."""

from django.contrib import messages
from django.http import Http404
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.clickjacking import xframe_options_sameorigin

from forms_builder.admin.display import field_rows
from forms_builder.admin.views.base import DefinitionView
from forms_builder.models import FormVersion
from forms_builder.runtime.dynamic_form import form_for

PHONE_WIDTH = 390


class VersionMixin(DefinitionView):
    def prepare(self, request, *args, **kwargs) -> None:
        super().prepare(request, *args, **kwargs)
        version = self.definition.versions.filter(number=kwargs["number"]).first()
        if version is None:
            raise Http404
        self.version: FormVersion = version

    def version_label(self) -> str:
        return _("Version %(number)s") % {"number": self.version.number}

    def extra_breadcrumbs(self):
        return [
            *super().extra_breadcrumbs(),
            {
                "url": reverse(
                    "forms_builder_admin:version", args=[self.definition.pk, self.version.number]
                ),
                "label": self.version_label(),
            },
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(version=self.version, **kwargs)


class VersionView(VersionMixin):
    """A version's fields and settings, read-only (published versions never change)."""

    template_name = "forms_builder/admin/version.html"

    def get_page_title(self):
        return self.version_label()

    def get(self, request, pk, number):
        fields = list(self.version.fields.order_by("sort_order", "pk"))
        return self.render_to_response(self.get_context_data(rows=field_rows(fields)))


class PreviewView(VersionMixin):
    """The admin page around the preview frame, with the desktop / phone width switch."""

    template_name = "forms_builder/admin/preview.html"

    def get_page_title(self):
        return _("Preview")

    def get(self, request, pk, number):
        device = "phone" if request.GET.get("device") == "phone" else "desktop"
        return self.render_to_response(
            self.get_context_data(
                device=device,
                phone_width=PHONE_WIDTH,
                frame_url=reverse(
                    "forms_builder_admin:preview_frame", args=[pk, self.version.number]
                ),
            )
        )


@method_decorator(xframe_options_sameorigin, name="dispatch")
class PreviewFrameView(VersionMixin):
    """The runtime form alone. Submitting it shows the runtime's errors and never saves."""

    template_name = "forms_builder/admin/preview_frame.html"

    def get_page_title(self):
        return _("Preview")

    def get(self, request, pk, number):
        form = form_for(version=self.version)
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, pk, number):
        form = form_for(version=self.version, data=request.POST, files=request.FILES)
        checked = form.is_valid()
        if checked:
            messages.success(
                request, _("Every answer is valid. This is a preview: nothing was saved.")
            )
        return self.render_to_response(
            self.get_context_data(form=form, checked=checked), status=200
        )
