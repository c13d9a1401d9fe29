"""An order's lines grouped by producer, with each producer's shipping, status and (cash on delivery) the cash its
courier collects: for the confirmation page, the buyer's account, the dashboards and e-mails."""

from dataclasses import dataclass, field
from decimal import Decimal

from storefront.ocop.collation import sort_key
from storefront.order import statuses

from .payment_methods import COD_SOURCE


@dataclass
class ProducerGroup:
    producer: object
    producer_name: str
    lines: list = field(default_factory=list)
    shipping: Decimal = Decimal(0)
    cash_on_delivery: bool = False

    @property
    def goods_total(self):
        return sum((line.line_price_incl_tax for line in self.lines), Decimal(0))

    @property
    def status(self):
        """Where this producer's parcel is: the step all its lines still in play have reached."""
        return statuses.followed(line.status for line in self.lines) or statuses.PENDING

    @property
    def status_label(self):
        return statuses.label(self.status)

    @property
    def cash_to_collect(self):
        """Cash on delivery: what the courier collects for this parcel, its goods still to deliver plus its
        shipping; nothing once it is cancelled (or for an order paid by card)."""
        live = [line for line in self.lines if line.status not in (statuses.CANCELLED, statuses.REFUNDED)]
        if not self.cash_on_delivery or not live:
            return Decimal(0)
        return sum((line.line_price_incl_tax for line in live), self.shipping)


def pays_cash_on_delivery(order):
    return any(source.source_type.name == COD_SOURCE for source in order.sources.all())  # uses a prefetch


def lines_by_producer(order):
    shipping = {shipment.producer_id: shipment.charge for shipment in order.shipments.all()}
    cash = pays_cash_on_delivery(order)
    groups = {}
    for line in order.lines.select_related("partner", "product").order_by("pk"):
        group = groups.get(line.partner_id)
        if group is None:
            group = groups[line.partner_id] = ProducerGroup(line.partner, line.partner_name,
                                                            shipping=shipping.get(line.partner_id, Decimal(0)),
                                                            cash_on_delivery=cash)
        group.lines.append(line)
    return sorted(groups.values(), key=lambda group: sort_key(group.producer_name))
