from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Believable demo content (`manage.py load_demo`), so the first run looks like a real marketplace."""

    name = "storefront.demo"
    label = "demo"
