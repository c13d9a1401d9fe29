"""The admin's product chooser: editors pick Oscar products in pages (FieldPanel on a ForeignKey) and in
StreamField blocks (ProductChooserBlock). Registered in wagtail_hooks.py."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.views.generic import chooser as chooser_views
from wagtail.admin.viewsets.chooser import ChooserViewSet

from storefront.ocop.text import fold


class ProductFilterForm(BaseFilterForm):
    """Matches the folded search text, so 'nuoc mam' finds 'Nước mắm' as on the storefront."""

    q = forms.CharField(label=_("Search term"), required=False,
                        widget=forms.TextInput(attrs={"placeholder": _("Search")}))

    def filter(self, objects):
        objects = super().filter(objects)
        query = self.cleaned_data.get("q")
        if query:
            for word in fold(query).split():
                objects = objects.filter(search_text__icontains=word)
            self.is_searching = True
            self.search_query = query
        return objects


class ProductChooseMixin:
    filter_form_class = ProductFilterForm


class ProductChooseView(ProductChooseMixin, chooser_views.ChooseView):
    pass


class ProductChooseResultsView(ProductChooseMixin, chooser_views.ChooseResultsView):
    pass


class ProductChooserViewSet(ChooserViewSet):
    model = "catalogue.Product"
    icon = "tag"
    choose_one_text = _("Choose a product")
    choose_another_text = _("Choose another product")
    choose_view_class = ProductChooseView
    choose_results_view_class = ProductChooseResultsView
    per_page = 20

    def get_object_list(self):
        from oscar.core.loading import get_model

        Product = get_model("catalogue", "Product")
        return (Product.objects.filter(structure__in=[Product.STANDALONE, Product.PARENT])
                .select_related("origin_province").order_by("title"))


product_chooser_viewset = ProductChooserViewSet("product_chooser", url_prefix="products/chooser")
