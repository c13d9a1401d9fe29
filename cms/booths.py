"""A fair booth's "products shown" in Wagtail's admin: only the booth producer's products are offered (ticked in
a list that follows the producer chosen above it) and only they are accepted, whatever the browser sends."""

from django import forms
from django.http import JsonResponse
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.apps import apps
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.admin.panels import InlinePanel
from wagtail.admin.panels.base import get_form_for_model

from storefront.params import BadParameter, MAX_ID, single, whole_number

from .models.base import public_products

#: How many products a booth shows on the fair's page.
BOOTH_SHOWS = 4


def producer_products(producer_id):
    return public_products().filter(producer_id=producer_id).order_by("title")


class BoothProductsWidget(forms.CheckboxSelectMultiple):
    """Checkboxes of one producer's products. booth-products.js refills them from `source_url` when the
    booth's producer changes, so a new booth needs no save before its products can be chosen."""

    template_name = "cms/widgets/booth_products.html"
    source_url = reverse_lazy("cms_booth_products")

    class Media:
        js = ["ocop/js/booth-products.js"]

    def __init__(self, attrs=None, choices=()):
        super().__init__(attrs, choices)
        self.producer_chosen = False

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"].update(source_url=str(self.source_url), producer_chosen=self.producer_chosen)
        return context


class BoothForm(WagtailAdminModelForm):
    """Offers the products of the booth's producer (the one submitted, else the saved one), and refuses a
    product of another producer with a message naming it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("featured_products")
        if field is None:
            return
        producer_id = self.chosen_producer_id()
        offered = list(producer_products(producer_id)) if producer_id else []
        if self.instance.pk and not self.is_bound:  # show what is saved, even if it is no longer the producer's
            offered += [product for product in self.instance.featured_products.all() if product not in offered]
        field.widget.choices = [(product.pk, product.title) for product in offered]
        field.widget.producer_chosen = bool(producer_id)

    def chosen_producer_id(self):
        value = self.data.get(self.add_prefix("producer")) if self.is_bound else self.instance.producer_id
        try:
            return whole_number(value, "producer", minimum=1, maximum=MAX_ID) if value else None
        except BadParameter:
            return None  # the producer field reports it

    def clean(self):
        cleaned = super().clean()
        producer, products = cleaned.get("producer"), cleaned.get("featured_products")
        if producer is not None and products:
            others = [product.title for product in products if product.producer_id != producer.pk]
            if others:
                self.add_error("featured_products", _(
                    "Only products of %(producer)s can be shown at its booth; not: %(products)s.")
                    % {"producer": producer.name, "products": "; ".join(others)})
        if products and len(products) > BOOTH_SHOWS:
            self.add_error("featured_products", _("Choose at most %(count)s products: the booth shows %(count)s.")
                           % {"count": BOOTH_SHOWS})
        return cleaned


class BoothInlinePanel(InlinePanel):
    """Wagtail's InlinePanel with BoothForm as the booths' form (Wagtail builds child forms from the panels
    alone, with WagtailAdminModelForm, unless given one)."""

    def get_form_options(self):
        options = super().get_form_options()
        formset = options["formsets"][self.relation_name]
        deferred = self.child_edit_handler.get_form_options().get("defer_required_on_fields", [])
        formset["form"] = get_form_for_model(self.db_field.related_model, form_class=BoothForm,
                                             defer_required_on_fields=deferred)
        return options


def booth_products(request):
    """The producer's products as the booth's checkboxes list them (admin URL: Wagtail requires admin access)."""
    try:
        producer_id = whole_number(single(request.GET, "producer"), "producer", minimum=1, maximum=MAX_ID)
    except BadParameter as error:
        return JsonResponse({"error": str(error)}, status=400)
    return JsonResponse({"products": [{"id": product.pk, "title": product.title}
                                      for product in producer_products(producer_id)]})


class FairPageForm(WagtailAdminPageForm):
    """Refuses to remove a zone or booth size that producers' applications name (the applications keep
    theirs), with a message instead of an error on publish."""

    def clean(self):
        cleaned = super().clean()
        BoothApplication = apps.get_model("tradedesk", "BoothApplication")
        for relation, field, message in (
                ("booth_zones", "zone", _("Zone %(name)s has accepted booths: move them before removing it.")),
                ("booth_sizes", "size", _("Producers applied for size %(name)s: keep it, or decline them first."))):
            formset = self.formsets.get(relation)
            if formset is None or not formset.is_bound:
                continue
            for form in formset.deleted_forms:
                if form.instance.pk and BoothApplication.objects.filter(**{field: form.instance}).exists():
                    self.add_error(None, message % {"name": form.instance})
        return cleaned
