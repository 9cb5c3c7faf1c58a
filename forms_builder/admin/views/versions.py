"""Any version read-only, and the preview: exactly the runtime form, at desktop or phone width."""

from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.clickjacking import xframe_options_sameorigin

from forms_builder.admin.display import field_rows
from forms_builder.definition_admin import pages
from forms_builder.runtime.dynamic_form import form_for

PHONE_WIDTH = 390


class VersionView(pages.VersionView):
    """A version's fields and settings, in words."""

    template_name = "forms_builder/admin/version.html"

    def version_context(self) -> dict:
        return {"rows": field_rows(list(self.version.fields.order_by("sort_order", "pk")))}


class PreviewView(pages.VersionMixin):
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
                frame_url=self.viewset.url("preview_frame", pk, self.version.number),
            )
        )


@method_decorator(xframe_options_sameorigin, name="dispatch")
class PreviewFrameView(pages.VersionMixin):
    """The runtime form alone. Submitting it shows the runtime's errors and never saves."""

    template_name = "forms_builder/admin/preview_frame.html"

    def get_page_title(self):
        return _("Preview")

    def get(self, request, pk, number):
        form = form_for(version=self.version)
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, pk, number):
        form = form_for(version=self.version, data=request.POST, files=request.FILES)
        # The confirmation is on the frame itself, not a message left for the next admin page.
        checked = form.is_valid()
        return self.render_to_response(
            self.get_context_data(form=form, checked=checked), status=200
        )
