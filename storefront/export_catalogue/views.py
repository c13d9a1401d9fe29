"""/export/: the export catalogue page and its PDF, from the same selection (selection.py)."""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.text import slugify
from django.views import View

from storefront.ocop.models import today
from storefront.params import BadParameter

from . import selection

PER_PAGE = 24


class CatalogueRequestMixin:
    """A filter the catalogue cannot read is a 400 that says which and why."""

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except BadParameter as error:
            return render(request, "export_catalogue/bad_request.html", {"message": str(error)}, status=400)


class ExportCatalogueView(CatalogueRequestMixin, View):
    template_name = "export_catalogue/catalogue.html"

    def get(self, request):
        language = selection.catalogue_language(request)
        other = "vi" if language == "en" else "en"
        switched = request.GET.copy()
        switched["lang"] = other
        with translation.override(language):
            params = selection.parse(request.GET)
            products, facet_list = selection.select(params)
            total = products.count()
            start = (params.page - 1) * PER_PAGE
            response = render(request, self.template_name, {
                "products": list(products[start:start + PER_PAGE]), "total": total, "facets": facet_list,
                "page": params.page, "has_next": start + PER_PAGE < total, "has_previous": params.page > 1,
                "catalogue_language": language, "other_language": other,
                "other_language_url": "?" + switched.urlencode(),
                "pdf_query": request.GET.urlencode(),
            })
        response["Content-Language"] = language
        return response


class ExportCataloguePdfView(CatalogueRequestMixin, View):
    """The PDF of the page's current selection (its filters, all pages), in the page's language."""

    def get(self, request):
        from .pdf import catalogue_pdf  # imported here: reportlab costs every web worker ~7 MB

        language = selection.catalogue_language(request)
        with translation.override(language):
            params = selection.parse(request.GET)
            products, facet_list = selection.select(params)
            data = catalogue_pdf(products, selection.describe(params, facet_list))
        response = HttpResponse(data, content_type="application/pdf")
        name = slugify(f"ocop-export-catalogue-{language}-{today().isoformat()}")
        response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
        return response
