"""Province pages: regional content around one current province, its products (through the search
interface, with the province fixed), its producers, upcoming fairs and showrooms."""

from django.db import models
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model
from wagtail.admin.panels import FieldPanel

from storefront.ocop.collation import Vietnamese
from storefront.ocop.models import today

from .base import ContentPage, IndexPage

PRODUCTS_PER_PAGE = 12


class ProvinceIndexPage(IndexPage):
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.ProvincePage"]

    class Meta:
        verbose_name = _("province index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["province_pages"] = (ProvincePage.objects.child_of(self).live()
                                     .select_related("province").order_by(Vietnamese("province__name")))
        return context


class ProvincePage(ContentPage):
    province = models.OneToOneField("ocop.Province", verbose_name=_("province/city"), on_delete=models.PROTECT,
                                    related_name="page")
    content_panels = ContentPage.content_panels[:1] + [FieldPanel("province")] + ContentPage.content_panels[1:]
    parent_page_types = ["cms.ProvinceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("province page")

    def search_products(self, querydict):
        """The province's products, asked of the search interface like any listing, with the province fixed;
        a bad `page`/`sort` is the interface's BadSearchRequest (a 400)."""
        from search.interface import parse_params, run_search

        wanted = QueryDict(mutable=True)
        for key in ("page", "sort"):
            if key in querydict:
                wanted.setlist(key, querydict.getlist(key))
        params = parse_params(wanted, fixed={"province": (self.province.code,)})
        return run_search(params, per_page=PRODUCTS_PER_PAGE)

    def serve(self, request, *args, **kwargs):
        from django.shortcuts import render

        from search.params import BadSearchRequest

        try:
            return super().serve(request, *args, **kwargs)
        except BadSearchRequest as error:
            return render(request, "oscar/search/bad_request.html", {"message": str(error)}, status=400)

    def get_context(self, request, *args, **kwargs):
        from .fairs import FairPage
        from .showrooms import ShowroomPage

        context = super().get_context(request, *args, **kwargs)
        Partner = get_model("partner", "Partner")
        context["results"] = self.search_products(request.GET)
        context["producers"] = (Partner.objects.filter(province=self.province, products__is_public=True)
                                .distinct().order_by(Vietnamese("name")))
        context["fairs"] = FairPage.upcoming(today()).filter(province=self.province)
        context["showrooms"] = ShowroomPage.objects.live().filter(province=self.province).order_by("title")
        return context
