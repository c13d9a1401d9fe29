"""Which products the export catalogue lists, and how a request narrows them. One owner for both the page and
the PDF, so the PDF always prints what the page shows."""

from django.conf import settings
from django.db.models import Count
from django.utils.translation import gettext as _

from cms.models.base import public_products
from search import facets
from search.backends.database import understanding_groups_q
from search.interface import parse_params
from storefront.ocop import reference
from storefront.ocop.models import badge_q, today
from storefront.params import BadParameter, choice, single

LANGUAGES = ("en", "vi")
#: Products one PDF prints at most: a catalogue, not a database dump. The cover says when there were more.
PDF_LIMIT = 200


def catalogue_language(request):
    """?lang= if given, else the language the visitor chose with the site's switcher (its cookie), else English:
    the catalogue is for importers first."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    default = chosen if chosen in LANGUAGES else "en"
    return choice(single(request.GET, "lang") or default, "lang", LANGUAGES)


def parse(querydict):
    """SearchParams of the shop's filters (group, province, stars, page); a malformed one is a BadParameter."""
    query = querydict.copy()
    query.pop("lang", None)
    params = parse_params(query)
    if params.q or params.price or params.producer_type or params.sort != "relevance":
        raise BadParameter(_("The export catalogue filters by group, province and stars only."))
    wrong = [stars for stars in params.stars if stars not in reference.programme().export_stars]
    if wrong:
        raise BadParameter(_("The export catalogue lists %(stars)s-star products only.")
                           % {"stars": "–".join(map(str, reference.programme().export_stars))})
    return params


def export_candidates(day=None):
    """Public 4–5★ products whose certificate shows its badge on `day`: listed once they have export details."""
    return public_products().filter(badge_q(day or today()),
                                    current_certificate__stars__gte=reference.programme().export_min_stars)


def export_products(day=None):
    """The export candidates whose producer added export details."""
    return (export_candidates(day)
            .filter(export_profile__isnull=False)
            .select_related("export_profile", "current_certificate", "producer", "producer__province",
                            "origin_province", "classification__parent")
            .prefetch_related("images"))


def _filtered(queryset, params, leave_out=None):
    if params.group and leave_out != "group":
        queryset = queryset.filter(understanding_groups_q(params.group))
    if params.province and leave_out != "province":
        queryset = queryset.filter(origin_province__code__in=params.province)
    if params.stars and leave_out != "stars":
        queryset = queryset.filter(current_certificate__stars__in=params.stars)
    return queryset


def select(params, day=None):
    """(products ordered most stars first, facets counted as the shop counts them: each with the others' filters)."""
    base = export_products(day)
    products = _filtered(base, params).order_by("-current_certificate__stars", "title", "pk")

    def counts(field, leave_out):
        rows = _filtered(base, params, leave_out).order_by().values(field).annotate(n=Count("pk", distinct=True))
        return {row[field]: row["n"] for row in rows}

    stars_facet = facets.stars_facet(counts("current_certificate__stars", "stars"), params)
    export_stars = {str(stars) for stars in reference.programme().export_stars}
    stars_facet.values = [value for value in stars_facet.values if value.key in export_stars]
    return products, [
        facets.group_facet(counts("classification__parent__code", "group"), params),
        facets.province_facet(counts("origin_province__code", "province"), params),
        stars_facet,
    ]


def describe(params, facet_list):
    """The chosen filters as words ("Tea · Son La · 5 stars"), for the PDF's cover."""
    chosen = [value.label for facet in facet_list for value in facet.values if value.selected]
    return " · ".join(str(label) for label in chosen)

