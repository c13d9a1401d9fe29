from oscar import config
from django.urls import path


class OcopShopConfig(config.Shop):
    """Oscar's shop without its home-page redirect: Wagtail serves '/' (the home page is content)."""

    def get_urls(self):
        from wagtail import views as wagtail_views

        urls = [url for url in super().get_urls() if getattr(url, "name", None) != "home"]
        return [path("", wagtail_views.serve, {"path": ""}, name="home"), *urls]
