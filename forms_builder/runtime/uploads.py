"""What a photo or file answer really is: its content is read, never its name or browser's word.

Photos of image-only fields are also cleaned: turned upright, resized and re-encoded without
their metadata (EXIF, GPS, comments), so a reporter's phone never gives away where they live.
"""

import io
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

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
# Cleaned photos: the longest side in pixels, and the largest picture decoded at all.
IMAGE_MAX_SIDE = 1600
IMAGE_MAX_PIXELS = 50_000_000
# What a cleaned photo is saved as: its own format, except GIF (first frame, as PNG).
CLEAN_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WEBP", "GIF": "PNG"}
CLEAN_EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}
IMAGE_ERRORS = (
    UnidentifiedImageError,
    OSError,
    SyntaxError,
    ValueError,
    Image.DecompressionBombError,
)


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
    except IMAGE_ERRORS:
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


def is_image_only(accept: list[str]) -> bool:
    """Whether every accepted type is an image (such a field's uploads are cleaned)."""
    return bool(accept) and all(t in IMAGE_TYPES.values() for t in accept)


def _image_unreadable() -> ValidationError:
    return ValidationError(
        _("The picture could not be read. Send a JPEG, PNG or WebP photo."), code="image"
    )


def image_clean(upload, *, max_side: int = IMAGE_MAX_SIDE) -> SimpleUploadedFile:
    """A new upload holding the picture upright, at most max_side pixels, with no metadata."""
    upload.seek(0)
    try:
        with Image.open(upload) as source:
            if source.width * source.height > IMAGE_MAX_PIXELS:
                raise ValidationError(
                    _("The picture is too large (%(pixels)s megapixels at most)."),
                    code="image_pixels",
                    params={"pixels": IMAGE_MAX_PIXELS // 1_000_000},
                )
            output_format = CLEAN_FORMATS[source.format]
            source.draft("RGB", (max_side, max_side))  # JPEG: decode at a smaller scale
            image = ImageOps.exif_transpose(source)
            image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
            image = _mode_for(image, output_format)
            # Comments, ICC, XMP and EXIF ride along in .info; none of them is written.
            image.info = {}
            buffer = io.BytesIO()
            image.save(buffer, format=output_format, **_save_options(output_format))
    except (KeyError, *IMAGE_ERRORS) as error:
        raise _image_unreadable() from error
    upload.seek(0)
    name = PurePath(upload.name or "photo").stem[:200] + CLEAN_EXTENSIONS[output_format]
    content_type = IMAGE_TYPES[output_format]
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)


def _mode_for(image: Image.Image, output_format: str) -> Image.Image:
    if output_format == "JPEG":
        return image if image.mode in ("RGB", "L") else image.convert("RGB")
    if image.mode in ("RGB", "RGBA", "L", "LA"):
        return image
    return image.convert("RGBA" if "transparency" in image.info or "A" in image.mode else "RGB")


def _save_options(output_format: str) -> dict:
    if output_format == "JPEG":
        return {"quality": 85, "optimize": True}
    if output_format == "WEBP":
        return {"quality": 85}
    return {"optimize": True}
