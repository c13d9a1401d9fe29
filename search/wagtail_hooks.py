"""Staff edit the search synonyms in Wagtail's admin (Snippets > Search synonyms); a save is seen by the next
search (search/synonyms.py drops its cache)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Synonym


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = _("Search synonyms")
    list_display = ["terms", "kind", "one_way", "groups", "updated_at"]
    list_filter = ["kind"]
    search_fields = ["terms", "key"]
    ordering = ["kind", "key"]


register_snippet(SynonymViewSet)
