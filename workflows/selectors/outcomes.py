"""Which outcomes a step may end with, and what an outcome is called.

Names are read from the shared cache (every app server and worker sees the same, and a change
clears it once committed: workflows.signals), so a list of cases costs no query per outcome.
"""

from django.core.cache import cache
from django.db.models import Q, QuerySet
from django.utils.translation import get_language

from workflows.models import Outcome

NAMES_CACHE_KEY = "workflows:outcome-names:v1"
# A reader racing a change may store the old names once; they last at most this long.
NAMES_CACHE_SECONDS = 600


def outcome_names() -> dict[str, tuple[str, str]]:
    """key -> (Thai name, English name) of every outcome, retired ones included."""
    names = cache.get(NAMES_CACHE_KEY)
    if names is None:
        names = {o.key: (o.name_th, o.name_en) for o in Outcome.objects.all()}
        cache.set(NAMES_CACHE_KEY, names, timeout=NAMES_CACHE_SECONDS)
    return names


def outcome_label(key: str) -> str:
    """The outcome's name in the active language; the key itself if nothing knows it."""
    if not key:
        return ""
    name_th, name_en = outcome_names().get(key, (key, ""))
    return name_en if (get_language() or "th").startswith("en") and name_en else name_th


def outcomes_for_partner(partner_id: int | None) -> QuerySet[Outcome]:
    """The outcomes a process of this partner (None: of the network) may end with."""
    owners = Q(partner__isnull=True)
    if partner_id is not None:
        owners |= Q(partner_id=partner_id)
    return Outcome.objects.filter(owners, retired=False)
