"""The demo forms' fields, as data (Thai first). Used by forms_builder.demo for every partner."""

from forms_builder.models import FieldType as T
from forms_builder.models import FormPurpose


def c(value: str, th: str, en: str) -> dict:
    return {"value": value, "label_th": th, "label_en": en}


def f(key: str, field_type: str, th: str, en: str, **extra) -> dict:
    return {"key": key, "field_type": field_type, "label_th": th, "label_en": en, **extra}


def when(key: str, operator: str, value=None) -> dict:
    row = {"field": key, "operator": operator}
    if value is not None:
        row["value"] = value
    return {"any": [{"all": [row]}]}


NATIONALITY = [c("thai", "สัญชาติไทย", "Thai"), c("foreign", "ต่างชาติ", "Foreign")]
SEX = [c("male", "ชาย", "Male"), c("female", "หญิง", "Female"), c("unknown", "ไม่ทราบ", "Unknown")]
PHOTO = {"accept": ["image/*"], "max_size_mb": 10}

STREET_INTAKE = [
    f("found_heading", T.HEADING, "การพบตัว", "Where and when the person was found"),
    f("found_at", T.DATETIME, "วันและเวลาที่พบ", "Found on", required=True, default="today"),
    f(
        "found_channel",
        T.SINGLE_CHOICE,
        "ช่องทางที่ได้รับแจ้ง",
        "How the case came in",
        required=True,
        options={"widget": "dropdown"},
        choices=[
            c("outreach", "ออกสำรวจพื้นที่", "Street outreach"),
            c("hotline_1300", "สายด่วน 1300", "Hotline 1300"),
            c("public_report", "ประชาชนแจ้ง", "Public report"),
            c("police", "ตำรวจ / เทศกิจ", "Police or city officers"),
            c("hospital", "โรงพยาบาล", "Hospital"),
            c("other", "อื่น ๆ", "Other"),
        ],
    ),
    f(
        "found_address",
        T.THAI_ADDRESS,
        "สถานที่พบ",
        "Place found",
        required=True,
        default={"province": "20"},
    ),
    f(
        "found_location",
        T.LOCATION,
        "พิกัดที่พบ",
        "Map location",
        help_th="กด “ใช้ตำแหน่งของฉัน” เมื่ออยู่ ณ จุดที่พบ",
        help_en="Press “Use my location” on site.",
    ),
    f("found_description", T.LONG_TEXT, "สภาพที่พบ", "Situation when found"),
    f("person_heading", T.HEADING, "ข้อมูลบุคคล", "The person"),
    f("full_name", T.SHORT_TEXT, "ชื่อ-นามสกุล (ถ้าทราบ)", "Full name (if known)"),
    f("nickname", T.SHORT_TEXT, "ชื่อเล่น / ชื่อที่เรียก", "Nickname"),
    f("sex", T.SINGLE_CHOICE, "เพศ", "Sex", required=True, choices=SEX),
    f(
        "estimated_age",
        T.INTEGER,
        "อายุ (ปี โดยประมาณ)",
        "Age (years, estimated)",
        validation={"min_value": 0, "max_value": 120},
    ),
    f("nationality", T.SINGLE_CHOICE, "สัญชาติ", "Nationality", required=True, choices=NATIONALITY),
    f(
        "national_id",
        T.NATIONAL_ID,
        "เลขประจำตัวประชาชน",
        "National ID",
        condition=when("nationality", "equals", "thai"),
    ),
    f(
        "foreign_document",
        T.SHORT_TEXT,
        "เอกสารต่างด้าว (หนังสือเดินทาง บัตรสีชมพู ฯลฯ)",
        "Foreign document (passport, pink card, …)",
        condition=when("nationality", "equals", "foreign"),
    ),
    f("phone", T.PHONE, "เบอร์โทรศัพท์ติดต่อ", "Contact phone"),
    f("photo", T.FILE, "ภาพถ่าย", "Photo", validation=PHOTO),
    f(
        "situation",
        T.MULTIPLE_CHOICE,
        "สภาพปัญหาที่พบ",
        "Situation",
        choices=[
            c("homeless", "ไร้ที่อยู่อาศัย", "Homeless"),
            c("begging", "ขอทาน", "Begging"),
            c("sick", "เจ็บป่วย", "Sick"),
            c("elderly_alone", "ผู้สูงอายุไม่มีผู้ดูแล", "Elderly without care"),
            c("child_alone", "เด็กไม่มีผู้ดูแล", "Child without care"),
            c("other", "อื่น ๆ", "Other"),
        ],
    ),
    f("health_notes", T.LONG_TEXT, "ข้อสังเกตด้านสุขภาพ", "Health notes", sensitive=True),
    f(
        "consent_given",
        T.YES_NO,
        "ผู้รับบริการยินยอมให้เก็บข้อมูล",
        "The person consents to records",
        required=True,
        help_th="ตาม พ.ร.บ. คุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562",
        help_en="Personal Data Protection Act B.E. 2562",
    ),
]

