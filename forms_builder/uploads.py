"""What a photo or file answer really is: its content is read, never its name or browser's word."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

# The types the runtime can recognise by content, and how people know them.
IMAGE_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "GIF": "image/gif"}
KNOWN_TYPES = {
    "image/jpeg": "JPEG",
    "image/png": "PNG",
    "image/webp": "WebP",
    "image/gif": "GIF",
    "application/pdf": "PDF",
}
DEFAULT_ACCEPT = ["image/jpeg", "image/png", "image/webp", "application/pdf"]
DEFAULT_MAX_SIZE_MB = 10
MAX_SIZE_MB_LIMIT = 50


def accept_expand(accept: list[str] | None) -> list[str]:
    """Concrete content types of an `accept` list; `image/*` means every known image type."""
    types: list[str] = []
    for item in accept or DEFAULT_ACCEPT:
        expanded = list(IMAGE_TYPES.values()) if item == "image/*" else [item]
        types += [t for t in expanded if t not in types]
    return types


def accept_problems(accept) -> list[str]:
    if not isinstance(accept, list) or not all(isinstance(a, str) for a in accept):
        return [str(_("Accepted types must be a list such as [“image/*”, “application/pdf”]."))]
    unknown = [a for a in accept if a != "image/*" and a not in KNOWN_TYPES]
    if unknown:
        return [
            str(_("Unknown file type(s): %(types)s. Known: image/*, %(known)s."))
            % {"types": ", ".join(unknown), "known": ", ".join(KNOWN_TYPES)}
        ]
    return []


def content_type_detect(upload) -> str | None:
    """The content type the bytes say, among the known ones, or None."""
    upload.seek(0)
    head = upload.read(5)
    upload.seek(0)
    if head == b"%PDF-":
        return "application/pdf"
    try:
        with Image.open(upload) as image:
            image.verify()
            detected = IMAGE_TYPES.get(image.format or "")
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        detected = None
    upload.seek(0)
    return detected


def upload_check(upload, *, accept: list[str], max_size_mb: float) -> str:
    """The detected content type, or ValidationError (too big, unknown or not accepted content)."""
    if upload.size > max_size_mb * 1024 * 1024:
        raise ValidationError(
            _("The file is larger than %(size)s MB."), code="max_size", params={"size": max_size_mb}
        )
    detected = content_type_detect(upload)
    if detected is None or detected not in accept:
        raise ValidationError(
            _("This kind of file is not accepted here. Accepted: %(types)s."),
            code="file_type",
            params={"types": ", ".join(KNOWN_TYPES.get(t, t) for t in accept)},
        )
    return detected
