"""An administrator builds a three-step process with a conditional branch and publishes it; a
caseworker claims the first task of a case on it and fills in the form; the case takes the branch
the answers select, and the case page's diagram shows the path."""

from viewflow.workflow.status import STATUS

from partners.models import Role
from tests.browser.conftest import admin_login
from tests.factories import member
from tests.factories_workflows import client_at, note_form, screening_form
from workflows.models import CaseTask, ProcessDefinition
from workflows.services.cases import case_start


def new_process(page, partner, key: str, name_th: str) -> ProcessDefinition:
    page.goto("/admin/processes/add/")
    page.select_option("#id_partner", str(partner.pk))
    page.fill("#id_key", key)
    page.fill("#id_name_th", name_th)
    page.select_option("#id_kind", "intake")
    page.click("#process-form button[type=submit]")
    page.wait_for_url("**/draft/")
    return ProcessDefinition.objects.get(key=key)


def add_step(page, definition, **values):
    page.goto(f"/admin/processes/{definition.pk}/draft/")
    page.click("#add-step")
    page.check(f"input[name=kind][value={values.pop('kind', 'human')}]")
    for name in ("key", "name_th", "due"):
        if name in values:
            page.fill(f"#id_{name}", str(values.pop(name)))
    if values.pop("start", False):
        page.check("#id_is_start")
    for name, value in values.items():
        page.select_option(f"#id_{name}", str(value))
    page.click("#step-form button[type=submit]")
    page.wait_for_url(f"**/processes/{definition.pk}/draft/**")


def add_decision(page, definition, source, target, label, *, default=False, row=None):
    page.goto(f"/admin/processes/{definition.pk}/draft/")
    page.click(f"tr[data-step={source.key}] a[href$='/decisions/add/']")
    page.select_option("#id_target", str(target.pk))
    page.fill("#id_label_th", label)
    if default:
        page.check("#id_is_default")
    if row:
        field, operator, value = row
        page.select_option("#id_condition-0-field", field)
        page.select_option("#id_condition-0-operator", operator)
        # The value is chosen by its label from the field's own choices, never typed as a code.
        page.locator(".condition-row").first.locator("[data-condition-picker]").select_option(
            label=value
        )
    page.click("#transition-form button[type=submit]")
    page.wait_for_url(f"**/processes/{definition.pk}/draft/**")


def test_an_administrator_builds_and_publishes_a_branching_process(page, partner):
    admin = member(Role.ADMINISTRATOR, partner=partner, username="builder.admin")
    worker = member(Role.CASEWORKER, partner=partner, username="builder.worker")
    screening, note = screening_form(partner), note_form(partner)
    admin_login(page, admin.username)

    definition = new_process(page, partner, "street_intake", "รับแจ้งคนขอทาน")

    add_step(
        page,
        definition,
        key="screen",
        name_th="คัดกรอง",
        start=True,
        due=2,
        due_unit="days",
        form_version=screening.pk,
        role="caseworker",
    )
    add_step(
        page, definition, key="assess", name_th="ประเมิน", form_version=note.pk, role="caseworker"
    )
    add_step(page, definition, kind="end", key="imm", name_th="ส่ง ตม.", outcome="immigration")
    add_step(page, definition, kind="end", key="done", name_th="เสร็จ", outcome="other")
    # Publishing too early names what is missing, and publishes nothing.
    page.click("#publish")
    page.wait_for_url("**/draft/publish/")
    assert page.locator("#publish-errors li").count() >= 2
    version = definition.versions.get()
    steps = {s.key: s for s in version.steps.all()}
    add_decision(
        page,
        definition,
        steps["screen"],
        steps["imm"],
        "ต่างชาติ: ส่ง ตม.",
        row=("nationality", "equals", "ต่างชาติ"),
    )
    add_decision(page, definition, steps["screen"], steps["assess"], "ประเมินต่อ", default=True)
    add_decision(page, definition, steps["assess"], steps["done"], "เสร็จสิ้น", default=True)
    wide = page.locator("svg.process-diagram:visible")
    assert wide.locator("g.step").count() == 4
    assert wide.locator("g.decision").count() == 3
    # The drawing fits its box: no label runs off the side.
    box = page.locator(".process-diagram-box").bounding_box()
    assert wide.bounding_box()["width"] <= box["width"]

    page.click("#publish")
    page.wait_for_url(f"**/processes/{definition.pk}/")
    version.refresh_from_db()
    assert version.is_published
    assert page.locator("#versions").get_by_text("1").count() >= 1

    # A case arrives on the new process; the caseworker claims its task and fills in the form.
    case = case_start(partner=partner, client=client_at(partner), definition=definition)
    task = CaseTask.objects.get(process=case, status=STATUS.NEW)
    page.context.clear_cookies()
    admin_login(page, worker.username)
    page.goto("/admin/work/queue/")
    page.locator(f"[data-task='{task.pk}'] [data-claim]").click()
    page.wait_for_url(f"**/admin/work/tasks/{task.pk}/")
    page.check("input[name=nationality][value=foreign]")
    page.fill("input[name=age]", "35")
    page.click("[data-complete]")
    page.wait_for_url(f"**/admin/work/cases/{case.pk}/")
    case.refresh_from_db()
    assert case.current_step.key == "imm" and case.outcome == "immigration"
    diagram = page.locator("svg.process-diagram:visible")
    assert diagram.locator("g.step.taken[data-step=screen]").count() == 1
    # The case is closed: it ended there, it is not "now here".
    assert diagram.locator("g.step.ended[data-step=imm]").count() == 1
    assert diagram.locator("g.step.current").count() == 0
    assert diagram.locator("g.decision.taken[data-from=screen][data-to=imm]").count() == 1
    assert diagram.locator("g.step.taken[data-step=assess]").count() == 0
