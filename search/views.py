"""Product listing pages (/search/, /catalogue/, category pages) and the JSON API, all over one interface."""

from decimal import ROUND_HALF_UP, Decimal
from types import SimpleNamespace
from urllib.parse import urlencode

from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from oscar.core.loading import get_model

from storefront.catalogue.caching import FRAGMENT_TIMEOUT, prices_and_stock, remember, visitor_key
from storefront.catalogue.pricing import unit_price
from storefront.http_caching import public_for_anonymous
from storefront.kept_pages import kept_page
from storefront.params import BadParameter, shown, single, text
from storefront.site_url import absolute_url

from . import records
from .interface import parse_params, suggest
from .params import MAX_QUERY_LENGTH, BadSearchRequest
from .remembered import remembered_search

Category = get_model("catalogue", "Category")


#: Stands for the search's record in a listing kept whole (storefront/kept_pages.py); never a valid id.
KEPT_RECORD = SimpleNamespace(pk="ocop-search-record-placeholder")


class ListingView(View):
    template_name = "oscar/search/results.html"
    title = ""

    def fixed_params(self):
        return None

    def get(self, request, *args, **kwargs):
        try:
            params = parse_params(request.GET, fixed=self.fixed_params())
        except BadSearchRequest as error:
            return render(request, "oscar/search/bad_request.html", {"message": str(error)}, status=400)
        results = remembered_search(params)
        self.params, self.results = params, results
        # recorded before the page renders, kept or not: the result list carries the record's id for click reports
        record = self.record()
        context = {
            "params": params,
            "results": results,
            "products": results.products,
            "summary": self.get_title(params),
            "chips": self.chips(params, results),
            "sort_options": SORT_LABELS,
            "did_you_mean_url": self.did_you_mean_url(results),
            "exact_url": self.exact_url(results),
            # a page kept whole holds a stand-in, and each request puts its own record's id in
            "search_record": KEPT_RECORD if record else None,
        }
        context.update(self.extra_context())
        return kept_page(
            request, "listing",
            lambda: (results.remembered_as, prices_and_stock(results.product_ids), bool(record)),
            lambda: TemplateResponse(request, self.template_name, context),
            fills={KEPT_RECORD.pk: str(record.pk)} if record else None)

    def record(self):
        return None

    def extra_context(self):
        return {}

    def get_title(self, params):
        return self.title

    def did_you_mean_url(self, results):
        if not results.did_you_mean or results.corrected_query:
            return ""
        query = self.request.GET.copy()
        query.pop("page", None)
        query["q"] = results.did_you_mean
        return "?" + query.urlencode()

    def exact_url(self, results):
        """When the correction's results are shown: the link that searches the words as typed, exactly."""
        if not results.corrected_query:
            return ""
        query = self.request.GET.copy()
        query.pop("page", None)
        query["exact"] = "1"
        return "?" + query.urlencode()

    def chips(self, params, results):
        """The active filters, each with the link that removes it."""
        chips = []
        labels = {(facet.name, value.key): value.label for facet in results.facets for value in facet.values}
        base = self.request.GET.copy()
        base.pop("page", None)
        for name in ("group", "province", "stars", "price", "producer_type"):
            selected = [str(value) for value in getattr(params, name)]
            for value in selected:
                remaining = base.copy()
                remaining.setlist(name, [other for other in selected if other != value])
                chips.append({"label": labels.get((name, value), value), "url": "?" + remaining.urlencode()})
        return chips


SORT_LABELS = [
    ("relevance", _("Most relevant")),
    ("stars", _("Most stars")),
    ("price_asc", _("Price: low to high")),
    ("price_desc", _("Price: high to low")),
    ("newest", _("Newest")),
]


class SearchView(ListingView):
    def record(self):
        return records.record(self.params, self.results, "page")

    def get_title(self, params):
        return _("Results for “%(q)s”") % {"q": params.q} if params.q else _("All OCOP products")


class CatalogueView(ListingView):
    """Oscar's /catalogue/ (loaded by Oscar's catalogue app through get_class('search.views', ...))."""

    title = _("All OCOP products")


class ProductCategoryView(ListingView):
    """A category page: a taxonomy sector or group, with the other facets still available."""

    def get(self, request, *args, **kwargs):
        self.category = get_object_or_404(Category, pk=kwargs["pk"])
        if not (self.category.is_public or request.user.is_staff):
            raise Http404()
        if self.category.get_absolute_url() != request.path:
            return HttpResponsePermanentRedirect(self.category.get_absolute_url())
        return super().get(request, *args, **kwargs)

    def fixed_params(self):
        node = getattr(self.category, "taxonomy_node", None)
        return {"group": (node.code,)} if node else None

    def get_title(self, params):
        return self.category.name

    def extra_context(self):
        return {"category": self.category}


