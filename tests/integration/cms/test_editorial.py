"""Editors draft and submit; Programme staff approve and publish; producers never reach the Wagtail admin."""

from datetime import date

import pytest
from django.contrib.auth.models import Group
from oscar.core.loading import get_model

from cms.editorial import EDITORS, PROGRAMME_STAFF
from cms.models import FairIndexPage, NewsIndexPage, NewsPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_today")]
Partner = get_model("partner", "Partner")


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", "editor@example.vn", "pw-editor-1")
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


@pytest.fixture
def staff(django_user_model):
    user = django_user_model.objects.create_user("programme", "programme@example.vn", "pw-staff-1")
    user.groups.add(Group.objects.get(name=PROGRAMME_STAFF))
    return user


def test_editor_cannot_publish_but_programme_staff_can(editor, staff):
    index = NewsIndexPage.objects.get()
    assert index.permissions_for_user(editor).can_add_subpage()
    assert not index.permissions_for_user(editor).can_publish_subpage()
    assert index.permissions_for_user(staff).can_publish_subpage()
    assert FairIndexPage.objects.get().permissions_for_user(staff).can_publish_subpage()


def test_news_tree_is_under_the_programme_approval_workflow():
    workflow = NewsIndexPage.objects.get().get_workflow()
    assert workflow is not None and workflow.name == "Programme approval"
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == [PROGRAMME_STAFF]


def test_editor_submits_staff_approve_and_the_page_goes_live(client, editor, staff):
    index = NewsIndexPage.objects.get()
    draft = index.add_child(instance=NewsPage(title="Tin thử quy trình duyệt", slug="tin-thu-quy-trinh-duyet",
                                              date=date(2026, 11, 23), summary="Bản nháp của biên tập viên.",
                                              live=False, owner=editor))
    draft.save_revision(user=editor)
    workflow_state = draft.get_workflow().start(draft, editor)
    assert workflow_state.status == workflow_state.STATUS_IN_PROGRESS
    assert client.get(draft.url).status_code == 404  # not live yet

    task_state = workflow_state.current_task_state
    assert task_state.task.specific.user_can_access_editor(draft, staff)
    assert not task_state.task.specific.get_actions(draft, editor)  # an editor cannot approve
    task_state.approve(user=staff)

    draft.refresh_from_db()
    workflow_state.refresh_from_db()
    assert workflow_state.status == workflow_state.STATUS_APPROVED
    assert draft.live
    assert "Tin thử quy trình duyệt" in client.get(draft.url).content.decode()


def test_editor_submits_through_the_admin(client, editor):
    index = NewsIndexPage.objects.get()
    client.force_login(editor)
    response = client.post(f"/cms/pages/add/cms/newspage/{index.pk}/", {
        "title": "Tin gửi qua quản trị", "slug": "tin-gui-qua-quan-tri", "date": "2026-11-23",
        "summary": "Gửi duyệt.", "body-count": "0", "action-submit": "Submit to Programme approval",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    page = NewsPage.objects.get(slug="tin-gui-qua-quan-tri")
    assert not page.live
    assert page.current_workflow_state is not None and page.current_workflow_state.status == "in_progress"


def test_producers_cannot_reach_the_wagtail_admin(client, django_user_model):
    producer = Partner.objects.first()
    user = django_user_model.objects.create_user("producer-x", "producer-x@example.vn", "pw-producer-1")
    producer.users.add(user)
    assert not user.has_perm("wagtailadmin.access_admin")
    client.force_login(user)
    response = client.get("/cms/")
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "/cms/login/" in response["Location"] or "login" in response["Location"]


def test_product_chooser_finds_products_typed_without_diacritics(client, staff):
    client.force_login(staff)
    response = client.get("/cms/products/chooser/results/", {"q": "nuoc mam phu quoc"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nước mắm Phú Quốc 40 độ đạm" in html and "Chè đinh Tân Cương" not in html
