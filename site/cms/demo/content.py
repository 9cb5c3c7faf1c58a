"""Words of the demo site, in Thai with their English translations.

Each page is a dict: `slug`, then the fields of its Thai version under "th" and of its English
version under "en". Body paragraphs are HTML for Wagtail's rich text.
"""

import datetime as dt


def paragraphs(*texts: str) -> list[dict]:
    """A StreamField body made of rich-text paragraphs."""
    return [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in texts]


HOME = {
    "th": {
        "title": "ที่พึ่ง",
        "seo_title": "ที่พึ่ง: เครือข่ายคุ้มครองคนไร้ที่พึ่งและคนขอทาน จังหวัดชลบุรี",
        "search_description": (
            "ศูนย์คุ้มครองคนไร้ที่พึ่งจังหวัดชลบุรี เมืองพัทยา เทศบาลนครแหลมฉบัง "
            "และเทศบาลนครเจ้าพระยาสุรศักดิ์ ร่วมกันช่วยเหลือคนไร้ที่พึ่งและคนขอทาน"
        ),
        "introduction": (
            "<p>ที่พึ่งคือเครือข่ายความร่วมมือของศูนย์คุ้มครองคนไร้ที่พึ่งจังหวัดชลบุรี เมืองพัทยา "
            "เทศบาลนครแหลมฉบัง และเทศบาลนครเจ้าพระยาสุรศักดิ์ ที่ร่วมกันค้นหา คัดกรอง ช่วยเหลือ "
            "ส่งต่อ และติดตามผลคนไร้ที่พึ่งและคนขอทานในชุมชน</p>"
            "<p>พบเห็นคนที่ต้องการความช่วยเหลือ โปรดแจ้งสายด่วน 1300 ตลอด 24 ชั่วโมง</p>"
        ),
    },
    "en": {
        "title": "Thiphueng",
        "seo_title": "Thiphueng: protection network for destitute persons and beggars, Chonburi",
        "search_description": (
            "The Chonburi Protection Center for Destitute Persons, Pattaya City, Laem Chabang and "
            "Chao Phraya Surasak city municipalities help destitute persons and beggars together."
        ),
        "introduction": (
            "<p>Thiphueng (“someone to rely on”) is the network of the Chonburi Protection Center "
            "for Destitute Persons, Pattaya City, Laem Chabang City Municipality and Chao Phraya "
            "Surasak City Municipality. Together they find, screen, help, refer and follow up "
            "destitute persons and beggars in the community.</p>"
            "<p>If you see someone who needs help, call the 1300 hotline, 24 hours a day.</p>"
        ),
    },
}

NETWORK = {
    "slug": "network",
    "th": {
        "title": "เครือข่ายความร่วมมือ",
        "search_description": "หน่วยงานภาคีเครือข่ายตามบันทึกข้อตกลงความร่วมมือ พื้นที่รับผิดชอบ และช่องทางติดต่อ",
        "introduction": (
            "<p>หน่วยงานภาคีเครือข่ายตามบันทึกข้อตกลงความร่วมมือ (MOU) การพัฒนาระบบการคุ้มครอง"
            "คนไร้ที่พึ่งและคนขอทานในชุมชน แต่ละหน่วยงานดูแลพื้นที่ของตนและส่งต่อกรณีถึงกันได้</p>"
        ),
    },
    "en": {
        "title": "Partner network",
        "search_description": "The partners of the MOU, the areas they serve and their contacts.",
        "introduction": (
            "<p>The partners of the MOU on developing a protection system for destitute persons "
            "and beggars in the community. Each serves its own area and refers cases to the "
            "others.</p>"
        ),
    },
}

NEWS_INDEX = {
    "slug": "news",
    "th": {"title": "ข่าวสาร", "introduction": "<p>ข่าวสารและกิจกรรมของเครือข่าย</p>"},
    "en": {"title": "News", "introduction": "<p>News and activities of the network.</p>"},
}

