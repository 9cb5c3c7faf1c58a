"""Importing a definitions bundle in two steps: a preview that writes nothing, then a confirmation
that applies exactly what the preview showed, or nothing (docs/definitions.md, "Import").

The uploaded file is kept in the private storage under its SHA-256 between the two steps; the page
carries a signed token naming that hash, the partner chosen to import into, the user and a
fingerprint of the previewed changes. Confirming imports the kept file again under a lock on the
partners it names and rolls back unless it changes exactly what was previewed."""

import copy
import datetime as dt
import hashlib
from collections.abc import Callable

from django.core import signing
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from forms_builder.bundle_report import owner_label
from forms_builder.models import private_storage
from partners.models import Partner

FOLDER = "bundles"
SALT = "forms_builder.bundle_transfer"
MAX_AGE = dt.timedelta(hours=6)
BUNDLE_LISTS = ("forms", "processes")


class _DryRun(Exception):
    def __init__(self, report):
        self.report = report


class PreviewStale(Exception):
    """The confirmation would change something other than the preview showed."""

    def __init__(self, report):
        self.report = report


def bundle_retarget(document: dict, partner: Partner) -> dict:
    """The bundle with every form and process (and partner outcome) moved to `partner`; steps
    that use a form of the file use that form in its new place."""
    moved = copy.deepcopy(document)
    forms = [f for f in moved.get("forms") or [] if isinstance(f, dict)]
    carried = {(f.get("partner"), f.get("key")) for f in forms}
    processes = [p for p in moved.get("processes") or [] if isinstance(p, dict)]
    for item in [*forms, *processes]:
        item["partner"] = partner.code
    for process in processes:
        for version in process.get("versions") or []:
            for step in version.get("steps") or [] if isinstance(version, dict) else []:
                ref = step.get("form") if isinstance(step, dict) else None
                if isinstance(ref, dict) and (ref.get("partner"), ref.get("key")) in carried:
                    ref["partner"] = partner.code
    for outcome in moved.get("outcomes") or []:
        if isinstance(outcome, dict) and outcome.get("partner"):
            outcome["partner"] = partner.code
    return moved


def bundle_partner_codes(document: dict) -> set[str]:
    items = [i for key in BUNDLE_LISTS for i in document.get(key) or [] if isinstance(i, dict)]
    return {i["partner"] for i in items if isinstance(i.get("partner"), str)}


def bundle_permission_problems(user, document: dict, *, central: bool, allowed) -> list[str]:
    """Definitions of the bundle the user may not import, each named with its partner's name:
    other partners', or network-wide ones for a partner administrator."""
    if central:
        return []
    allowed_codes = {p.code for p in allowed}
    names = {p.code: p for p in Partner.objects.filter(code__in=bundle_partner_codes(document))}
    problems = []
    for key in BUNDLE_LISTS:
        for item in document.get(key) or []:
            if not isinstance(item, dict):
                continue
            code = item.get("partner")
            if not code:
                problems.append(
                    _(
                        "%(key)s: only central administrators import definitions for the whole "
                        "network. Choose one of your partners to import into."
                    )
                    % {"key": item.get("key")}
                )
            elif code not in allowed_codes:
                partner = names.get(code)
                problems.append(
                    _(
                        "%(key)s: the file is for %(partner)s, which you do not administer. "
                        "Choose one of your partners to import into."
                    )
                    % {
                        "key": item.get("key"),
                        "partner": owner_label(partner) if partner else f"“{code}”",
                    }
                )
    return problems


def bundle_preview(importer: Callable, document: dict, user):
    """What importing the document would change; nothing is written (ValidationError if it
    cannot be imported)."""
    try:
        with transaction.atomic():
            raise _DryRun(importer(document=document, user=user))
    except _DryRun as dry:
        return dry.report


def changes_fingerprint(report) -> str:
    text = repr([change.signature() for change in report.changes])
    return hashlib.sha256(text.encode()).hexdigest()


def bundle_apply(importer: Callable, document: dict, user, *, fingerprint: str):
    """Import the document if it changes exactly what was previewed (PreviewStale otherwise);
    the partners it names are locked, so that two confirmations of one bundle run one after
    the other and the second finds its preview stale."""
    with transaction.atomic():
        codes = sorted(bundle_partner_codes(document))
        list(Partner.objects.select_for_update().filter(code__in=codes).order_by("pk"))
        with transaction.atomic():
            report = importer(document=document, user=user)
            if changes_fingerprint(report) != fingerprint:
                raise PreviewStale(report)
    return report


def upload_keep(data: bytes) -> str:
    """Keep the uploaded bytes until the confirmation; their SHA-256."""
    _prune()
    digest = hashlib.sha256(data).hexdigest()
    storage = private_storage()
    path = f"{FOLDER}/{digest}.json"
    if not storage.exists(path):
        storage.save(path, ContentFile(data))
    return digest


def upload_bytes(digest: str) -> bytes | None:
    """The kept bytes, if they are still there and still have this hash."""
    storage = private_storage()
    path = f"{FOLDER}/{digest}.json"
    if not storage.exists(path):
        return None
    with storage.open(path, "rb") as file:
        data = file.read()
    return data if hashlib.sha256(data).hexdigest() == digest else None


def upload_forget(digest: str) -> None:
    private_storage().delete(f"{FOLDER}/{digest}.json")


def _prune() -> None:
    storage = private_storage()
    try:
        names = storage.listdir(FOLDER)[1]
    except FileNotFoundError:
        return
    old = timezone.now() - MAX_AGE
    for name in names:
        if storage.get_modified_time(f"{FOLDER}/{name}") < old:
            storage.delete(f"{FOLDER}/{name}")


def preview_token(*, digest: str, partner_id: int | None, user_id: int, fingerprint: str) -> str:
    return signing.dumps(
        {"sha": digest, "into": partner_id, "user": user_id, "changes": fingerprint}, salt=SALT
    )


def previewed(token: str, *, user_id: int) -> dict | None:
    """What the user's preview showed, or None (forged, older than MAX_AGE, someone else's)."""
    try:
        found = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    return found if found.get("user") == user_id else None
