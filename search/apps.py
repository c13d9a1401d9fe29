from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarConfig
from oscar.core.loading import get_class


class SearchConfig(OscarConfig):
    """Replaces Oscar's haystack search app (same label, so Oscar's catalogue views load ours)."""

    label = "search"
    name = "search"
    verbose_name = _("Search")
    namespace = "search"

    def ready(self):
        self.search_view = get_class("search.views", "SearchView")
        from django.db.models.signals import post_delete, post_save

        from . import signals, synonyms

        signals.connect()
        for signal in (post_save, post_delete):
            signal.connect(synonyms.forget, sender="search.Synonym", dispatch_uid=f"search-synonyms-{signal}")

    def get_urls(self):
        return self.post_process_urls([path("", self.search_view.as_view(), name="search")])
