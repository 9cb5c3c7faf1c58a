"""An uploaded register is kept in the private storage between the preview and the confirmation,
and only that long: confirming deletes it whatever happens, and files left by previews nobody
confirmed are removed a day later (by the scheduler, or at the next upload). The page carries a
signed token naming the file, the partner and the user, never a path the user chose."""

import datetime as dt
import uuid

from django.core import signing
from django.core.files.base import ContentFile
from django.utils import timezone

from forms_builder.models import private_storage
from workflows.services.import_files import upload_file_schedule

FOLDER = "imports"
SALT = "workflows.imports.upload"
MAX_AGE = dt.timedelta(days=1)


def upload_keep(*, data: bytes, name: str, partner_id: int, user_id: int) -> str:
    """Store the file; the signed token that finds it again."""
    _prune()
    suffix = name.rsplit(".", 1)[-1].lower()
    path = private_storage().save(f"{FOLDER}/{uuid.uuid4().hex}.{suffix}", ContentFile(data))
    upload_file_schedule(path=path, due_at=timezone.now() + MAX_AGE)
    return signing.dumps(
        {"path": path, "name": name, "partner": partner_id, "user": user_id}, salt=SALT
    )


def upload_open(token: str, *, user_id: int) -> dict | None:
    """{path, name, partner, data} of the user's own upload, or None (bad, old, someone else's)."""
    try:
        found = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    storage = private_storage()
    if found.get("user") != user_id or not storage.exists(found["path"]):
        return None
    with storage.open(found["path"], "rb") as file:
        return {**found, "data": file.read()}


def upload_forget(path: str) -> None:
    private_storage().delete(path)


def _prune() -> None:
    storage = private_storage()
    try:
        names = storage.listdir(FOLDER)[1]
    except FileNotFoundError:
        return
    old = timezone.now() - MAX_AGE
    for name in names:
        path = f"{FOLDER}/{name}"
        if storage.get_modified_time(path) < old:
            storage.delete(path)
