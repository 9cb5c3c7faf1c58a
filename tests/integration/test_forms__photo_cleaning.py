"""Photos of image-only fields are checked by content, resized and stored without EXIF/GPS."""

import io

from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from forms_builder.models import AnswerFile, FieldType
from forms_builder.runtime.dynamic_form import form_for
from forms_builder.runtime.uploads import IMAGE_MAX_SIDE, image_clean, is_image_only
from forms_builder.services import answer_set_create
from tests.factories_forms import field, version_with

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def jpeg_with_gps(*, size=(2400, 1200), orientation: int = 1) -> bytes:
    """A JPEG as a phone makes it: camera EXIF with a GPS position and a comment."""
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[ORIENTATION] = orientation
    exif[GPS_IFD] = {1: "N", 2: (12.0, 55.0, 30.0), 3: "E", 4: (100.0, 52.0, 10.0)}
    buffer = io.BytesIO()
    Image.new("RGB", size, "green").save(
        buffer, "JPEG", exif=exif.tobytes(), comment=b"home of the reporter"
    )
    return buffer.getvalue()


def photo_version(accept=("image/*",)):
    return version_with([field("photo", FieldType.FILE, validation={"accept": list(accept)})])


def test_the_test_photo_really_carries_gps():
    with Image.open(io.BytesIO(jpeg_with_gps())) as image:
        assert image.getexif().get_ifd(GPS_IFD)[2] == (12.0, 55.0, 30.0)


def test_a_stored_photo_has_no_exif_gps_or_comment_and_is_resized(db):
    version = photo_version()
    upload = SimpleUploadedFile("IMG_0001.JPG", jpeg_with_gps(), "image/jpeg")
    form = form_for(version=version, data={}, files={"photo": upload})
    assert form.is_valid(), form.errors
    answer_set = answer_set_create(version=version, form=form, user=None)

    stored = AnswerFile.objects.get()
    raw = storages["private"].open(stored.file.name).read()
    assert b"Exif" not in raw and b"PhoneMaker" not in raw and b"home of the reporter" not in raw
    with Image.open(io.BytesIO(raw)) as image:
        assert image.format == "JPEG"
        assert max(image.size) == IMAGE_MAX_SIDE
        assert not image.getexif()
        assert "exif" not in image.info and "comment" not in image.info
    assert stored.size == len(raw)
    assert answer_set.data["photo"]["size"] == len(raw)
    assert answer_set.data["photo"]["content_type"] == "image/jpeg"


def test_a_sideways_photo_is_turned_upright_before_its_orientation_tag_goes():
    # Orientation 6: the camera was turned; shown upright, the picture is taller than wide.
    upload = SimpleUploadedFile("side.jpg", jpeg_with_gps(size=(800, 400), orientation=6))
    cleaned = image_clean(upload)
    with Image.open(cleaned) as image:
        assert image.size == (400, 800)


def test_a_gif_is_stored_as_png_and_a_small_photo_keeps_its_size():
    buffer = io.BytesIO()
    Image.new("P", (30, 20)).save(buffer, "GIF")
    cleaned = image_clean(SimpleUploadedFile("anim.gif", buffer.getvalue()))
    assert cleaned.name == "anim.png" and cleaned.content_type == "image/png"
    with Image.open(cleaned) as image:
        assert image.size == (30, 20)


def test_a_non_image_is_rejected_with_a_clear_message_and_nothing_is_stored(db):
    version = photo_version()
    fake = SimpleUploadedFile("photo.jpg", b"%PDF-1.4 not a photo", "image/jpeg")
    form = form_for(version=version, data={}, files={"photo": fake})
    assert not form.is_valid()
    assert "not accepted" in form.errors["photo"][0] or "ไม่รับ" in form.errors["photo"][0]
    assert AnswerFile.objects.count() == 0


def test_a_truncated_image_is_rejected_not_a_server_error(db):
    version = photo_version()
    broken = SimpleUploadedFile("broken.jpg", jpeg_with_gps()[:400], "image/jpeg")
    form = form_for(version=version, data={}, files={"photo": broken})
    assert not form.is_valid()
    assert "photo" in form.errors


def test_only_image_only_fields_are_cleaned():
    assert is_image_only(["image/jpeg", "image/png"])
    assert not is_image_only(["image/jpeg", "application/pdf"])
    assert not is_image_only([])
