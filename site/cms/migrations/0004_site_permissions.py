"""Communications staff edit the site; Wagtail's "Moderators approval" workflow publishes it.

Communications staff may add and change pages (not publish) in every language's tree, add and
choose images and documents, and submit translations. Nothing else: no case or process data.
Publishing goes through Wagtail's default "Moderators approval" workflow (a GroupApprovalTask of
the "Moderators" group) on the root page, so every page in every language needs an approval.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

COMMUNICATIONS = "Communications staff"
MODERATORS = "Moderators"
WORKFLOW_NAME = "Moderators approval"
PAGE_PERMISSIONS = ["add_page", "change_page"]
# Wagtail's own defaults for its Moderators group, made sure of here.
MODERATOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", ["add_image", "choose_image"]),
    ("wagtaildocs", "document", ["add_document", "choose_document"]),
]


def _ensure_permissions(apps) -> None:
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def _ensure_workflow(apps, root, moderators) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    if WorkflowPage.objects.filter(page=root, workflow__active=True).exists():
        return
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if created or not workflow.workflow_tasks.exists():
        content_type, _ = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(
            name=WORKFLOW_NAME, content_type=content_type, active=True
        )
        task.groups.set([moderators])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


def _grant_page_permissions(apps, group, page, codenames) -> None:
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for codename in codenames:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", content_type__model="page", codename=codename
        )
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _submit_translation_permission(apps):
    """wagtail-localize's "Translate" permission, made as wagtail_localize 0006 makes it."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="wagtail_localize", model="translation"
    )
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )
    return permission


def site_permissions_grant(apps) -> None:
    """Idempotent; takes an app registry, so tests can restore it after a database flush."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    communications, _ = Group.objects.get_or_create(name=COMMUNICATIONS)
    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    root = Page.objects.filter(depth=1).order_by("path").first()
    root_collection = Collection.objects.filter(depth=1).order_by("path").first()
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    communications.permissions.add(access_admin, _submit_translation_permission(apps))
    moderators.permissions.add(access_admin)
    _grant_page_permissions(apps, communications, root, PAGE_PERMISSIONS)
    _grant_page_permissions(apps, moderators, root, MODERATOR_PAGE_PERMISSIONS)
    for app_label, model, codenames in COLLECTION_PERMISSIONS:
        for codename in codenames:
            permission = Permission.objects.get(
                content_type__app_label=app_label, content_type__model=model, codename=codename
            )
            GroupCollectionPermission.objects.get_or_create(
                group=communications, collection=root_collection, permission=permission
            )
    _ensure_workflow(apps, root, moderators)


def grant_site_permissions(apps, schema_editor):
    _ensure_permissions(apps)
    site_permissions_grant(apps)


def revoke_site_permissions(apps, schema_editor):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupPagePermission.objects.filter(group__name=COMMUNICATIONS).delete()
    GroupCollectionPermission.objects.filter(group__name=COMMUNICATIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0003_home_page"),
        ("partners", "0002_role_groups"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(grant_site_permissions, revoke_site_permissions)]
