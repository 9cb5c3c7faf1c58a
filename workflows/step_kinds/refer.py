"""Refer (ส่งต่อ): a caseworker refers the case's client to another partner, on the basis for
sharing they record (consent or a legal basis), exactly as from the case page. The administrator
fixes the receiving partner or lets the caseworker choose among the partners that accept
referrals of a kind, and chooses the answers of earlier forms that travel. Sending the referral
completes the step; the case goes on along the step's default way."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from forms_builder.models import FieldDefinition
from partners.models import Partner, ReferralKind
from workflows.step_kinds.base import StepKindSpec

KIND = "refer"


def refer_field_choices(*, definition) -> list[tuple[str, str]]:
    """The answers that may travel: the fields of the forms this process's steps ask (by key,
    with the newest label), never a file or a heading."""
    from workflows.selectors.referrals import NOT_SHAREABLE

    fields = (
        FieldDefinition.objects.filter(version__steps__version__definition=definition)
        .exclude(field_type__in=NOT_SHAREABLE)
        .order_by("key", "-version_id")
        .distinct()
    )
    labels: dict[str, str] = {}
    for field in fields:
        labels.setdefault(field.key, f"{field.label} ({field.key})")
    return sorted(labels.items(), key=lambda item: item[1])


def refer_step_fields(step) -> list[str]:
    return list((step.settings or {}).get("fields", []))


def refer_step_field_labels(step) -> list[str]:
    """The travelling answers by their labels (as the forms of this version ask them, the newest
    form version's label first), a key only where no form of the version asks it."""
    keys = refer_step_fields(step)
    if not keys:
        return []
    labels: dict[str, str] = {}
    fields = FieldDefinition.objects.filter(
        version__steps__version_id=step.version_id, key__in=keys
    ).order_by("key", "-version_id")
    for field in fields:
        labels.setdefault(field.key, str(field.label))
    return [labels.get(key, key) for key in keys]


class ReferStep(StepKindSpec):
    value = KIND
    label = gettext_lazy("Refer to another partner")
    legend = gettext_lazy("Referral")
    creates_task = True
    attrs = {"settings": {}}

    def settings_fields(self, *, definition) -> dict[str, forms.Field]:
        partners = Partner.objects.filter(is_active=True).exclude(pk=definition.partner_id)
        return {
            "refer_partner": forms.ChoiceField(
                label=gettext_lazy("Refer to"),
                required=False,
                choices=[
                    ("", gettext_lazy("The caseworker chooses")),
                    *((p.code, p.name) for p in partners.order_by("name_th")),
                ],
            ),
            "refer_kind": forms.ChoiceField(
                label=gettext_lazy("Kind of referral"),
                required=False,
                choices=[("", "---------"), *ReferralKind.choices],
                help_text=gettext_lazy(
                    "When the caseworker chooses: only partners that accept this kind are offered."
                ),
            ),
            "refer_fields": forms.MultipleChoiceField(
                label=gettext_lazy("Answers that travel"),
                required=False,
                choices=refer_field_choices(definition=definition),
                widget=forms.CheckboxSelectMultiple,
                help_text=gettext_lazy(
                    "Answers of earlier forms. Sensitive ones travel only on a basis that "
                    "allows them."
                ),
            ),
        }

    def settings_initial(self, step) -> dict:
        settings = step.settings or {}
        return {
            "refer_partner": settings.get("partner", ""),
            "refer_kind": settings.get("kind", ""),
            "refer_fields": settings.get("fields", []),
        }

    def settings_clean(self, form, cleaned) -> None:
        if not cleaned.get("refer_partner") and not cleaned.get("refer_kind"):
            form.add_error(
                "refer_kind", _("Choose the receiving partner, or the kind of referral.")
            )

    def settings_attrs(self, cleaned) -> dict:
        return {
            "settings": {
                "partner": cleaned.get("refer_partner") or "",
                "kind": cleaned.get("refer_kind") or "",
                "fields": list(cleaned.get("refer_fields") or []),
            }
        }

    def problems(self, step, *, targets, partner_id) -> list[str]:
        settings, name = step.settings or {}, {"step": step.name}
        problems = []
        code, kind = settings.get("partner"), settings.get("kind")
        if code:
            if (
                not Partner.objects.filter(code=code, is_active=True)
                .exclude(pk=partner_id)
                .exists()
            ):
                problems.append(
                    _(
                        "Step “%(step)s” refers to “%(partner)s”, which is not another active "
                        "partner."
                    )
                    % {**name, "partner": code}
                )
        elif kind not in ReferralKind.values:
            problems.append(
                _("Step “%(step)s” needs a receiving partner or a kind of referral.") % name
            )
        from workflows.services.publish_checks import step_fields_before

        missing = set(refer_step_fields(step)) - set(step_fields_before(step=step))
        if missing:
            problems.append(
                _(
                    "Step “%(step)s” shares “%(fields)s”, which no earlier form of this "
                    "process asks."
                )
                % {**name, "fields": ", ".join(sorted(missing))}
            )
        if not step.outgoing.filter(is_default=True).exists():
            problems.append(_("Step “%(step)s” needs a default way out.") % name)
        if step.is_start:
            problems.append(_("The start step “%(step)s” cannot be a referral.") % name)
        return problems

    def _receiver(self, step) -> str:
        settings = step.settings or {}
        if settings.get("partner"):
            partner = Partner.objects.filter(code=settings["partner"]).first()
            return partner.name if partner else settings["partner"]
        kind = settings.get("kind")
        return ReferralKind(kind).label if kind in ReferralKind.values else ""

    def describe(self, step) -> list[str]:
        settings = step.settings or {}
        if settings.get("partner"):
            lines = [_("Refers to %(partner)s") % {"partner": self._receiver(step)}]
        else:
            lines = [
                _("The caseworker chooses a partner that accepts: %(kind)s")
                % {"kind": self._receiver(step) or "—"}
            ]
        lines.append(
            _("Answers that travel: %(fields)s")
            % {"fields": ", ".join(refer_step_field_labels(step)) or "—"}
        )
        return lines

    def diagram_detail(self, step) -> str:
        receiver = self._receiver(step)
        return _("refer: %(to)s") % {"to": receiver} if receiver else ""
