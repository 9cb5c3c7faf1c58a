"""Declared kinds of notification. Adding one is one declaration where it is sent from:

    TASK_ASSIGNED = notification_kind(
        "task_assigned",
        label=gettext_lazy("A task assigned to me"),
        text=gettext_lazy("%(step)s for %(client)s was assigned to you."),
    )

Texts take their parameters by name; a grouped kind also gives `text_many` with `%(count)s`,
used when several notifications of one group gathered into one. A parameter is a string, or a
{"th": …, "en": …} pair (see `in_each_language`) so the text reads in the reader's language.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from django.utils.functional import Promise


@dataclass(frozen=True)
class NotificationKind:
    name: str
    label: Promise
    text: Promise
    text_many: Promise | None = None
    email_default: bool = True

    @property
    def grouped(self) -> bool:
        return self.text_many is not None

    def render(self, params: dict, count: int = 1) -> str:
        language = translation.get_language() or settings.LANGUAGE_CODE
        values = {
            name: value.get(language[:2]) or value.get("th", "")
            if isinstance(value, dict)
            else value
            for name, value in params.items()
        }
        template = self.text_many if self.grouped and count > 1 else self.text
        try:
            return str(template) % {**values, "count": count}
        except (KeyError, TypeError, ValueError):
            return str(self.label)


NOTIFICATION_KINDS: dict[str, NotificationKind] = {}


def notification_kind(name: str, **declaration) -> NotificationKind:
    kind = NotificationKind(name=name, **declaration)
    if NOTIFICATION_KINDS.get(name, kind) != kind:
        raise ValueError(f"Notification kind {name!r} is declared twice.")
    NOTIFICATION_KINDS[name] = kind
    return kind


def notification_kind_get(name: str) -> NotificationKind:
    try:
        return NOTIFICATION_KINDS[name]
    except KeyError:
        raise LookupError(f"No notification kind {name!r} is declared.") from None


def in_each_language(make: Callable[[], str]) -> dict[str, str]:
    """A parameter in every language of the site (`make` is called under each)."""
    values = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            values[code] = str(make())
    return values
