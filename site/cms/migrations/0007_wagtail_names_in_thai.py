"""What Wagtail and our earlier migrations seeded in English, named in Thai: the role groups,
Wagtail's Moderators and Editors groups, the moderation workflow and its task, the root page and
the root collection. Staff read these names on Wagtail's own screens.

`wagtail_names_in_thai(apps)` is idempotent; tests call it again after a database flush (after
0004's `site_permissions_grant`). When a group exists under both names (a flush, then code that
made the Thai one), the English one's members and permissions move to the Thai one.
"""

from django.db import migrations

GROUP_NAMES = {
    "Administrators": "ผู้ดูแลระบบ",
    "Supervisors": "หัวหน้างาน",
    "Caseworkers": "เจ้าหน้าที่ผู้ปฏิบัติงาน",
    "Communications staff": "เจ้าหน้าที่ประชาสัมพันธ์",
    "Moderators": "ผู้ตรวจเนื้อหา",
    "Editors": "ผู้แก้ไขเนื้อหา",
}
WORKFLOW_NAMES = {"Moderators approval": "การอนุมัติโดยผู้ตรวจเนื้อหา"}
ROOT_PAGE_TITLES = {"Root": "หน้าบนสุด"}
ROOT_COLLECTION_NAMES = {"Root": "คลังหลัก"}


def _merge_group(apps, old, new) -> None:
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    new.permissions.add(*old.permissions.all())
    new.user_set.add(*old.user_set.all())
    for row in GroupPagePermission.objects.filter(group=old):
        GroupPagePermission.objects.get_or_create(
            group=new, page_id=row.page_id, permission_id=row.permission_id
        )
    for row in GroupCollectionPermission.objects.filter(group=old):
        GroupCollectionPermission.objects.get_or_create(
            group=new, collection_id=row.collection_id, permission_id=row.permission_id
        )
    for task in GroupApprovalTask.objects.filter(groups=old):
        task.groups.add(new)
    old.delete()


def _rename_groups(apps, names: dict[str, str]) -> None:
    Group = apps.get_model("auth", "Group")
    for old_name, new_name in names.items():
        old = Group.objects.filter(name=old_name).first()
        if old is None:
            continue
        new = Group.objects.filter(name=new_name).first()
        if new is None:
            old.name = new_name
            old.save(update_fields=["name"])
        else:
            _merge_group(apps, old, new)


def _rename_rest(apps, workflows: dict, pages: dict, collections: dict) -> None:
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    for old, new in workflows.items():
        Workflow.objects.filter(name=old).update(name=new)
        Task.objects.filter(name=old).update(name=new)
    for old, new in pages.items():
        Page.objects.filter(depth=1, title=old).update(title=new, draft_title=new)
    for old, new in collections.items():
        Collection.objects.filter(depth=1, name=old).update(name=new)


def wagtail_names_in_thai(apps, schema_editor=None) -> None:
    _rename_groups(apps, GROUP_NAMES)
    _rename_rest(apps, WORKFLOW_NAMES, ROOT_PAGE_TITLES, ROOT_COLLECTION_NAMES)


def wagtail_names_in_english(apps, schema_editor=None) -> None:
    def flip(names):
        return {new: old for old, new in names.items()}

    _rename_groups(apps, flip(GROUP_NAMES))
    _rename_rest(
        apps, flip(WORKFLOW_NAMES), flip(ROOT_PAGE_TITLES), flip(ROOT_COLLECTION_NAMES)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0006_site_footer"),
        ("partners", "0002_role_groups"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(wagtail_names_in_thai, wagtail_names_in_english)]
