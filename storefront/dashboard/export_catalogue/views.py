from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import generic
from oscar.core.loading import get_model

from cms.models.base import public_products
from storefront.export_catalogue.selection import export_products
from storefront.ocop import reference

from .forms import ExportProfileForm

Product = get_model("catalogue", "Product")


def products_for(user):
    queryset = public_products().select_related("current_certificate", "export_profile")
    return queryset if user.is_staff else queryset.filter(producer__users=user).distinct()


class ExportProductListView(generic.ListView):
    """The producer's products with what the export catalogue needs of each."""

    template_name = "oscar/dashboard/export_catalogue/product_list.html"
    context_object_name = "products"
    paginate_by = 50

    def get_queryset(self):
        return products_for(self.request.user).order_by("title", "pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        shown = [product.pk for product in context["products"]]
        context.update(listed=set(export_products().filter(pk__in=shown).values_list("pk", flat=True)),
                       export_stars=reference.programme().export_stars)
        return context


class ExportProfileView(generic.FormView):
    template_name = "oscar/dashboard/export_catalogue/profile_form.html"
    form_class = ExportProfileForm
    model = Product

    def dispatch(self, request, *args, **kwargs):
        self.product = get_object_or_404(products_for(request.user), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(product=self.product, instance=getattr(self.product, "export_profile", None))
        return kwargs

    def get_context_data(self, **kwargs):
        listed = export_products().filter(pk=self.product.pk).exists()
        return super().get_context_data(product=self.product, listed=listed,
                                        export_stars=reference.programme().export_stars, **kwargs)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)

    @transaction.atomic
    def form_valid(self, form):
        form.save()
        if export_products().filter(pk=self.product.pk).exists():
            messages.success(self.request, _("Export details saved: the product is in the export catalogue."))
        else:
            messages.info(self.request, _("Export details saved. The product joins the export catalogue while it "
                                          "holds a valid 4 or 5-star certificate."))
        return redirect("dashboard:export-product-list")
