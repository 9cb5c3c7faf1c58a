"""Forms built through forms_builder.services, and POST data for the admin's field editor."""

from forms_builder import services
from forms_builder.models import FieldType, FormDefinition, FormVersion
from partners.models import Partner


def form_with_fields(
    partner: Partner | None,
    key: str = "intake",
    *,
    fields: list[dict] = (),
    publish=False,
    user=None,
) -> FormDefinition:
    """A form whose draft v1 holds `fields` (FieldDefinition attributes), published if asked."""
    definition = services.form_definition_create(
        partner=partner,
        key=key,
        name_th=f"แบบฟอร์ม {key}",
        name_en=f"Form {key}",
        purpose="intake",
        user=user,
    )
    version = definition.versions.get()
    for attrs in fields:
        services.field_create(version=version, **{"label_th": attrs["key"], **attrs})
    if publish:
        services.form_version_publish(version=version, user=user)
    return definition


def text_fields(count: int) -> list[dict]:
    return [{"key": f"q{n}", "field_type": FieldType.SHORT_TEXT} for n in range(count)]


def newest(definition: FormDefinition) -> FormVersion:
    return definition.versions.order_by("-number").first()


def formset_management(prefix: str, total: int, initial: int = 0) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def field_post(
    *, choices: list[tuple[str, str, str]] | None = None, conditions: list[dict] = (), **settings
) -> dict:
    """The editor's POST: settings, choice rows (value, Thai, English) and condition rows."""
    data = {"key": "q", "label_th": "คำถาม", "label_en": "Question", **settings}
    data = {name: value for name, value in data.items() if value is not None}
    rows = list(choices or [])
    data.update(formset_management("choices", len(rows)))
    for index, (value, label_th, label_en) in enumerate(rows):
        data.update(
            {
                f"choices-{index}-value": value,
                f"choices-{index}-label_th": label_th,
                f"choices-{index}-label_en": label_en,
                f"choices-{index}-ORDER": str(index + 1),
            }
        )
    data.update(formset_management("condition", len(conditions)))
    for index, row in enumerate(conditions):
        for name, value in {"group": "1", **row}.items():
            data[f"condition-{index}-{name}"] = value
    return data
