import pytest
from django.utils import translation

from partners.areas import area_children, area_name
from partners.forms import ServiceAreaForm, service_area_formset


def area_form(**data):
    return ServiceAreaForm(data={f"x-{k}": v for k, v in data.items()}, prefix="x")


@pytest.mark.parametrize(
    ("data", "code"),
    [
        ({"province": "20"}, "20"),
        ({"province": "20", "district": "2004"}, "2004"),
        ({"province": "20", "district": "2004", "subdistrict": "200402"}, "200402"),
    ],
)
def test_most_specific_chosen_area_is_the_code(data, code):
    form = area_form(**data)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["code"] == code


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"province": "99"}, "province", "ไม่พบรหัสจังหวัด “99”"),
        ({"province": "2"}, "province", "ไม่พบรหัสจังหวัด"),
        ({"province": "20", "district": "2099"}, "district", "ไม่พบรหัสอำเภอ"),
        ({"province": "20", "district": "1001"}, "district", "อำเภอนี้ไม่อยู่ในจังหวัดที่เลือก"),
        (
            {"province": "20", "district": "2004", "subdistrict": "200499"},
            "subdistrict",
            "ไม่พบรหัสตำบล",
        ),
        (
            {"province": "20", "district": "2004", "subdistrict": "200702"},
            "subdistrict",
            "ตำบลนี้ไม่อยู่ในอำเภอที่เลือก",
        ),
        ({"province": "20", "subdistrict": "200402"}, "subdistrict", "กรุณาเลือกอำเภอก่อน"),
        ({"district": "2004"}, "__all__", "กรุณาเลือกจังหวัดก่อน"),
    ],
)
def test_wrong_codes_are_rejected_with_a_thai_message(data, field, message):
    with translation.override("th"):
        form = area_form(**data)
        assert not form.is_valid()
        assert any(message in error for error in form.errors[field])


def test_duplicate_areas_are_rejected():
    data = {"areas-TOTAL_FORMS": "2", "areas-INITIAL_FORMS": "0"}
    for index in (0, 1):
        data.update({f"areas-{index}-province": "20", f"areas-{index}-district": "2004"})
    formset = service_area_formset(partner=None, data=data)
    assert not formset.is_valid()


def test_deleted_and_empty_rows_are_ignored():
    data = {
        "areas-TOTAL_FORMS": "3",
        "areas-INITIAL_FORMS": "0",
        "areas-0-province": "20",
        "areas-1-province": "10",
        "areas-1-DELETE": "on",
    }
    formset = service_area_formset(partner=None, data=data)
    assert formset.is_valid(), formset.errors
    assert formset.area_codes() == ["20"]


def test_only_the_chosen_provinces_districts_are_offered():
    form = ServiceAreaForm(initial=ServiceAreaForm.initial_for("200402"))
    districts = dict(form.fields["district"].widget.choices)
    assert "2004" in districts and "1001" not in districts
    assert "200402" in dict(form.fields["subdistrict"].widget.choices)


def test_area_children_and_names_follow_the_language():
    with translation.override("th"):
        assert ("2004", "บางละมุง") in area_children("20")
        assert area_name("200402") == "ต.หนองปรือ อ.บางละมุง จ.ชลบุรี"
        assert area_name("2004") == "อ.บางละมุง จ.ชลบุรี"
        assert area_name("100101") == "แขวงพระบรมมหาราชวัง เขตพระนคร กรุงเทพมหานคร"
    with translation.override("en"):
        assert area_name("200402") == "Nong Prue, Bang Lamung, Chon Buri"
        assert ("200402", "Nong Prue") in area_children("2004")
    assert area_children("999") == []
    assert len(area_children()) == 77
