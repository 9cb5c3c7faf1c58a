"""Pictures for the demo pages, drawn here (the demo downloads nothing): simple illustrations in
the site's colours, stored as Wagtail images with Thai alt text, made once and reused."""

import io

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model

WIDTH, HEIGHT = 1200, 675


def _sky(draw: ImageDraw.ImageDraw, top: str, bottom: str) -> None:
    a = tuple(int(top[i : i + 2], 16) for i in (1, 3, 5))
    b = tuple(int(bottom[i : i + 2], 16) for i in (1, 3, 5))
    for y in range(HEIGHT):
        t = y / HEIGHT
        draw.line([(0, y), (WIDTH, y)], fill=tuple(int(a[i] + (b[i] - a[i]) * t) for i in range(3)))


def _people(draw: ImageDraw.ImageDraw, x: int, ground: int, colours: list[str]) -> None:
    for index, colour in enumerate(colours):
        scale = 1.0 if index % 2 == 0 else 0.7
        cx = x + index * 150
        head = 45 * scale
        body_top = ground - 260 * scale
        draw.ellipse([cx - head, body_top - 2 * head - 10, cx + head, body_top - 10], fill=colour)
        draw.pieslice(
            [cx - 90 * scale, body_top, cx + 90 * scale, ground + 250 * scale],
            180,
            360,
            fill=colour,
        )


def _home(draw: ImageDraw.ImageDraw) -> None:
    _sky(draw, "#0b5c55", "#2f8f83")
    draw.ellipse([880, 80, 1040, 240], fill="#f6c945")
    draw.rectangle([0, 560, WIDTH, HEIGHT], fill="#0a4a45")
    draw.polygon([(300, 330), (520, 170), (740, 330)], outline="#ffffff", width=18)
    _people(draw, 400, 560, ["#f6c945", "#ffffff", "#f3a712"])


def _handshake(draw: ImageDraw.ImageDraw) -> None:
    _sky(draw, "#1d4e89", "#4f86c6")
    draw.rectangle([0, 560, WIDTH, HEIGHT], fill="#173f6e")
    draw.rounded_rectangle([220, 260, 980, 420], radius=60, fill="#ffffff")
    draw.ellipse([520, 250, 680, 430], fill="#f6c945")
    _people(draw, 160, 560, ["#f6c945"])
    _people(draw, 1040, 560, ["#ffffff"])


def _phone(draw: ImageDraw.ImageDraw) -> None:
    _sky(draw, "#b54708", "#f79009")
    draw.rounded_rectangle([470, 90, 730, 600], radius=40, fill="#1f2933")
    draw.rounded_rectangle([495, 140, 705, 540], radius=16, fill="#ffffff")
    for row in range(3):
        for col in range(3):
            x, y = 530 + col * 55, 230 + row * 80
            draw.ellipse([x, y, x + 40, y + 40], fill="#0b5c55")


def _school(draw: ImageDraw.ImageDraw) -> None:
    _sky(draw, "#12715b", "#3cb179")
    draw.rectangle([0, 560, WIDTH, HEIGHT], fill="#0e5a48")
    draw.rectangle([300, 120, 900, 380], fill="#1f2933", outline="#8d6e63", width=14)
    draw.line([(360, 200), (700, 200)], fill="#ffffff", width=8)
    draw.line([(360, 260), (620, 260)], fill="#ffffff", width=8)
    _people(draw, 260, 560, ["#f6c945", "#ffffff", "#f3a712", "#ffffff", "#f6c945"])


# name: (title, alt text, painter)
PICTURES = {
    "home": ("ที่พึ่ง: บ้านและผู้คน", "ภาพวาดหลังคาบ้านกับผู้ใหญ่และเด็ก", _home),
    "mou": ("ความร่วมมือของเครือข่าย", "ภาพวาดผู้แทนสองหน่วยงานกับโต๊ะลงนาม", _handshake),
    "hotline": ("สายด่วน 1300", "ภาพวาดโทรศัพท์มือถือพร้อมแป้นกด", _phone),
    "school": ("ห้องเรียนเข้าใจคนไร้ที่พึ่ง", "ภาพวาดกระดานดำกับนักเรียน", _school),
}


def demo_image(name: str):
    """The named demo picture as a Wagtail image (drawn and stored the first time)."""
    title, alt, painter = PICTURES[name]
    model = get_image_model()
    existing = model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    picture = PillowImage.new("RGB", (WIDTH, HEIGHT))
    painter(ImageDraw.Draw(picture))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=85)
    image = model(title=title, file=ImageFile(buffer, name=f"demo-{name}.jpg"))
    if hasattr(image, "description"):
        image.description = alt
    image.save()
    return image


def lead_image(name: str) -> list[dict]:
    """A lead_image stream value holding the picture with its alt text."""
    image = demo_image(name)
    alt = PICTURES[name][1]
    return [{"type": "image", "value": {"image": image.pk, "decorative": False, "alt_text": alt}}]
