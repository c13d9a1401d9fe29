"""What the index knows it has missed: durable, so a restart or a dead node loses nothing."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SyncState(models.Model):
    """When the index behind an alias last caught up with the database completely (rebuild or --sync)."""

    name = models.CharField(_("index alias"), max_length=100, unique=True)
    synced_at = models.DateTimeField(_("last successful sync"))

    class Meta:
        verbose_name = _("search index state")

    def __str__(self):
        return f"{self.name} @ {self.synced_at:%Y-%m-%d %H:%M}"


class StaleProduct(models.Model):
    """A product whose latest change did not reach the index (the node was unreachable)."""

    # not a foreign key: a deleted product must still be removed from the index
    product_id = models.PositiveBigIntegerField(unique=True)
    noted_at = models.DateTimeField()

    class Meta:
        verbose_name = _("product waiting for the search index")


class Synonym(models.Model):
    """Words buyers use for the same thing ('lạc' / 'đậu phộng', 'cafe' / 'cà phê'), applied to queries when they
    are searched (search/synonyms.py), so a change needs no reindex. Loaded from fixtures/search_synonyms.json;
    staff edit them in Wagtail's admin."""

    class Kind(models.TextChoices):
        REGIONAL = "regional", _("Regional words")
        SHORTHAND = "shorthand", _("Shorthand")
        LOANWORD = "loanword", _("Loanwords")
        GIFT = "gift", _("Gift words")

    key = models.SlugField(_("key"), max_length=80, unique=True,
                           help_text=_("A stable name for this row; the synonym file's rows use it."))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.REGIONAL)
    terms = models.TextField(_("words"), help_text=_(
        "Words or phrases that mean the same, separated by commas, e.g. “lạc, đậu phộng”. A search for any of "
        "them also finds the others."))
    one_way = models.BooleanField(_("one way"), default=False, help_text=_(
        "The first word is what the others stand for (“nước, nc”): “nc” finds “nước”, not the reverse."))
    groups = models.CharField(_("product groups"), max_length=200, blank=True, help_text=_(
        "Taxonomy codes, separated by commas (e.g. “1.5, 2.1”): these words also find every product of "
        "those groups."))
    source_version = models.CharField(_("from synonym file version"), max_length=40, blank=True, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")
        ordering = ["kind", "key"]

    def __str__(self):
        return self.terms

    def term_list(self):
        return [term.strip() for term in self.terms.split(",") if term.strip()]

    def group_list(self):
        return [code.strip() for code in self.groups.split(",") if code.strip()]


class SearchRecord(models.Model):
    """One search a buyer made (page 1 of /search/ or /api/search/ with words): what was typed, what it found
    and how. No personal data: no user, session, IP address or user agent.

    Read it for staff reports: top queries over a period (group by `folded` where `searched_at` in the period),
    zero-result queries (the same with `results=0`: a partial index serves it), and corrections that rescued
    a search (`corrected_to` not empty)."""

    query = models.CharField(_("query as typed"), max_length=200)
    folded = models.CharField(_("query folded"), max_length=200,
                              help_text=_("Lower case, without diacritics: the key to group queries by."))
    results = models.PositiveIntegerField(_("results"), help_text=_("Products found (for the correction, "
                                                                    "when one was shown)."))
    corrected_to = models.CharField(_("corrected to"), max_length=200, blank=True, help_text=_(
        "The did-you-mean correction whose results were shown because the query found nothing."))
    filters = models.JSONField(_("filters used"), default=list, blank=True,
                               help_text=_("Names of the facets that were selected, e.g. [\"province\", \"stars\"]."))
    backend = models.CharField(_("search backend"), max_length=20)
    source = models.CharField(_("where"), max_length=10, help_text=_("“page” (/search/) or “api” (/api/search/)."))
    searched_at = models.DateTimeField(_("searched at"))  # indexed with the query: see Meta.indexes

    class Meta:
        verbose_name = _("search made")
        verbose_name_plural = _("searches made")
        indexes = [
            models.Index(fields=["searched_at", "folded"], name="search_record_period_query"),
            models.Index(fields=["searched_at", "folded"], condition=models.Q(results=0),
                         name="search_record_zero_results"),
        ]

    def __str__(self):
        return f"{self.query} ({self.results})"


class SearchWord(models.Model):
    """Every word of every product's search text (search/matching.py): a typed word the catalogue does not know
    matches the known words one edit away. On PostgreSQL a trigger on catalogue_product adds the words of each
    inserted or updated row (search/migrations/0002_database_search.py), so bulk loads fill it too; words are
    never removed (a word no product has any more only widens a typo to a word that finds nothing). Words longer
    than 100 letters are left out: nobody mistypes those."""

    word = models.CharField(max_length=100, unique=True)

    class Meta:
        verbose_name = _("word in the catalogue")


class SearchClick(models.Model):
    """A result a buyer opened from a search (the beacon sent by search-clicks.js to /api/search/click/): with
    SearchRecord it gives the click-through rate per query and the position buyers click. Nothing personal: no
    user, session, IP address or user agent."""

    record = models.ForeignKey(SearchRecord, on_delete=models.CASCADE, related_name="clicks",
                               verbose_name=_("search made"))
    # not a foreign key: a deleted product keeps its history, and reports need no join to count clicks
    product_id = models.PositiveBigIntegerField(_("product id"))
    position = models.PositiveSmallIntegerField(_("position"), help_text=_("1 for the first result on the page."))
    clicked_at = models.DateTimeField(_("clicked at"))

    class Meta:
        verbose_name = _("search result opened")
        verbose_name_plural = _("search results opened")
        indexes = [models.Index(fields=["clicked_at"], name="search_click_period")]

    def __str__(self):
        return f"{self.record_id} #{self.position} → {self.product_id}"
