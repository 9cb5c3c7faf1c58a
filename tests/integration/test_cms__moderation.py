"""Communications staff write and submit pages; an editor (Moderators group) approves them."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupApprovalTask, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.demo import load_editor
from cms.models import NewsArticlePage
from partners.models import Role
from tests.factories import member
from tests.factories_cms import fresh_cache, news_index, thai_home  # noqa: F401

pytestmark = pytest.mark.django_db


def article_form(title: str, slug: str, action: str) -> dict:
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "date": "2569-11-26",  # the Buddhist era: the admin is in Thai
            "introduction": "ข่าวจากเจ้าหน้าที่ประชาสัมพันธ์",
            "lead_image": streamfield([]),
            "body": streamfield([("paragraph", rich_text("<p>ปัญหาคนขอทานในชุมชน</p>"))]),
            "comments": inline_formset([]),
        }
    )
    data[action] = "1"
    return data


@pytest.fixture
def communications(db):
    return member(Role.COMMUNICATIONS, username="comms")


@pytest.fixture
def editor(db):
    return load_editor()


def add_article(client, user, slug: str, action: str):
    client.force_login(user)
    url = reverse("wagtailadmin_pages:add", args=("cms", "newsarticlepage", news_index().pk))
    return client.post(url, article_form("ข่าวใหม่", slug, action))


def test_the_home_page_is_moderated_by_the_moderators_group():
    workflow = thai_home().get_workflow()
    assert workflow is not None and workflow.active
    task = workflow.tasks.get().specific
    assert isinstance(task, GroupApprovalTask)
    assert list(task.groups.values_list("name", flat=True)) == ["ผู้ตรวจเนื้อหา"]


def test_communications_staff_submit_for_moderation_and_an_editor_publishes(
    client, communications, editor
):
    response = add_article(client, communications, "submitted", "action-submit")
    assert response.status_code == 302, response.content.decode()[:2000]
    article = NewsArticlePage.objects.get(slug="submitted")
    assert not article.live
    state = article.current_workflow_state
    assert state is not None and state.status == "in_progress"
    assert client.get("/news/submitted/").status_code == 404

    client.force_login(editor)
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=(article.pk, "approve", state.current_task_state.pk),
    )
    assert client.post(url, {"comment": "อนุมัติ"}).status_code in (200, 302)
    article.refresh_from_db()
    assert article.live
    client.logout()
    response = client.get("/news/submitted/")
    assert response.status_code == 200
    assert "ข่าวใหม่" in response.content.decode()


def test_communications_staff_cannot_publish(client, communications):
    add_article(client, communications, "published-directly", "action-publish")
    article = NewsArticlePage.objects.filter(slug="published-directly").first()
    assert article is None or not article.live
    page = news_index()
    assert not page.permissions_for_user(communications).can_publish()
    assert page.permissions_for_user(communications).can_add_subpage()
    assert page.permissions_for_user(communications).can_edit()


def test_communications_staff_cannot_approve(client, communications, editor):
    add_article(client, communications, "self-approved", "action-submit")
    article = NewsArticlePage.objects.get(slug="self-approved")
    task_state = article.current_workflow_state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(article.pk, "approve", task_state.pk))
    client.post(url, {"comment": ""})
    article.refresh_from_db()
    assert not article.live


def test_the_communications_group_has_only_the_sites_permissions():
    group = Group.objects.get(name="เจ้าหน้าที่ประชาสัมพันธ์")
    model_permissions = {
        f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()
    }
    assert model_permissions <= {
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        "wagtailimages.choose_image",
        "wagtaildocs.choose_document",
    }
    page_permissions = {p.permission.codename for p in group.page_permissions.all()}
    assert page_permissions == {"add_page", "change_page"}
    assert {p.page_id for p in group.page_permissions.all()} == {Page.get_first_root_node().pk}
    collection_permissions = {p.permission.codename for p in group.collection_permissions.all()}
    assert collection_permissions == {
        "add_image",
        "choose_image",
        "add_document",
        "choose_document",
    }


def test_communications_users_hold_no_case_or_process_permission(communications):
    forbidden_apps = {"workflows", "forms_builder", "viewflow", "partners", "auth"}
    held = communications.get_all_permissions()
    assert not [p for p in held if p.split(".")[0] in forbidden_apps]
    assert communications.has_perm("wagtailadmin.access_admin")
    assert not Permission.objects.filter(
        group__name="เจ้าหน้าที่ประชาสัมพันธ์", content_type__app_label__in=forbidden_apps
    ).exists()


def test_communications_staff_upload_images_but_only_change_their_own(communications, editor):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file
    from wagtail.permissions import policy_registry

    Image = get_image_model()
    permission_policy = policy_registry.get_by_type(Image)

    assert permission_policy.user_has_permission(communications, "add")
    assert permission_policy.user_has_permission(communications, "choose")
    theirs = Image.objects.create(title="ภาพ", file=get_test_image_file(), uploaded_by_user=editor)
    assert not permission_policy.user_has_permission_for_instance(communications, "delete", theirs)
    assert not permission_policy.user_has_permission_for_instance(communications, "change", theirs)