@method_decorator(public_for_anonymous(max_age=60), name="get")
class SearchApiView(View):
    """GET /api/search/: the same search as JSON for partners (e-commerce floors, provincial portals)."""

    def get(self, request):
        try:
            params = parse_params(request.GET)
        except BadSearchRequest as error:
            return JsonResponse({"error": str(error)}, status=400)
        results = remembered_search(params)
        record = records.record(params, results, "api")
        response = JsonResponse({
            "total": results.total,
            "page": results.page,
            "num_pages": results.num_pages,
            "backend": results.backend,
            "did_you_mean": results.did_you_mean,
            # set when the words found nothing and these results are the correction's
            "corrected_query": results.corrected_query,
            **remember(
                visitor_key(request, "search-api", results.remembered_as, prices_and_stock(results.product_ids)),
                lambda: results_json(request, results), FRAGMENT_TIMEOUT),
        }, json_dumps_params={"ensure_ascii": False})
        if record:
            # With a result's position, what a client reports to /api/search/click/ when a buyer opens it. A header,
            # not the body: the body (and so its ETag) stays the same for the same answer, so shared caches and
            # If-None-Match keep working; a client shown a kept answer reports clicks on the search that made it.
            response["X-Search-Id"] = str(record.pk)
        return response


@method_decorator(csrf_exempt, name="dispatch")
class SearchClickApiView(View):
    """POST /api/search/click/ (search=<record id>&product=<id>&position=<1-based>): a result was opened.

    Sent by navigator.sendBeacon (static/ocop/js/search-clicks.js), which cannot add a CSRF header, so the
    endpoint is exempt and trusts nothing instead: it only adds a click, nothing personal, to a search made in
    the last hours, at most MAX_CLICKS_PER_SEARCH per search. 204 when noted; 400 with the reason otherwise."""

    http_method_names = ["post"]

    def post(self, request):
        try:
            records.record_click(request.POST)
        except BadParameter as error:
            return JsonResponse({"error": str(error)}, status=400)
        except records.TooManyClicks:
            return JsonResponse({"error": str(_("This search has reported all the clicks it may."))}, status=429)
        return HttpResponse(status=204)


def results_json(request, results):
    """The API's products and facets: kept like a listing's fragments, so a repeated search reads no product."""
    return {
        "results": [product_json(request, product) for product in results.products],
        "facets": {
            facet.name: [
                {"key": v.key, "label": str(v.label), "count": v.count, "selected": v.selected}
                for v in facet.values
            ]
            for facet in results.facets
        },
    }


def product_json(request, product):
    price = unit_price(request, product)
    image = product.primary_image()
    group = product.group
    return {
        "id": product.pk,
        "title": product.title,
        "url": absolute_url(product.get_absolute_url()),
        # What one unit costs the buyer now (a running offer included) and, when an offer lowers it, the full price.
        "price": _in_dong(price.now) if price else None,
        "full_price": _in_dong(price.full) if price and price.is_discounted else None,
        "currency": price.currency if price else None,
        "stars": product.ocop_stars,
        "province": product.origin_province.name if product.origin_province else None,
        "group": group.name if group else None,
        "producer": product.producer.name if product.producer else None,
        "image": absolute_url(image.original.url) if getattr(image, "original", None) else None,
    }


def _in_dong(amount):
    """A price for the API: a whole number of đồng."""
    return int(amount.quantize(Decimal(1), ROUND_HALF_UP))


@method_decorator(public_for_anonymous(max_age=60), name="get")
class SuggestApiView(View):
    """GET /api/search/suggest?q=: products and groups whose words start with what was typed."""

    def get(self, request):
        try:
            unknown = sorted(set(request.GET) - {"q"})
            if unknown:
                raise BadParameter(_("Unknown parameters: %(names)s. Use q.") % {"names": shown(", ".join(unknown))})
            q = text(single(request.GET, "q"), "q", max_length=MAX_QUERY_LENGTH)
        except BadParameter as error:
            return JsonResponse({"error": str(error)}, status=400)
        found = suggest(q)
        return JsonResponse({
            "q": q,
            "products": [
                {"id": pk, "title": title, "url": absolute_url(
                    reverse("catalogue:detail", kwargs={"product_slug": slug, "pk": pk}))}
                for pk, title, slug in found["products"]
            ],
            "groups": [
                {"key": code, "label": name,
                 "url": absolute_url(reverse("search:search") + "?" + urlencode({"group": code}))}
                for code, name in found["groups"]
            ],
        }, json_dumps_params={"ensure_ascii": False})
