"""The demo network ready to take public reports: partners, people, the shared report form, and
a published process chosen for each partner's reports."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from forms_builder.demo import NETWORK_BUNDLE, demo_bundle
from forms_builder.runtime.dynamic_form import form_for
from forms_builder.selectors import form_version_for
from forms_builder.serialization import definitions_import
from partners import demo as partners_demo
from partners.models import Partner
from tests.factories_workflows import screening_process
from workflows.models import PublicReportSetting


def report_network() -> dict[str, Partner]:
    """Partners by code, each with its public report process; the network's report form."""
    partners = partners_demo.load()
    definitions_import(document=demo_bundle(NETWORK_BUNDLE))
    for partner in partners:
        PublicReportSetting.objects.create(
            partner=partner, process_definition=screening_process(partner)
        )
    return {p.code: p for p in partners}


def report_data(subdistrict: str = "200402", **answers) -> dict:
    """POST data of the report form for a place given by its subdistrict code."""
    data = {
        "location_0": subdistrict[:2],
        "location_1": subdistrict[:4],
        "location_2": subdistrict,
        "location_5": "หน้าตลาด",
        "description": "ชายสูงอายุนอนอยู่ริมถนน",
    }
    data.update(answers)
    return data


def jpeg(name: str = "photo.jpg") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "red").save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def report_form(data: dict | None = None, files: dict | None = None):
    version = form_version_for(partner=None, key="public_report")
    form = form_for(version=version, data=data or report_data(), files=files)
    assert form.is_valid(), form.errors
    return form


def shared_process(key: str = "shared-report"):
    """A published process of the whole network: check the report, then done."""
    from partners.models import Role
    from tests.factories_workflows import note_form
    from workflows.models import ProcessKind, StepKind
    from workflows.services.definitions import (
        process_definition_create,
        process_version_publish,
        step_create,
        transition_create,
    )

    definition = process_definition_create(
        partner=None, key=key, name_th="ตรวจสอบเหตุที่แจ้ง", kind=ProcessKind.INTAKE
    )
    version = definition.versions.get()
    check = step_create(
        version=version,
        key="check",
        kind=StepKind.HUMAN,
        name_th="ตรวจสอบ",
        is_start=True,
        form_version=note_form(None, key=f"{key}-note"),
        role=Role.CASEWORKER,
    )
    done = step_create(
        version=version, key="done", kind=StepKind.END, name_th="เสร็จ", outcome="other"
    )
    transition_create(source=check, target=done, label_th="เสร็จ", is_default=True)
    process_version_publish(version=version)
    return definition
