"""The per-producer flat-rate shipping method."""

from collections import OrderedDict
from dataclasses import dataclass
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.shipping.methods import Base
from oscar.core import prices
from oscar.core.loading import get_model

from storefront.ocop.collation import sort_key

ProducerTariff = get_model("shipping", "ProducerTariff")


@dataclass
class Parcel:
    producer: object
    lines: list
    goods_total: Decimal
    charge: Decimal
    tariff: object = None

    @property
    def producer_name(self):
        return self.producer.name if self.producer else ""

    @property
    def short_of_free_shipping(self):
        """How much more of this producer's goods would ship free (None: it ships free already, or never)."""
        if not self.charge or not self.tariff or self.tariff.free_from is None:
            return None
        return self.tariff.free_from - self.goods_total


def tariff_for(producer, tariffs):
    return tariffs.get(producer.pk if producer else None) or tariffs.get(None)


def producer_tariff(producer):
    """The tariff one producer's parcels ship at: its own, or the default (None when there is neither)."""
    query = ProducerTariff.objects.filter(producer__isnull=True)
    if producer is not None:
        query = ProducerTariff.objects.filter(models.Q(producer=producer) | models.Q(producer__isnull=True))
    return tariff_for(producer, {tariff.producer_id: tariff for tariff in query})


def parcels(basket):
    """The basket split by producer, each with its shipping charge."""
    tariffs = {t.producer_id: t for t in ProducerTariff.objects.all()}
    groups = OrderedDict()
    for line in basket.all_lines():
        if not line.product.is_shipping_required:
            continue
        producer = line.stockrecord.partner if line.stockrecord else None
        groups.setdefault(producer, []).append(line)
    result = []
    for producer, lines in groups.items():
        goods = sum((line.line_price_incl_tax_incl_discounts for line in lines), Decimal(0))
        tariff = tariff_for(producer, tariffs)
        charge = tariff.charge_for(goods) if tariff else Decimal(0)
        result.append(Parcel(producer, lines, goods, charge, tariff))
    return sorted(result, key=lambda parcel: sort_key(parcel.producer_name))


class PerProducerFlatRate(Base):
    code = "per-producer"
    name = _("Delivery by each producer")
    description = _("Each producer ships its own parcel: a flat rate per producer, free above its threshold.")

    def calculate(self, basket):
        total = sum((parcel.charge for parcel in parcels(basket)), Decimal(0))
        # Prices in Vietnam include VAT; shipping is quoted tax-inclusive too.
        return prices.Price(currency=basket.currency or "VND", excl_tax=total, incl_tax=total)