YES_NO_FLAG = {"required": True}
BEGGING_SCREENING = [
    f(
        "screening_heading",
        T.HEADING,
        "การคัดกรองตาม พ.ร.บ. ควบคุมการขอทาน พ.ศ. 2559",
        "Screening under the Begging Control Act B.E. 2559",
        help_th="ผู้แสดงความสามารถที่ลงทะเบียนแล้วไม่ใช่ผู้ทำการขอทาน",
        help_en="A registered street performer is not a beggar.",
    ),
    f("screened_on", T.DATE, "วันที่คัดกรอง", "Screened on", required=True, default="today"),
    f("nationality", T.SINGLE_CHOICE, "สัญชาติ", "Nationality", required=True, choices=NATIONALITY),
    f(
        "national_id",
        T.NATIONAL_ID,
        "เลขประจำตัวประชาชน",
        "National ID",
        condition=when("nationality", "equals", "thai"),
    ),
    f(
        "foreign_document",
        T.SHORT_TEXT,
        "เลขเอกสารต่างด้าว",
        "Foreign document number",
        condition=when("nationality", "equals", "foreign"),
    ),
    f(
        "age",
        T.INTEGER,
        "อายุ (ปี)",
        "Age (years)",
        required=True,
        validation={"min_value": 0, "max_value": 120},
    ),
    f(
        "is_registered_performer",
        T.YES_NO,
        "เป็นผู้แสดงความสามารถที่ลงทะเบียนแล้ว",
        "Registered street performer",
        **YES_NO_FLAG,
    ),
    f(
        "performer_card_number",
        T.SHORT_TEXT,
        "เลขที่บัตรผู้แสดงความสามารถ",
        "Performer card number",
        condition=when("is_registered_performer", "equals", True),
    ),
    f("is_child", T.YES_NO, "เป็นเด็ก (อายุต่ำกว่า 18 ปี)", "A child (under 18)", **YES_NO_FLAG),
    f("is_pregnant", T.YES_NO, "ตั้งครรภ์", "Pregnant", **YES_NO_FLAG, sensitive=True),
    f("is_elderly", T.YES_NO, "ผู้สูงอายุ (60 ปีขึ้นไป)", "Elderly (60 or over)", **YES_NO_FLAG),
    f("is_disabled", T.YES_NO, "คนพิการ", "Disabled", **YES_NO_FLAG, sensitive=True),
    f(
        "disability_kind",
        T.MULTIPLE_CHOICE,
        "ประเภทความพิการ",
        "Kind of disability",
        sensitive=True,
        condition=when("is_disabled", "equals", True),
        choices=[
            c("physical", "ทางการเคลื่อนไหวหรือร่างกาย", "Physical"),
            c("visual", "ทางการเห็น", "Visual"),
            c("hearing", "ทางการได้ยิน", "Hearing"),
            c("intellectual", "ทางสติปัญญา", "Intellectual"),
            c("other", "อื่น ๆ", "Other"),
        ],
    ),
    f("is_mentally_ill", T.YES_NO, "มีอาการทางจิต", "Mentally ill", **YES_NO_FLAG, sensitive=True),
    f(
        "begging_reason",
        T.MULTIPLE_CHOICE,
        "สาเหตุของการขอทาน",
        "Why the person begs",
        condition=when("is_registered_performer", "equals", False),
        choices=[
            c("poverty", "ยากจน", "Poverty"),
            c("no_family", "ไม่มีครอบครัว", "No family"),
            c("illness", "เจ็บป่วย", "Illness"),
            c("coerced", "ถูกบังคับ", "Coerced"),
            c("other", "อื่น ๆ", "Other"),
        ],
    ),
    f(
        "suspected_trafficking",
        T.YES_NO,
        "สงสัยว่าเป็นการค้ามนุษย์ / ถูกบังคับขอทาน",
        "Suspected trafficking or forced begging",
        condition=when("is_registered_performer", "equals", False),
    ),
    f("screening_notes", T.LONG_TEXT, "บันทึกการคัดกรอง", "Screening notes"),
]