MOU_ARTICLE = {
    "slug": "mou-pattaya-2020",
    "date": dt.date(2020, 8, 6),
    "th": {
        "title": (
            "เปิดตัวบันทึกข้อตกลงความร่วมมือพัฒนาระบบการคุ้มครองคนไร้ที่พึ่งและคนขอทานในชุมชน ณ ศาลาว่าการเมืองพัทยา"
        ),
        "search_description": (
            "ศูนย์คุ้มครองคนไร้ที่พึ่งจังหวัดชลบุรี เทศบาลนครเจ้าพระยาสุรศักดิ์ เทศบาลนครแหลมฉบัง "
            "และเมืองพัทยา ร่วมประชุมเปิดตัว MOU เมื่อ 6 ส.ค. 63"
        ),
        "introduction": (
            "ศูนย์คุ้มครองคนไร้ที่พึ่งจังหวัดชลบุรี เทศบาลนครเจ้าพระยาสุรศักดิ์ เทศบาลนครแหลมฉบัง "
            "และเมืองพัทยา ร่วมประชุมที่ศาลาว่าการเมืองพัทยา เพื่อเริ่มต้นความร่วมมือพัฒนาระบบ"
            "การคุ้มครองคนไร้ที่พึ่งและคนขอทานในชุมชน"
        ),
        "body": paragraphs(
            "เมื่อวันพฤหัสบดีที่ 6 สิงหาคม 2563 ณ ห้องประชุมศาลาว่าการเมืองพัทยา "
            "ศูนย์คุ้มครองคนไร้ที่พึ่งจังหวัดชลบุรี สังกัดกรมพัฒนาสังคมและสวัสดิการ ร่วมกับเมืองพัทยา "
            "เทศบาลนครแหลมฉบัง และเทศบาลนครเจ้าพระยาสุรศักดิ์ จัดประชุมเปิดตัวบันทึกข้อตกลง"
            "ความร่วมมือ (MOU) การพัฒนาระบบการคุ้มครองคนไร้ที่พึ่งและคนขอทานในชุมชน "
            "โดยมีผู้บริหารและเจ้าหน้าที่ผู้ปฏิบัติงานของทั้งสี่หน่วยงานเข้าร่วม",
            "ที่ประชุมได้ทบทวนสถานการณ์คนไร้ที่พึ่งและปัญหาคนขอทานในชุมชนของจังหวัดชลบุรี "
            "ซึ่งพบมากในย่านท่องเที่ยว ตลาด และชุมชนรอบเขตอุตสาหกรรม หลายคนเป็นผู้สูงอายุ "
            "ผู้พิการ หรือผู้ป่วยที่ไม่มีญาติดูแล ที่ผ่านมาแต่ละหน่วยงานต่างช่วยเหลือในพื้นที่ของตน "
            "เมื่อคนย้ายพื้นที่ ข้อมูลจึงขาดตอนและติดตามผลได้ยาก",
            "ภายใต้บันทึกข้อตกลงฉบับนี้ ทั้งสี่หน่วยงานจะใช้แนวทางเดียวกันตั้งแต่การรับแจ้ง "
            "การคัดกรอง การประเมินสภาพปัญหาและความต้องการ การส่งต่อ จนถึงการติดตามผล "
            "ตามพระราชบัญญัติการคุ้มครองคนไร้ที่พึ่ง พ.ศ. 2557 และพระราชบัญญัติควบคุมการขอทาน "
            "พ.ศ. 2559 และจะแลกเปลี่ยนข้อมูลเท่าที่จำเป็นต่อการช่วยเหลือ "
            "โดยเคารพกฎหมายคุ้มครองข้อมูลส่วนบุคคล",
            "เครือข่ายจะร่วมกันรณรงค์สร้างความเข้าใจในชุมชน ครอบครัว และสถานศึกษาว่า "
            "การให้เงินแก่คนขอทานไม่ได้ช่วยให้เขาพ้นจากปัญหา หากพบเห็นคนไร้ที่พึ่งหรือคนขอทาน "
            "ขอให้แจ้งสายด่วน 1300 ได้ตลอด 24 ชั่วโมง เจ้าหน้าที่ของหน่วยงานในพื้นที่"
            "จะเข้าไปดูแลและช่วยเหลืออย่างเหมาะสม",
        ),
    },
    "en": {
        "title": (
            "MOU on a protection system for destitute persons and beggars in the community "
            "launched at Pattaya City Hall"
        ),
        "search_description": (
            "The Chonburi Protection Center for Destitute Persons, Chao Phraya Surasak and Laem "
            "Chabang city municipalities and Pattaya City launched their MOU on 6 August 2020."
        ),
        "introduction": (
            "The Chonburi Protection Center for Destitute Persons, Chao Phraya Surasak City "
            "Municipality, Laem Chabang City Municipality and Pattaya City met at Pattaya City "
            "Hall to start working together on a protection system for destitute persons and "
            "beggars in the community."
        ),
        "body": paragraphs(
            "On Thursday 6 August 2020, in the meeting room of Pattaya City Hall, the Chonburi "
            "Protection Center for Destitute Persons of the Department of Social Development and "
            "Welfare, with Pattaya City, Laem Chabang City Municipality and Chao Phraya Surasak "
            "City Municipality, launched the memorandum of understanding (MOU) on developing a "
            "protection system for destitute persons and beggars in the community. Executives "
            "and caseworkers of all four organizations took part.",
            "The meeting reviewed the situation of destitute persons and begging in Chonburi's "
            "communities, most visible around tourist areas, markets and the communities near "
            "the industrial estates. Many are elderly, disabled or ill people with no family to "
            "care for them. Until now each organization helped within its own area; when people "
            "moved, their records broke off and following them up was hard.",
            "Under this MOU the four organizations follow one approach, from intake, screening "
            "and needs assessment to referral and follow-up, under the Protection of Destitute "
            "Persons Act B.E. 2557 and the Begging Control Act B.E. 2559, and share only the "
            "information needed to help, respecting the Personal Data Protection Act.",
            "The network will also run awareness campaigns for communities, families and schools: "
            "giving money to beggars does not help them out of their situation. If you see a "
            "destitute person or a beggar, call the 1300 hotline, 24 hours a day, and the local "
            "team will come to help.",
        ),
    },
}

