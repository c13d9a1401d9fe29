from django.utils.translation import pgettext_lazy
from oscar.apps.dashboard import views
from oscar.core.loading import get_model

from storefront.ocop.models import Certificate, today
from storefront.ocop.rules import Status

Product = get_model("catalogue", "Product")

# Oscar's statistics name an offer type by its stored code ("Active <em>Site</em> Offers"); people read a word.
OFFER_TYPE_WORDS = {
    "Site": pgettext_lazy("offer type", "site-wide"),
    "Voucher": pgettext_lazy("offer type", "voucher"),
    "User": pgettext_lazy("offer type", "user"),
    "Session": pgettext_lazy("offer type", "session"),
}


class IndexView(views.IndexView):
    """Staff keep Oscar's shop-wide statistics; a producer sees only its own products, certificates and the
    renewal notices due (Oscar's statistics would show other producers' sales)."""

    def get_context_data(self, **kwargs):
        if self.request.user.is_staff:
            ctx = super().get_context_data(**kwargs)
            ctx["offer_maps"] = [{**row, "offer_type": OFFER_TYPE_WORDS.get(row["offer_type"], row["offer_type"])}
                                 for row in ctx.get("offer_maps", ())]
            return ctx
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
