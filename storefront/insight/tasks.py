"""The insight page's periodic work (storefront/background/schedule.py): its default view computed ahead."""

from django_tasks import task

from . import snapshots


@task()
def warm_staff_insight():
    """Recompute the staff page's default view in every language, so staff opening it never wait."""
    snapshots.warm_default_views()
