"""The network's public report form (key `public_report`): what the public site asks a reporter.

workflows.services.public_reports reads `location`, `map_location`, `is_child`, `is_elderly`,
`is_ill` and `in_danger`; administrators may add or reword questions in new versions.
The reporter's own contact is not a question here: it is kept apart from the case's answers.
"""

from forms_builder.demo_specs import f
from forms_builder.models import FieldType as T
from forms_builder.models import FormPurpose

PUBLIC_REPORT_KEY = "public_report"


def _yes_no(key: str, th: str, en: str) -> dict:
    return f(key, T.YES_NO, th, en)


PUBLIC_REPORT_FIELDS = [
    f(
        "location",
        T.THAI_ADDRESS,
        "พบบุคคลนี้ที่ไหน",
        "Where did you see the person?",
        required=True,
        default={"province": "20"},
        help_th="เลือกจังหวัด อำเภอ และตำบล แล้วบอกจุดสังเกต เช่น หน้าร้านค้า ป้ายรถเมล์",
        help_en="Choose the province, district and subdistrict, then a landmark nearby.",
    ),
    f(
        "map_location",
        T.LOCATION,
        "ตำแหน่งบนแผนที่",
        "Point on the map",
        help_th="กด “ใช้ตำแหน่งของฉัน” หากคุณอยู่ที่จุดนั้น",
        help_en="Press “Use my location” if you are there now.",
    ),
    f("seen_at", T.DATETIME, "พบเมื่อไร", "When did you see them?", default="today"),
    f(
        "description",
        T.LONG_TEXT,
        "ลักษณะของบุคคลและสถานการณ์",
        "What does the person look like, and what is happening?",
        required=True,
        validation={"max_length": 2000},
    ),
    _yes_no("is_child", "ดูเหมือนเป็นเด็กหรือไม่", "Does the person seem to be a child?"),
    _yes_no("is_elderly", "ดูเหมือนเป็นผู้สูงอายุหรือไม่", "Does the person seem to be elderly?"),
    _yes_no("is_ill", "ดูเจ็บป่วยหรือบาดเจ็บหรือไม่", "Does the person seem ill or injured?"),
    _yes_no("in_danger", "อยู่ในอันตรายหรือไม่", "Is the person in danger?"),
    f(
        "photo",
        T.FILE,
        "ภาพถ่าย (ถ้ามี)",
        "Photo (optional)",
        validation={"accept": ["image/*"], "max_size_mb": 5},
        help_th="รูปภาพเท่านั้น ไม่เกิน 5 MB",
        help_en="Images only, up to 5 MB.",
    ),
]

PUBLIC_REPORT_FORM = {
    "key": PUBLIC_REPORT_KEY,
    "purpose": FormPurpose.PUBLIC_REPORT,
    "name_th": "แจ้งพบคนไร้ที่พึ่งหรือคนขอทาน",
    "name_en": "Report a person who needs help",
    "fields": PUBLIC_REPORT_FIELDS,
}
