"""Which clients a user sees, and finding them: Thai substring search, national ID, approximate age.

A user sees the clients registered by their partners and those with a case at their partners.
Someone holding a person's valid national ID (the card in front of them) also finds that person
wherever in the network they were registered, so one person is not registered twice; they can then
open a case for them at their own partner, which makes the client theirs to see.
"""

import datetime as dt

from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q, QuerySet, Value
from django.db.models.functions import Concat
from django.utils import timezone
from stdnum.th import pin

from forms_builder.be_dates import THAI_DIGITS
from thai.text import search_text
from workflows.models import Case, Client, ClientChange
from workflows.selectors.access import case_partner_ids, cases_visible_to

AGE_TOLERANCE = 5  # years either side of an estimated age
TRIGRAM = 3  # characters: pg_trgm's index answers LIKE '%…%' from this length on


def _visible_condition(partner_ids) -> Q:
    """Registered by one of the partners, or with a case there: an EXISTS per client on the
    case's client index, so a search reads only the clients it finds, never every visible one."""
    with_case_here = Case.objects.filter(client_id=OuterRef("pk"), partner_id__in=partner_ids)
    return Q(registered_by_id__in=partner_ids) | Q(Exists(with_case_here))


def clients_visible_to(user) -> QuerySet[Client]:
    return Client.objects.filter(_visible_condition(case_partner_ids(user)))


def client_query_normalize(query: str) -> str:
    """What to look for in `Client.search_text`: an ID's bare digits ('1-2345-…', Thai digits),
    else the text as search_text stores it (NFC, lower case, single spaces)."""
    compact = query.translate(THAI_DIGITS).replace("-", "").replace(" ", "")
    return compact if compact.isascii() and compact.isdigit() else search_text(query)


def client_national_id(query: str) -> str | None:
    """The query as a valid Thai national ID (digits only), or None."""
    compact = client_query_normalize(query)
    return compact if len(compact) == 13 and pin.is_valid(compact) else None


def clients_for_case_start(*, user, national_id: str = "") -> QuerySet[Client]:
    """Clients the user may open a case for: visible ones, or the holder of a valid national ID."""
    clients = clients_visible_to(user)
    national_id = client_national_id(national_id) if national_id else None
    if national_id:
        clients = clients | Client.objects.filter(national_id=national_id)
    return clients


def _years_ago(years: int) -> dt.date:
    today = timezone.localdate()
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def clients_search(*, user, query: str = "", age: int | None = None) -> QuerySet[Client]:
    """Visible clients whose names, aliases or ID contain the query, near an age; Thai order.

    A whole valid national ID reads the unique index only, and finds its holder across the
    network (`visible_here` False when not visible here). Fragments of names and aliases are
    `LIKE '%…%'` on `search_text`, which PostgreSQL answers from a trigram index (pg_trgm)."""
    query = query.strip()
    national_id = client_national_id(query) if query else None
    if national_id:
        visible = _visible_condition(case_partner_ids(user))
        clients = Client.objects.filter(national_id=national_id).annotate(
            visible_here=ExpressionWrapper(visible, output_field=BooleanField())
        )
    else:
        clients = clients_visible_to(user).annotate(
            visible_here=Value(True, output_field=BooleanField())
        )
        if query:
            clients = clients.filter(search_text__contains=client_query_normalize(query))
    return _near_age_in_thai_order(clients, query=query, age=age, by_id=bool(national_id))


def clients_filtered(clients: QuerySet[Client], *, query: str, age: int | None) -> QuerySet[Client]:
    """The client list's own filters on a given set (a substring of names or ID, an age give or
    take AGE_TOLERANCE), in Thai order: what a list export holds."""
    query = query.strip()
    if query:
        clients = clients.filter(search_text__contains=client_query_normalize(query))
    return _near_age_in_thai_order(clients, query=query, age=age, by_id=False)


def _near_age_in_thai_order(
    clients: QuerySet[Client], *, query: str, age: int | None, by_id: bool
) -> QuerySet[Client]:
    if age is not None:
        youngest = _years_ago(age + AGE_TOLERANCE + 1)
        oldest = _years_ago(age - AGE_TOLERANCE)
        clients = clients.filter(
            Q(birth_date__gt=youngest, birth_date__lte=oldest)
            | Q(
                birth_date__isnull=True,
                estimated_age__gte=age - AGE_TOLERANCE,
                estimated_age__lte=age + AGE_TOLERANCE,
            )
        )
    clients = clients.select_related("registered_by")
    if len(client_query_normalize(query)) >= TRIGRAM and not by_id:
        # A fragment of three characters or more: sort what the trigram index finds. Walking
        # the name index instead would pass every client before the first match, and a first
        # name's clients sit together (สมชาย near the end of ก–ฮ).
        return clients_found_in_order(clients)
    return clients.order_by("sort_key", "pk")


def clients_found_in_order(clients: QuerySet[Client]) -> QuerySet[Client]:
    """The same Thai order through an expression no index serves: PostgreSQL sorts the clients
    found (by the trigram or ID index, or a small partner's few) instead of walking the name
    index through every client before them."""
    return clients.order_by(Concat("sort_key", Value("")), "pk")


def client_cases_visible(*, user, client: Client) -> QuerySet[Case]:
    """All of a client's cases the user may see, newest first."""
    return (
        cases_visible_to(user)
        .filter(client=client)
        .select_related("partner", "process_version__definition", "current_step")
        .order_by("-created", "-pk")
    )


def client_editing_partner_id(*, user, client: Client) -> int | None:
    """The partner the user corrects the client for: the registering partner when the user
    works there, else the first partner of the user's where the person has a case."""
    partner_ids = case_partner_ids(user)
    if client.registered_by_id in partner_ids:
        return client.registered_by_id
    cases = Case.objects.filter(client=client, partner_id__in=partner_ids)
    return cases.order_by("partner_id").values_list("partner_id", flat=True).first()


def client_changes(*, client: Client) -> list[dict]:
    """The record's corrections, newest first, with each field's label and the partner."""
    changes = ClientChange.objects.filter(client=client).select_related("user", "partner")
    labels = {field.name: field.verbose_name for field in Client._meta.fields}
    return [
        {
            "change": change,
            "labels": [str(labels.get(name, name)) for name in change.fields],
        }
        for change in changes[:50]
    ]