NEEDS_ASSESSMENT = [
    f("assessed_on", T.DATE, "วันที่ประเมิน", "Assessed on", required=True, default="today"),
    f(
        "living_situation",
        T.SINGLE_CHOICE,
        "สภาพที่อยู่อาศัย",
        "Living situation",
        required=True,
        choices=[
            c("street", "อยู่ในที่สาธารณะ", "On the street"),
            c("temporary_shelter", "ที่พักชั่วคราว", "Temporary shelter"),
            c("with_family", "อยู่กับครอบครัว", "With family"),
            c("rented_room", "ห้องเช่า", "Rented room"),
            c("other", "อื่น ๆ", "Other"),
        ],
    ),
    f("has_family_contact", T.YES_NO, "ติดต่อครอบครัวได้", "Family can be contacted"),
    f(
        "family_phone",
        T.PHONE,
        "เบอร์โทรศัพท์ของครอบครัว",
        "Family phone",
        condition=when("has_family_contact", "equals", True),
    ),
    f(
        "health_needs",
        T.MULTIPLE_CHOICE,
        "ปัญหาสุขภาพ",
        "Health problems",
        sensitive=True,
        choices=[
            c("chronic_illness", "โรคเรื้อรัง", "Chronic illness"),
            c("injury", "บาดเจ็บ", "Injury"),
            c("mental_health", "สุขภาพจิต", "Mental health"),
            c("addiction", "สารเสพติด / สุรา", "Addiction"),
            c("none", "ไม่มี", "None"),
        ],
    ),
    f(
        "needs",
        T.MULTIPLE_CHOICE,
        "ความต้องการความช่วยเหลือ",
        "Help needed",
        required=True,
        choices=[
            c("shelter", "ที่พัก", "Shelter"),
            c("food", "อาหาร", "Food"),
            c("medical", "การรักษาพยาบาล", "Medical care"),
            c("id_documents", "ทำบัตรประชาชน / เอกสาร", "ID documents"),
            c("job", "อาชีพ", "Work"),
            c("family_reunion", "กลับคืนสู่ครอบครัว", "Family"),
            c("welfare_card", "บัตรสวัสดิการแห่งรัฐ", "State welfare card"),
            c("legal", "ความช่วยเหลือทางกฎหมาย", "Legal aid"),
        ],
    ),
    f(
        "monthly_income",
        T.DECIMAL,
        "รายได้ต่อเดือน (บาท)",
        "Monthly income (baht)",
        validation={"min_value": 0, "max_value": 1000000},
    ),
    f(
        "priority",
        T.SINGLE_CHOICE,
        "ความเร่งด่วน",
        "Priority",
        required=True,
        options={"widget": "dropdown"},
        choices=[
            c("urgent", "เร่งด่วนมาก", "Urgent"),
            c("high", "เร่งด่วน", "High"),
            c("normal", "ปกติ", "Normal"),
        ],
    ),
    f("assessment_summary", T.LONG_TEXT, "สรุปผลการประเมิน", "Assessment summary", required=True),
]

REFERRAL = [
    f("referred_on", T.DATE, "วันที่ส่งต่อ", "Referred on", required=True, default="today"),
    f(
        "destination_kind",
        T.SINGLE_CHOICE,
        "ส่งต่อไปยัง",
        "Referred to",
        required=True,
        options={"widget": "dropdown"},
        choices=[
            c("protection_center", "ศูนย์คุ้มครองคนไร้ที่พึ่ง", "Protection center"),
            c("shelter", "สถานคุ้มครองและพัฒนาคุณภาพชีวิต", "Protection and development center"),
            c("hospital", "โรงพยาบาล", "Hospital"),
            c("police", "สถานีตำรวจ", "Police"),
            c("immigration", "สำนักงานตรวจคนเข้าเมือง", "Immigration"),
            c("family", "ครอบครัว", "Family"),
            c("other", "อื่น ๆ", "Other"),
        ],
    ),
    f(
        "destination_other",
        T.SHORT_TEXT,
        "ระบุหน่วยงาน",
        "Which organization",
        required=True,
        condition=when("destination_kind", "equals", "other"),
    ),
    f("reason", T.LONG_TEXT, "เหตุผลการส่งต่อ", "Reason for referral", required=True),
    f(
        "consent_to_share",
        T.YES_NO,
        "ผู้รับบริการยินยอมให้ส่งข้อมูล",
        "Consent to share data",
        required=True,
    ),
    f(
        "legal_basis",
        T.SHORT_TEXT,
        "ฐานทางกฎหมายแทนความยินยอม",
        "Legal basis instead of consent",
        required=True,
        condition=when("consent_to_share", "equals", False),
    ),
    f("contact_person", T.SHORT_TEXT, "ผู้ประสานงานปลายทาง", "Contact at destination"),
    f("contact_phone", T.PHONE, "เบอร์โทรศัพท์ผู้ประสานงาน", "Contact phone"),
    f(
        "documents",
        T.FILE,
        "เอกสารประกอบ",
        "Supporting document",
        validation={"accept": ["image/*", "application/pdf"], "max_size_mb": 10},
    ),
]