CAMPAIGN_COMMUNITY = {
    "slug": "call-1300-instead",
    "audiences": {"for_communities": True, "for_families": True, "for_schools": False},
    "th": {
        "title": "ให้ถูกทาง ไม่ให้เงินคนขอทาน แจ้งสายด่วน 1300",
        "introduction": (
            "เงินที่ให้คนขอทานอาจทำให้เขาต้องอยู่บนถนนนานขึ้น การแจ้งสายด่วน 1300 ทำให้เจ้าหน้าที่เข้าไปช่วยเหลือได้จริง"
        ),
        "body": paragraphs(
            "คนขอทานหลายคนเป็นผู้สูงอายุ ผู้พิการ หรือเด็กที่ถูกพามาขอทาน การให้เงินเพียงครั้งคราว"
            "ไม่ได้ช่วยให้เขามีที่พัก มีรายได้ หรือได้รับการรักษา และบางครั้งเงินนั้นตกไปอยู่กับ"
            "ผู้ที่แสวงหาประโยชน์จากการขอทาน",
            "เมื่อพบเห็นคนไร้ที่พึ่งหรือคนขอทานในชุมชน โปรดแจ้งสายด่วน 1300 ของกระทรวงการพัฒนาสังคม"
            "และความมั่นคงของมนุษย์ บอกสถานที่ เวลา และลักษณะของบุคคลที่พบ "
            "เจ้าหน้าที่จะเข้าไปพูดคุย คัดกรอง และส่งต่อความช่วยเหลือที่เหมาะสม",
            "ครอบครัวก็ช่วยได้ หากญาติหรือคนใกล้ชิดกำลังลำบากและไม่มีที่พึ่ง "
            "ติดต่อหน่วยงานในพื้นที่ก่อนที่เขาจะต้องออกมาขอทาน",
        ),
        "call_to_action_text": "โทรแจ้งสายด่วน 1300",
        "call_to_action_link": "tel:1300",
    },
    "en": {
        "title": "Give the right way: do not give money to beggars, call 1300",
        "introduction": (
            "Money given to beggars can keep them on the street longer. Calling the 1300 hotline "
            "brings someone who can really help."
        ),
        "body": paragraphs(
            "Many beggars are elderly, disabled, or children brought to beg. Occasional coins do "
            "not give them shelter, income or treatment, and sometimes the money goes to people "
            "who profit from begging.",
            "When you see a destitute person or a beggar in your community, call 1300, the "
            "hotline of the Ministry of Social Development and Human Security. Say where and when "
            "you saw them and what they look like: a team will come to talk with them, screen "
            "them and refer them to the right help.",
            "Families can help too: if a relative or someone close is struggling with no one to "
            "rely on, contact your local partner before they have to beg.",
        ),
        "call_to_action_text": "Call the 1300 hotline",
        "call_to_action_link": "tel:1300",
    },
}

