"""A referral letter as a PDF (fpdf2, with HarfBuzz shaping so Thai vowels and tone marks sit
right), in Sarabun (SIL Open Font License, workflows/static/fonts/Sarabun-OFL.txt)."""

from pathlib import Path

from django.utils import timezone, translation
from fpdf import FPDF

from thai.dates import format_thai_date
from workflows.models import ReferralLetter
from workflows.services.letters import partner_contact_lines

FONTS = Path(__file__).resolve().parent / "static" / "fonts"


def _line(pdf: FPDF, width: float, height: float, text: str, **kwargs) -> None:
    """A paragraph, wrapped, then back to the left margin on the next line."""
    kwargs.setdefault("align", "L")  # justified Thai (no spaces between words) stretches badly
    pdf.multi_cell(width, height, text, new_x="LMARGIN", new_y="NEXT", **kwargs)


def letter_date(letter: ReferralLetter) -> str:
    """The letter's date in Thai, Buddhist era: '5 ธันวาคม 2569'."""
    return format_thai_date(timezone.localtime(letter.written_at).date(), language="th")


def letter_head_contact(letter: ReferralLetter) -> str:
    """The letterhead's contact line, each part saying what it is: 'โทรศัพท์ 1337  อีเมล …'."""
    with translation.override("th"):
        return "  ".join(partner_contact_lines(letter.partner, with_person=False))


def letter_pdf(letter: ReferralLetter) -> bytes:
    partner = letter.partner
    pdf = FPDF(format="A4")
    pdf.set_margins(25, 20, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_font("Sarabun", "", str(FONTS / "Sarabun-Regular.ttf"))
    pdf.add_font("Sarabun", "B", str(FONTS / "Sarabun-Bold.ttf"))
    pdf.set_text_shaping(True)
    pdf.set_title(letter.subject)
    pdf.add_page()
    width = pdf.epw
    pdf.set_font("Sarabun", "B", 18)
    _line(pdf, width, 9, partner.name_th, align="C")
    pdf.set_font("Sarabun", "", 13)
    for line in (partner.address, letter_head_contact(letter)):
        if line:
            _line(pdf, width, 7, line, align="C")
    pdf.ln(6)
    pdf.set_font("Sarabun", "", 15)
    _line(pdf, width, 8, letter_date(letter), align="R")
    pdf.ln(2)
    pdf.set_font("Sarabun", "B", 15)
    _line(pdf, width, 8, f"เรื่อง  {letter.subject}")
    _line(pdf, width, 8, f"เรียน  {letter.organization.name_th}")
    pdf.ln(3)
    pdf.set_font("Sarabun", "", 15)
    for paragraph in letter.body.splitlines() or [""]:
        _line(pdf, width, 8, paragraph)
    return bytes(pdf.output())
