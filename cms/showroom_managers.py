"""A showroom's manager keeps its list of products carried, in Wagtail's admin, and nothing else: Wagtail's own
page permissions, given to one group per showroom ("Showroom managers: <title>"). Staff add or remove managers
in Settings › Groups, or with `make_manager` (the demo does)."""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

#: What a manager may do to its showroom page: edit (the products carried, hours, phone) and publish.
PAGE_PERMISSIONS = ("change_page", "publish_page")


def managers_group(showroom):
    group, _ = Group.objects.get_or_create(name=f"Showroom managers: {showroom.title}"[:150])
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    for codename in PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group, page=showroom,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename))
    return group


def make_manager(user, showroom):
    user.groups.add(managers_group(showroom))
