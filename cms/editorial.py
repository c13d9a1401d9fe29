"""People and permissions for the content site, set up idempotently (load_demo calls it):

- "Programme staff" publish campaigns, fairs, news and everything else under the home page, and approve;
- "Editors" draft and submit pages to the "Programme approval" workflow (a GroupApprovalTask for Programme staff);
- producers get no Wagtail permission at all (no wagtailadmin.access_admin), so /cms/ turns them away.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import (Collection, GroupApprovalTask, GroupCollectionPermission, GroupPagePermission, Page,
                            Workflow, WorkflowPage, WorkflowTask)

PROGRAMME_STAFF = "Programme staff"
EDITORS = "Editors"
WORKFLOW_NAME = "Programme approval"
TASK_NAME = "Programme staff review"
STAFF_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
IMAGE_PERMISSIONS = ["add_image", "choose_image", "change_image"]
DOCUMENT_PERMISSIONS = ["add_document", "choose_document", "change_document"]
# Reviewed trees: every index page that editors draft under (campaigns, fairs, news, stories...).
WORKFLOW_TREES = ["cms.StoryIndexPage", "cms.ProvinceIndexPage", "cms.CampaignIndexPage", "cms.FairIndexPage",
                  "cms.ShowroomIndexPage", "cms.NewsIndexPage"]


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _grant(group, home, page_codenames):
    group.permissions.add(_permission("wagtailadmin", "access_admin"))
    for codename in page_codenames:
        GroupPagePermission.objects.get_or_create(group=group, page=home,
                                                  permission=_permission("wagtailcore", codename))
    root_collection = Collection.get_first_root_node()
    for app_label, codenames in (("wagtailimages", IMAGE_PERMISSIONS), ("wagtaildocs", DOCUMENT_PERMISSIONS)):
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(group=group, collection=root_collection,
                                                            permission=_permission(app_label, codename))


def ensure_editorial_setup(home):
    """Creates (or completes) the two groups, their rights on `home`'s tree and the approval workflow."""
    staff, _created = Group.objects.get_or_create(name=PROGRAMME_STAFF)
    editors, _created = Group.objects.get_or_create(name=EDITORS)
    _grant(staff, home, STAFF_PAGE_PERMISSIONS)
    _grant(editors, home, EDITOR_PAGE_PERMISSIONS)

    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(staff)
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for model in WORKFLOW_TREES:
        app_label, model_name = model.split(".")
        for page in Page.objects.child_of(home).filter(content_type__app_label=app_label,
                                                        content_type__model=model_name.lower()):
            WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return staff, editors, workflow