CAMPAIGN_SCHOOL = {
    "slug": "schools-understand-destitution",
    "audiences": {"for_communities": False, "for_families": False, "for_schools": True},
    "th": {
        "title": "ห้องเรียนเข้าใจคนไร้ที่พึ่ง",
        "introduction": (
            "กิจกรรมสำหรับโรงเรียนในจังหวัดชลบุรี ให้นักเรียนเข้าใจว่าใครคือคนไร้ที่พึ่ง "
            "ทำไมการขอทานจึงไม่ใช่ทางออก และช่วยเหลืออย่างไรให้ถูกวิธี"
        ),
        "body": paragraphs(
            "เจ้าหน้าที่ของหน่วยงานภาคีเครือข่ายพร้อมไปเป็นวิทยากรที่โรงเรียน "
            "พูดคุยกับนักเรียนเรื่องคนไร้ที่พึ่ง การขอทาน และการค้ามนุษย์ในรูปแบบการบังคับขอทาน",
            "นักเรียนจะได้รู้จักสายด่วน 1300 และฝึกการแจ้งเหตุอย่างปลอดภัย "
            "โดยไม่เข้าไปเผชิญหน้าเอง ครูสามารถนำสื่อการสอนไปใช้ต่อในชั้นเรียนได้",
        ),
        "call_to_action_text": "ติดต่อหน่วยงานในพื้นที่ของโรงเรียน",
        "call_to_action_link": "/network/",
    },
    "en": {
        "title": "Understanding destitution: a class for schools",
        "introduction": (
            "An activity for schools in Chonburi: who destitute persons are, why begging is not "
            "a way out, and how to help the right way."
        ),
        "body": paragraphs(
            "Staff of the partner organizations come to schools to talk with students about "
            "destitution, begging and forced begging as a form of human trafficking.",
            "Students learn about the 1300 hotline and practise reporting safely, without "
            "confronting anyone themselves. Teachers can keep using the material in class.",
        ),
        "call_to_action_text": "Contact the partner serving your school",
        "call_to_action_link": "/en/network/",
    },
}

REPORT = {
    "slug": "report",
    "th": {
        "title": "แจ้งพบคนไร้ที่พึ่งหรือคนขอทาน",
        "search_description": (
            "พบเห็นคนไร้ที่พึ่งหรือคนขอทานในจังหวัดชลบุรี แจ้งได้ที่นี่ เจ้าหน้าที่ของหน่วยงานในพื้นที่จะเข้าไปช่วยเหลือ"
        ),
        "introduction": (
            "<p>บอกเราว่าพบบุคคลนี้ที่ไหน เมื่อไร และเห็นอะไร รายงานของคุณจะส่งถึงหน่วยงาน"
            "ที่ดูแลพื้นที่นั้นโดยตรง ไม่ต้องเข้าไปพูดคุยหรือถ่ายภาพหากไม่ปลอดภัย</p>"
        ),
        "privacy_notice": (
            "<p>ข้อมูลที่คุณแจ้ง (สถานที่ เวลา ลักษณะของบุคคล และภาพถ่าย) ใช้เพื่อช่วยเหลือบุคคลนั้น"
            "ตามพระราชบัญญัติการคุ้มครองคนไร้ที่พึ่ง พ.ศ. 2557 และส่งถึงหน่วยงานภาคีเครือข่าย"
            "ที่ดูแลพื้นที่เท่านั้น ภาพถ่ายจะถูกลบข้อมูลตำแหน่ง (GPS) ก่อนจัดเก็บ</p>"
            "<p>ชื่อและช่องทางติดต่อของคุณไม่จำเป็นต้องให้ หากให้ไว้พร้อมความยินยอม "
            "จะเก็บแยกจากรายงาน เห็นได้เฉพาะเจ้าหน้าที่ของหน่วยงานที่ดูแลเรื่องนี้ "
            "และใช้เพื่อติดต่อกลับเรื่องรายงานนี้เท่านั้น ตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล "
            "พ.ศ. 2562</p>"
        ),
        "thank_you_text": (
            "<p>เราได้รับรายงานของคุณแล้ว และส่งถึงหน่วยงานที่ดูแลพื้นที่นั้นเรียบร้อย "
            "ขอบคุณที่ช่วยให้คนไร้ที่พึ่งได้รับความช่วยเหลือ</p>"
        ),
    },
    "en": {
        "title": "Report a destitute person or a beggar",
        "search_description": (
            "Seen a destitute person or a beggar in Chonburi? Report it here and the local "
            "team will come to help."
        ),
        "introduction": (
            "<p>Tell us where and when you saw the person and what you saw. Your report goes "
            "straight to the partner serving that place. Do not approach the person or take a "
            "photo if it is not safe.</p>"
        ),
        "privacy_notice": (
            "<p>What you report (the place, the time, what the person looks like, a photo) is "
            "used to help that person under the Protection of Destitute Persons Act B.E. 2557, "
            "and goes only to the partner serving the place. Photos are stripped of their "
            "location (GPS) before they are stored.</p>"
            "<p>Your name and contact details are optional. If you give them with your consent, "
            "they are kept apart from the report, seen only by the staff handling it, and used "
            "only to contact you about this report, under the Personal Data Protection Act "
            "B.E. 2562.</p>"
        ),
        "thank_you_text": (
            "<p>We have received your report and sent it to the partner serving that place. "
            "Thank you for helping a person in need get help.</p>"
        ),
    },
}

