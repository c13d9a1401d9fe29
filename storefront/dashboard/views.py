from oscar.apps.dashboard import views
from oscar.core.loading import get_model

from storefront.ocop.models import Certificate, today
from storefront.ocop.rules import Status

Product = get_model("catalogue", "Product")


class IndexView(views.IndexView):
    """Staff keep Oscar's shop-wide statistics; a producer sees only its own products, certificates and the
    renewal notices due (Oscar's statistics would show other producers' sales)."""

    def get_context_data(self, **kwargs):
        if self.request.user.is_staff:
            return super().get_context_data(**kwargs)
        ctx = super(views.IndexView, self).get_context_data(**kwargs)
        partners = self.request.user.partners.all()
        day = today()
        certificates = list(Certificate.objects.filter(producer__in=partners).select_related("product", "producer"))
        current = [c for c in certificates if c.product.current_certificate_id == c.pk]
        ctx.update(
            partners=partners,
            product_count=Product.objects.filter(stockrecords__partner__in=partners).distinct().count(),
            renewal_due=[c for c in current if c.status_on(day) == Status.RENEWAL_WINDOW],
            certificates=sorted(current, key=lambda c: c.valid_until),
            today=day,
        )
        return ctx
