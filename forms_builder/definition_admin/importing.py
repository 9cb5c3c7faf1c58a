"""Importing a definitions bundle in the admin: upload → preview (nothing written) → confirm
(exactly what was previewed, all or nothing). The services are in forms_builder.bundle_transfer;
the definition type says what its import reads (`bundle_import`, `bundle_schema`)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from forms_builder.bundle_report import (
    CURRENT,
    DRAFT_REPLACED,
    NEW_DEFINITION,
    NEW_VERSION,
    UNCHANGED,
    owner_label,
)
from forms_builder.bundle_schema import bundle_parse, bundle_problems
from forms_builder.bundle_transfer import (
    PreviewStale,
    bundle_apply,
    bundle_permission_problems,
    bundle_preview,
    bundle_retarget,
    changes_fingerprint,
    preview_token,
    previewed,
    upload_bytes,
    upload_keep,
)
from forms_builder.definition_admin.access import partners_for_new_definitions
from forms_builder.definition_admin.editing import PartnerChoiceField
from forms_builder.definition_admin.pages import DefinitionAdminView
from forms_builder.models import VersionStatus
from partners.models import Partner
from partners.selectors import user_is_central_administrator

MAX_IMPORT_BYTES = 5 * 1024 * 1024


class ImportForm(forms.Form):
    bundle = forms.FileField(
        label=gettext_lazy("JSON file"),
        help_text=gettext_lazy("A file exported from this or another Thiphueng."),
    )
    into = PartnerChoiceField(
        label=gettext_lazy("Import into partner"),
        queryset=Partner.objects.none(),
        required=False,
        empty_label=gettext_lazy("The partners named in the file"),
        help_text=gettext_lazy(
            "Choose one of your partners to import another partner's forms and processes as "
            "your own: the partner in the file is replaced. The file itself is not changed."
        ),
    )

    def __init__(self, *args, partners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = partners

    def clean_bundle(self) -> dict:
        upload = self.cleaned_data["bundle"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        self.data_bytes = upload.read()
        document = bundle_parse(self.data_bytes)
        if not isinstance(document, dict):
            raise forms.ValidationError(_("The file is not a Thiphueng definitions bundle."))
        return document


KIND_NAMES = {
    "form": gettext_lazy("form"),
    "process": gettext_lazy("process"),
    "outcome": gettext_lazy("case outcome"),
}


def change_line(change, partners: dict) -> str:
    values = {
        "kind": KIND_NAMES[change.kind],
        "name": change.name or change.key,
        "key": change.key,
        "owner": owner_label(partners.get(change.partner_id)),
        "number": change.number,
        "previous": change.previous,
    }
    if change.action == NEW_DEFINITION:
        return _("New %(kind)s “%(name)s” (%(key)s) for %(owner)s") % values
    if change.action == NEW_VERSION:
        values["status"] = VersionStatus(change.status).label
        return _("“%(name)s” (%(owner)s): new version %(number)s, %(status)s") % values
    if change.action == DRAFT_REPLACED:
        return _("“%(name)s” (%(owner)s): the draft, version %(number)s, is replaced") % values
    if change.action == UNCHANGED:
        return _("“%(name)s” (%(owner)s): version %(number)s is already here, unchanged") % values
    if change.action == CURRENT and change.previous is None:
        return _("“%(name)s” (%(owner)s): version %(number)s becomes the current one") % values
    if change.action == CURRENT:
        return (
            _(
                "“%(name)s” (%(owner)s): version %(number)s becomes the current one instead of "
                "version %(previous)s"
            )
            % values
        )
    raise ValueError(change.action)


def clash_lines(report, partners: dict) -> list[str]:
    """Definitions the target partner already has under a key of the file."""
    seen, lines = set(), []
    for change in report.changes:
        place = (change.kind, change.partner_id, change.key)
        if change.existed and place not in seen:
            seen.add(place)
            lines.append(
                _(
                    "%(owner)s already has a %(kind)s with the key “%(key)s” (“%(name)s”): the "
                    "file's versions are compared with its versions, as listed above."
                )
                % {
                    "owner": owner_label(partners.get(change.partner_id)),
                    "kind": KIND_NAMES[change.kind],
                    "key": change.key,
                    "name": change.name,
                }
            )
    return lines


def report_lines(report) -> tuple[list[str], list[str]]:
    ids = {c.partner_id for c in report.changes} - {None}
    partners = {p.pk: p for p in Partner.objects.filter(pk__in=ids)}
    return [change_line(c, partners) for c in report.changes], clash_lines(report, partners)


class ImportView(DefinitionAdminView):
    template_name = "definition_admin/import.html"

    def get_page_title(self):
        return self.viewset.texts["import"]

    def extra_breadcrumbs(self):
        return [{"url": "", "label": self.get_page_title()}]

    def partners(self):
        return partners_for_new_definitions(self.request.user)

    def render(self, **context):
        context.setdefault("form", ImportForm(partners=self.partners()))
        return self.render_to_response(self.get_context_data(**context))

    def get(self, request):
        return self.render()

    def post(self, request):
        if "token" in request.POST:
            return self.confirm(request)
        form = ImportForm(request.POST, request.FILES, partners=self.partners())
        if not form.is_valid():
            return self.render(form=form)
        into = form.cleaned_data["into"]
        try:
            document = self.prepared(form.cleaned_data["bundle"], into)
        except ValidationError as error:
            return self.render(form=form, import_errors=error.messages)
        return self.preview(document, upload_keep(form.data_bytes), into)

    def prepared(self, document: dict, into: Partner | None) -> dict:
        """The document as it will be imported, or ValidationError (shape, permission)."""
        problems = bundle_problems(document, self.viewset.bundle_schema)
        if problems:
            raise ValidationError(problems)
        if into is not None:
            document = bundle_retarget(document, into)
        user = self.request.user
        problems = bundle_permission_problems(
            user,
            document,
            central=user_is_central_administrator(user),
            allowed=self.partners(),
        )
        if problems:
            raise ValidationError(problems)
        return document

    def preview(self, document: dict, digest: str, into: Partner | None, **context):
        importer = self.viewset.bundle_import
        try:
            report = bundle_preview(importer, document, self.request.user)
        except ValidationError as error:
            return self.render(import_errors=error.messages)
        lines, clashes = report_lines(report)
        token = preview_token(
            digest=digest,
            partner_id=into.pk if into else None,
            user_id=self.request.user.pk,
            fingerprint=changes_fingerprint(report),
        )
        return self.render(
            form=None,
            token=token,
            into=into,
            preview_lines=lines,
            clash_lines=clashes,
            notes=self.viewset.bundle_notes(document),
            **context,
        )

    def confirm(self, request):
        found = previewed(request.POST["token"], user_id=request.user.pk)
        data = upload_bytes(found["sha"]) if found else None
        into = self.partners().filter(pk=found["into"]).first() if found and found["into"] else None
        if data is None or (found["into"] and into is None):
            messages.error(request, _("This preview has expired. Upload the file again."))
            return self.render()
        try:
            document = self.prepared(bundle_parse(data), into)
            report = bundle_apply(
                self.viewset.bundle_import, document, request.user, fingerprint=found["changes"]
            )
        except PreviewStale:
            return self.preview(
                document,
                found["sha"],
                into,
                stale=_(
                    "These definitions changed after your preview (perhaps someone imported the "
                    "same file). Nothing was imported. Here is what importing would change now: "
                    "check it and confirm again."
                ),
            )
        except ValidationError as error:
            return self.render(import_errors=error.messages)
        lines, _clashes = report_lines(report)
        messages.success(request, _("The file was imported."))
        return self.render(report_lines=lines or [_("Nothing changed: all was already here.")])
