"""What an import of a definitions bundle changes, one `Change` per effect, so that a preview can
show it and the confirmation can check it applies exactly that (forms_builder.bundle_transfer)."""

from dataclasses import asdict, dataclass

from django.utils.translation import gettext as _

from forms_builder.models import VersionStatus

NEW_DEFINITION = "new_definition"
NEW_VERSION = "new_version"
DRAFT_REPLACED = "draft_replaced"
UNCHANGED = "unchanged"
CURRENT = "current"


@dataclass(frozen=True)
class Change:
    kind: str  # "form" or "process"
    action: str
    partner_id: int | None
    key: str
    name: str
    existed: bool = False  # the partner (or the network) already had a definition with this key
    number: int | None = None
    status: str = ""
    previous: int | None = None  # for CURRENT: the version that was current before

    def signature(self) -> tuple:
        return tuple(asdict(self).values())


def owner_label(partner) -> str:
    """A partner by its name (never its code); the network when there is none."""
    return partner.name if partner is not None else _("the whole network")


def place(partner, key: str, number=None) -> str:
    """Where a problem is, for messages: “พัทยา/street_intake v2”."""
    where = f"{owner_label(partner)}/{key}"
    return f"{where} v{number}" if number is not None else where


def unknown_partner_message(where: str, code) -> str:
    return _(
        "%(where)s: the file names a partner this system does not have (“%(code)s” in the "
        "file). Choose a partner to import into, or add the partner first."
    ) % {"where": where, "code": code}


def current_number(definition) -> int | None:
    """The number of the newest published version: the one in use."""
    if definition.pk is None:
        return None
    return (
        definition.versions.filter(status=VersionStatus.PUBLISHED)
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
    )


def record_current(changes: list, kind: str, definition, before: int | None, existed: bool):
    after = current_number(definition)
    if after is not None and after != before:
        changes.append(
            Change(
                kind,
                CURRENT,
                definition.partner_id,
                definition.key,
                definition.name_th,
                existed,
                number=after,
                previous=before,
            )
        )
