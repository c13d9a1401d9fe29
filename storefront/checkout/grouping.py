"""An order's lines grouped by producer, with each producer's shipping: for the confirmation page and e-mails."""

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass
class ProducerGroup:
    producer: object
    producer_name: str
    lines: list = field(default_factory=list)
    shipping: Decimal = Decimal(0)

    @property
    def goods_total(self):
        return sum((line.line_price_incl_tax for line in self.lines), Decimal(0))


def lines_by_producer(order):
    shipping = {shipment.producer_id: shipment.charge for shipment in order.shipments.all()}
    groups = {}
    for line in order.lines.select_related("partner", "product").order_by("pk"):
        group = groups.get(line.partner_id)
        if group is None:
            group = groups[line.partner_id] = ProducerGroup(line.partner, line.partner_name,
                                                            shipping=shipping.get(line.partner_id, Decimal(0)))
        group.lines.append(line)
    return sorted(groups.values(), key=lambda group: group.producer_name)
