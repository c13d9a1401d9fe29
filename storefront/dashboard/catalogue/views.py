from oscar.apps.dashboard.catalogue import views
from oscar.core.loading import get_class, get_model

from storefront.catalogue.thumbnails import make_thumbnails_after_commit

ProductForm = get_class("dashboard.catalogue.forms", "ProductForm")
ProductCategory = get_model("catalogue", "ProductCategory")


class ProductCreateUpdateView(views.ProductCreateUpdateView):
    form_class = ProductForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        return kwargs

    def forms_valid(self, form, formsets):
        response = super().forms_valid(form, formsets)
        product = self.object
        user = self.request.user
        if not user.is_staff and product.producer_id is None:
            # A producer's product is the producer's whose stock record it carries.
            own = product.stockrecords.filter(partner__users=user).values_list("partner_id", flat=True).first()
            if own:
                product.producer_id = own
                product.save()
        group = product.group
        if group is not None and group.category_id and not product.is_child:
            ProductCategory.objects.get_or_create(product=product, category_id=group.category_id)
        images = formsets["image_formset"]
        for image in [*images.new_objects, *(changed for changed, __ in images.changed_objects)]:
            make_thumbnails_after_commit(image)  # a task: the page does not wait for them
        return response
