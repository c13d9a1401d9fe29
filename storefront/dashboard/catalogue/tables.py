"""Oscar's product table, usable on a phone and with a screen reader."""

from django.utils.translation import gettext_lazy as _
from django_tables2 import A, Column, DateTimeColumn, TemplateColumn
from oscar.apps.dashboard.catalogue import tables

# On a phone the table keeps what a producer checks daily (title, stock, visibility, actions); the other columns
# come back from 768px, and what is left still scrolls sideways in its box (ocop/js/dashboard.js).
WIDE_SCREENS_ONLY = {"th": {"class": "d-none d-md-table-cell"}, "td": {"class": "d-none d-md-table-cell"}}


class ProductTable(tables.ProductTable):
    # a header with words (Oscar's was empty, and sortable on nothing); each box is named after its product
    checkbox = TemplateColumn(verbose_name=_("Select"), orderable=False,
                              template_name="oscar/dashboard/catalogue/product_row_checkbox.html",
                              attrs={"th": {"class": "column-select"}})
    image = TemplateColumn(verbose_name=_("Image"), orderable=False, attrs=WIDE_SCREENS_ONLY,
                           template_name="oscar/dashboard/catalogue/product_row_image.html")
    variants = TemplateColumn(verbose_name=_("Variants"), orderable=False, attrs=WIDE_SCREENS_ONLY,
                              template_name="oscar/dashboard/catalogue/product_row_variants.html")
    product_class = Column(verbose_name=_("Product type"), accessor=A("product_class"), order_by="product_class__name",
                           attrs=WIDE_SCREENS_ONLY)
    upc = Column(attrs=WIDE_SCREENS_ONLY)  # header: the model field's verbose name, as Oscar's
    date_updated = DateTimeColumn(attrs=WIDE_SCREENS_ONLY)

    class Meta(tables.ProductTable.Meta):  # django-tables2 reads only a Meta written in the class itself
        pass