PRIVACY = {
    "slug": "privacy",
    "th": {
        "title": "นโยบายความเป็นส่วนตัว",
        "introduction": (
            "เครือข่ายคุ้มครองคนไร้ที่พึ่งจังหวัดชลบุรีเก็บและใช้ข้อมูลส่วนบุคคลเท่าที่จำเป็น "
            "เพื่อช่วยเหลือคนไร้ที่พึ่งและคนขอทาน ตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562"
        ),
        "body": paragraphs(
            "<strong>เมื่อคุณแจ้งพบคนไร้ที่พึ่งหรือคนขอทาน</strong> เราเก็บสถานที่ เวลา "
            "คำบรรยาย และรูปถ่ายที่คุณส่ง เพื่อส่งต่อให้หน่วยงานในพื้นที่ไปช่วยเหลือ "
            "ชื่อและเบอร์โทรศัพท์ของคุณจะเก็บไว้เฉพาะเมื่อคุณยินยอมให้ติดต่อกลับเท่านั้น",
            "<strong>ข้อมูลของผู้รับบริการ</strong> ใช้เฉพาะเจ้าหน้าที่ของหน่วยงานที่ดูแลเรื่อง "
            "ข้อมูลอ่อนไหว เช่น สุขภาพ เห็นได้เฉพาะผู้ที่จำเป็นต้องใช้ในการช่วยเหลือ "
            "และทุกการเข้าดูจะถูกบันทึกไว้",
            "<strong>สิทธิของคุณ</strong> คุณขอดู ขอแก้ไข หรือขอให้ลบข้อมูลของคุณได้ "
            "โดยติดต่อศูนย์คุ้มครองคนไร้ที่พึ่งจังหวัดชลบุรีตามที่อยู่ท้ายหน้านี้",
        ),
    },
    "en": {
        "title": "Privacy policy",
        "introduction": (
            "The Chonburi protection network for destitute persons collects and uses personal "
            "data only as far as needed to help destitute persons and beggars, under the "
            "Personal Data Protection Act B.E. 2562 (2019)."
        ),
        "body": paragraphs(
            "<strong>When you report a person</strong> we keep the place, the time, your "
            "description and any photo, and pass them to the partner serving the area. Your name "
            "and phone number are kept only if you agree to be contacted.",
            "<strong>Data about the people we help</strong> is used only by the staff of the "
            "partner handling their case. Sensitive data, such as health, is shown only to those "
            "who need it to help, and every view is recorded.",
            "<strong>Your rights</strong>: you may ask to see, correct or delete your data by "
            "contacting the Chonburi Protection Center for Destitute Persons at the address at "
            "the foot of this page.",
        ),
    },
}

FOOTER = {
    "organisation_th": "ศูนย์คุ้มครองคนไร้ที่พึ่งจังหวัดชลบุรี และหน่วยงานภาคีเครือข่าย",
    "organisation_en": "Chonburi Protection Center for Destitute Persons and its partners",
    "address_th": "อำเภอเมืองชลบุรี จังหวัดชลบุรี 20000",
    "address_en": "Mueang Chon Buri District, Chon Buri 20000",
    "phone": "1300",
    "email": "contact@thiphueng.example",
}
# A news article a communications officer has written and sent for review (not live): the demo's
# moderation screens have something on them.
SUBMITTED_ARTICLE = {
    "slug": "follow-up-meeting-pattaya",
    "date": dt.date(2026, 11, 20),
    "th": {
        "title": "ประชุมติดตามผลการช่วยเหลือคนขอทานในพื้นที่เมืองพัทยา",
        "introduction": (
            "เจ้าหน้าที่เมืองพัทยาและศูนย์คุ้มครองคนไร้ที่พึ่งจังหวัดชลบุรีทบทวนผลการออกสำรวจและการส่งต่อในเดือนที่ผ่านมา"
        ),
        "body": paragraphs("ที่ประชุมสรุปผลการออกสำรวจพื้นที่ชายหาดและถนนคนเดิน และนัดหมายการติดตามผลครั้งต่อไป"),
    },
}