FOLLOW_UP_VISIT = [
    f("visited_on", T.DATE, "วันที่ติดตาม", "Visited on", required=True, default="today"),
    f(
        "visit_kind",
        T.SINGLE_CHOICE,
        "วิธีการติดตาม",
        "How",
        required=True,
        choices=[
            c("home_visit", "เยี่ยมบ้าน", "Home visit"),
            c("phone", "โทรศัพท์", "Phone"),
            c("at_center", "ที่หน่วยงาน", "At the office"),
        ],
    ),
    f("client_found", T.YES_NO, "พบตัวผู้รับบริการ", "The person was found", required=True),
    f(
        "current_address",
        T.THAI_ADDRESS,
        "ที่อยู่ปัจจุบัน",
        "Current address",
        default={"province": "20"},
        condition=when("client_found", "equals", True),
    ),
    f(
        "visit_location",
        T.LOCATION,
        "พิกัดที่เยี่ยม",
        "Visit location",
        condition=when("visit_kind", "equals", "home_visit"),
    ),
    f(
        "wellbeing",
        T.SINGLE_CHOICE,
        "สภาพความเป็นอยู่เทียบกับครั้งก่อน",
        "Compared with before",
        condition=when("client_found", "equals", True),
        choices=[
            c("better", "ดีขึ้น", "Better"),
            c("same", "เหมือนเดิม", "The same"),
            c("worse", "แย่ลง", "Worse"),
        ],
    ),
    f(
        "wellbeing_score",
        T.INTEGER,
        "คะแนนความเป็นอยู่ (1–5)",
        "Well-being score (1–5)",
        validation={"min_value": 1, "max_value": 5},
        condition=when("client_found", "equals", True),
    ),
    f("needs_further_help", T.YES_NO, "ต้องการความช่วยเหลือเพิ่มเติม", "Needs more help", required=True),
    f(
        "next_visit_on",
        T.DATE,
        "นัดติดตามครั้งถัดไป",
        "Next visit on",
        required=True,
        condition=when("needs_further_help", "equals", True),
    ),
    f(
        "visit_photo",
        T.FILE,
        "ภาพถ่ายการเยี่ยม",
        "Visit photo",
        validation=PHOTO,
        condition=when("visit_kind", "equals", "home_visit"),
    ),
    f("notes", T.LONG_TEXT, "บันทึกการติดตาม", "Notes"),
]

DEMO_FORMS = [
    {
        "key": "street_intake",
        "purpose": FormPurpose.INTAKE,
        "name_th": "แบบรับแจ้งและสำรวจคนไร้ที่พึ่งในพื้นที่สาธารณะ",
        "name_en": "Street outreach intake",
        "fields": STREET_INTAKE,
    },
    {
        "key": "begging_screening",
        "purpose": FormPurpose.SCREENING,
        "name_th": "แบบคัดกรองผู้ทำการขอทาน",
        "name_en": "Begging screening",
        "fields": BEGGING_SCREENING,
    },
    {
        "key": "needs_assessment",
        "purpose": FormPurpose.ASSESSMENT,
        "name_th": "แบบประเมินสภาพปัญหาและความต้องการ",
        "name_en": "Needs assessment",
        "fields": NEEDS_ASSESSMENT,
    },
    {
        "key": "referral",
        "purpose": FormPurpose.REFERRAL,
        "name_th": "แบบส่งต่อ",
        "name_en": "Referral",
        "fields": REFERRAL,
    },
    {
        "key": "follow_up_visit",
        "purpose": FormPurpose.FOLLOW_UP,
        "name_th": "แบบบันทึกการติดตามผล",
        "name_en": "Follow-up visit",
        "fields": FOLLOW_UP_VISIT,
    },
]
