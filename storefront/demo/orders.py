"""Plausible past orders in bulk, for the insight pages and their benchmark (`load_demo --orders 100000`).

Tops up to N demo orders (numbers starting DEMO_PREFIX, so running it twice does not double them), placed across
the MONTHS months before the demo's today: more as the shop grows, most in the weeks before Tết. Each buyer lives
in one province (Hà Nội and TP. Hồ Chí Minh weigh most) and ships there; each order buys 1–4 of the catalogue's
products at their stock record's price (whole đồng), ships one parcel per producer at that producer's tariff,
and is paid by card (Stripe) or cash on delivery with the payment source the checkout creates.

Every demo order is finished — delivered, cancelled, or (card only) refunded in full — so it reserves no stock
and leaves no parcel for a producer to move: stock records are not touched. Orders are guests' (a pool of buyer
e-mails), so the demo accounts' own order history stays as it was. Rows go in batch by batch (`Rows`: COPY on
PostgreSQL, bulk_create elsewhere): orders, addresses, lines, parcels, payment sources and transactions, payment
events and status changes. Django's bulk_create alone spent ten times the CPU building model instances.
"""

import random
from contextlib import contextmanager
from itertools import accumulate
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone
from oscar.core.loading import get_model
from tqdm import tqdm

from storefront.checkout.payment_methods import COD_SOURCE
from storefront.ocop.lunar import tet
from storefront.ocop.models import Commune, Province
from storefront.order.statuses import CANCELLED, CONFIRMED, DELIVERED, PAID, PENDING, REFUNDED, SHIPPING
from storefront.payment.placement import CARD_SOURCE
from storefront.payment.refunds import REFUNDED as REFUNDED_EVENT
from storefront.payment.sources import source_type
from storefront.shipping.methods import PerProducerFlatRate, tariff_for

from .catalogue import TOURISM_SECTOR

Order = get_model("order", "Order")
Line = get_model("order", "Line")
ShippingAddress = get_model("order", "ShippingAddress")
OrderStatusChange = get_model("order", "OrderStatusChange")
PaymentEvent = get_model("order", "PaymentEvent")
PaymentEventType = get_model("order", "PaymentEventType")
PaymentEventQuantity = get_model("order", "PaymentEventQuantity")
Source = get_model("payment", "Source")
Transaction = get_model("payment", "Transaction")
StockRecord = get_model("partner", "StockRecord")
Partner = get_model("partner", "Partner")
Country = get_model("address", "Country")
ProducerTariff = get_model("shipping", "ProducerTariff")
OrderShipment = get_model("shipping", "OrderShipment")

DEMO_PREFIX = "DEMO-"
MONTHS = 24
DAYS = MONTHS * 365 // 12  # 730: the window the orders are placed in, ending the day before today
BATCH = 2000
PAID_EVENT = "Paid"  # the payment event the card checkout records (storefront/payment/placement.py)

#: Buyers per order: a buyer orders about four times in two years.
ORDERS_PER_BUYER = 4
#: Where buyers live: the two big cities weigh most, every other province alike.
PROVINCE_WEIGHT = {"01": 8, "79": 10}
LINE_COUNTS = [(1, 55), (2, 25), (3, 13), (4, 7)]
QUANTITIES = [(1, 70), (2, 20), (3, 7), (5, 3)]
CARD_SHARE = 0.45
#: How a finished order ended: most are delivered; a card order that did not go through is refunded.
ENDINGS = [(DELIVERED, 88), (CANCELLED, 8), (REFUNDED, 4)]
TET_RUSH_DAYS = 35  # the weeks of gift buying before Tết, when orders triple
TET_BREAK_DAYS = 5  # the holiday itself: couriers rest
FIRST_NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Châu", "Phạm Thu Dung", "Hoàng Văn Em", "Vũ Thị Giang",
               "Đặng Quốc Huy", "Bùi Thị Lan", "Đỗ Văn Long", "Hồ Thị Mai", "Ngô Đức Nam", "Dương Thị Oanh",
               "Lý Văn Phúc", "Phan Thị Quyên", "Trịnh Văn Sơn", "Mai Thị Thảo", "Võ Thành Trung", "Đinh Thị Uyên"]
STREETS = ["Lê Lợi", "Trần Hưng Đạo", "Nguyễn Trãi", "Hai Bà Trưng", "Lý Thường Kiệt", "Quang Trung", "Hùng Vương"]


def add_demo_orders(target, today, *, stdout=None, seed=2015):
    """Add demo orders until there are `target`; returns how many were added."""
    existing = Order.objects.filter(number__startswith=DEMO_PREFIX).count()
    missing = max(0, target - existing)
    if not missing:
        return 0
    last = Order.objects.filter(number__startswith=DEMO_PREFIX).aggregate(last=Max("number"))["last"]
    first_number = int(last[len(DEMO_PREFIX):]) + 1 if last else 1
    factory = OrderFactory(today, seed=seed + existing, buyers=max(1, target // ORDERS_PER_BUYER))
    progress = tqdm(total=missing, desc="Demo orders", unit=" orders", file=stdout, disable=stdout is None,
                    mininterval=1)
    done = 0
    with dated_as_given(OrderStatusChange, PaymentEvent, Transaction):
        while done < missing:
            size = min(BATCH, missing - done)
            with transaction.atomic():
                factory.write([factory.order(first_number + done + i) for i in range(size)])
            done += size
            progress.update(size)
    progress.close()
    return missing


@contextmanager
def dated_as_given(*models):
    """Let bulk_create keep the past dates given to these models' auto_now_add fields."""
    fields = [field for model in models for field in model._meta.concrete_fields
              if getattr(field, "auto_now_add", False)]
    for field in fields:
        field.auto_now_add = False
    try:
        yield
    finally:
        for field in fields:
            field.auto_now_add = True


class OrderFactory:
    def __init__(self, today, *, seed, buyers):
        self.random = random.Random(seed)
        self.today = today
        self.currency = "VND"
        self.country = Country.objects.get(iso_3166_1_a2="VN")
        self.offers = list(
            StockRecord.objects.filter(price__gt=0, product__is_public=True, partner__isnull=False)
            .exclude(product__classification__parent__parent__code=TOURISM_SECTOR)  # stays, not parcels
            .values_list("pk", "product_id", "product__title", "product__upc", "partner_id", "partner__name",
                         "partner_sku", "price", "product__current_certificate__stars").order_by("pk"))
        if not self.offers:
            raise ValueError("The catalogue has no products with a price to order: load the demo catalogue first.")
        # better-rated products sell a little more (cumulative: random.choices would add them up on every call)
        self.offer_weights = list(accumulate(stars or 2 for *__, stars in self.offers))
        self.tariffs = {tariff.producer_id: tariff for tariff in ProducerTariff.objects.all()}
        provinces = list(Province.objects.order_by("code"))
        communes = {}
        for commune in Commune.objects.order_by("code").values("province_id", "name"):
            communes.setdefault(commune["province_id"], []).append(commune["name"])
        weights = [PROVINCE_WEIGHT.get(province.code, 1) for province in provinces]
        self.buyers = []
        for number in range(buyers):
            province = self.random.choices(provinces, weights)[0]
            self.buyers.append({
                "email": f"nguoimua{number + 1}@demo.ocop.example.vn",
                "name": self.random.choice(FIRST_NAMES),
                "phone": f"+849{self.random.randrange(10_000_000, 99_999_999)}",
                "state": province.full_name,
                "commune": self.random.choice(communes.get(province.pk) or [province.seat or province.name]),
                "street": f"{self.random.randrange(1, 300)} {self.random.choice(STREETS)}",
            })
            buyer = self.buyers[-1]
            address = ShippingAddress(first_name=buyer["name"], line1=buyer["street"], line4=buyer["commune"],
                                      state=buyer["state"], country=self.country)
            address._update_search_text()  # what Oscar's save() would store
            buyer["search_text"] = address.search_text
        self.days, self.day_weights = self.calendar()
        self.card, self.cash = source_type(CARD_SOURCE), source_type(COD_SOURCE)
        self.paid_event = PaymentEventType.objects.get_or_create(name=PAID_EVENT)[0]
        self.refunded_event = PaymentEventType.objects.get_or_create(name=REFUNDED_EVENT)[0]
        self.shipping = PerProducerFlatRate()

    def calendar(self):
        """The days orders are placed on and how busy each is: growing over the two years, three times as busy
        in the weeks before Tết, quiet over the holiday."""
        days = [self.today - timedelta(days=back) for back in range(DAYS, 0, -1)]
        tets = [tet(year) for year in range(days[0].year, self.today.year + 2)]
        weights = []
        for index, day in enumerate(days):
            weight = 1 + index / len(days)  # the shop grows: twice as many orders now as two years ago
            if any(timedelta(0) < tet_day - day <= timedelta(days=TET_RUSH_DAYS) for tet_day in tets):
                weight *= 3
            elif any(timedelta(0) <= day - tet_day < timedelta(days=TET_BREAK_DAYS) for tet_day in tets):
                weight *= 0.3
            weights.append(weight)
        return days, list(accumulate(weights))

    def order(self, number):
        """One order as plain data, before any row is written."""
        pick = self.random
        day = pick.choices(self.days, cum_weights=self.day_weights)[0]
        placed = timezone.make_aware(datetime.combine(day, time(pick.randrange(7, 23), pick.randrange(60))))
        card = pick.random() < CARD_SHARE
        ending = pick.choices(*zip(*ENDINGS))[0]
        if ending == REFUNDED and not card:
            ending = CANCELLED  # only a card payment is refunded; a cash order is simply cancelled
        lines = []
        for offer in pick.choices(self.offers, cum_weights=self.offer_weights, k=pick.choices(*zip(*LINE_COUNTS))[0]):
            if any(line[0][0] == offer[0] for line in lines):
                continue  # the same product twice is one line
            lines.append((offer, pick.choices(*zip(*QUANTITIES))[0]))
        return {"number": f"{DEMO_PREFIX}{number:07d}", "placed": placed, "card": card, "ending": ending,
                "buyer": pick.choice(self.buyers), "lines": lines}

    def write(self, specs):
        """Write a batch of orders and everything that hangs from them."""
        addresses, orders, lines, shipments = Rows(ShippingAddress), Rows(Order), Rows(Line), Rows(OrderShipment)
        sources, transactions, changes = Rows(Source), Rows(Transaction), Rows(OrderStatusChange)
        events, quantities = Rows(PaymentEvent), Rows(PaymentEventQuantity)
        for spec in specs:
            buyer, ending, placed = spec["buyer"], spec["ending"], spec["placed"]
            goods = {}
            for offer, quantity in spec["lines"]:
                goods[offer[4]] = goods.get(offer[4], Decimal(0)) + offer[7] * quantity
            charges = {partner_id: self.charge(partner_id, amount) for partner_id, amount in goods.items()}
            shipping = sum(charges.values(), Decimal(0))
            total = spec["total"] = sum(goods.values(), Decimal(0)) + shipping
            address_id = addresses.add(
                first_name=buyer["name"], line1=buyer["street"], line4=buyer["commune"], state=buyer["state"],
                country_id=self.country.pk, phone_number=buyer["phone"], search_text=buyer["search_text"])
            order_id = orders.add(
                number=spec["number"], site_id=settings.SITE_ID, guest_email=buyer["email"], currency=self.currency,
                total_incl_tax=total, total_excl_tax=total, shipping_incl_tax=shipping, shipping_excl_tax=shipping,
                shipping_address_id=address_id, shipping_method=str(self.shipping.name),
                shipping_code=self.shipping.code, status=ending, date_placed=placed)
            line_ids = []
            for offer, quantity in spec["lines"]:
                stockrecord_id, product_id, title, upc, partner_id, partner_name, sku, price, __ = offer
                line_total = price * quantity
                line_ids.append((lines.add(
                    order_id=order_id, partner_id=partner_id, partner_name=partner_name, partner_sku=sku,
                    stockrecord_id=stockrecord_id, product_id=product_id, title=title, upc=upc, quantity=quantity,
                    line_price_incl_tax=line_total, line_price_excl_tax=line_total,
                    line_price_before_discounts_incl_tax=line_total, line_price_before_discounts_excl_tax=line_total,
                    unit_price_incl_tax=price, unit_price_excl_tax=price, status=ending,
                    num_allocated=0 if ending == CANCELLED else quantity,
                    allocation_cancelled=ending == CANCELLED), quantity))
                if partner_id in charges:  # one parcel per producer, with the order's first line of it
                    shipments.add(order_id=order_id, producer_id=partner_id, producer_name=partner_name,
                                  goods_total=goods[partner_id], charge=charges.pop(partner_id))
            for old, new, changed in self.status_changes(spec):
                changes.add(order_id=order_id, old_status=old, new_status=new, date_created=changed)
            if not spec["card"]:
                # the couriers collect cash on delivery: the shop debits nothing (storefront/order/processing.py)
                sources.add(order_id=order_id, source_type_id=self.cash.pk, currency=self.currency,
                            amount_allocated=total, amount_debited=0, amount_refunded=0, reference=spec["number"])
                continue
            refunded = ending == REFUNDED
            source_id = sources.add(order_id=order_id, source_type_id=self.card.pk, currency=self.currency,
                                    amount_allocated=total, amount_debited=total,
                                    amount_refunded=total if refunded else 0, reference=self.intent(spec))
            transactions.add(source_id=source_id, txn_type=Transaction.DEBIT, amount=total,
                             reference=f"ch_demo_{spec['number']}", status="succeeded", date_created=placed)
            events.add(order_id=order_id, event_type_id=self.paid_event.pk, amount=total, reference=self.intent(spec),
                       date_created=placed)
            if refunded:
                refunded_at = placed + timedelta(days=1, hours=2)  # with the status change to Refunded
                transactions.add(source_id=source_id, txn_type=Transaction.REFUND, amount=total,
                                 reference=f"re_demo_{spec['number']}", status="succeeded", date_created=refunded_at)
                event_id = events.add(order_id=order_id, event_type_id=self.refunded_event.pk, amount=total,
                                      reference=f"re_demo_{spec['number']}", date_created=refunded_at)
                for line_id, quantity in line_ids:
                    quantities.add(event_id=event_id, line_id=line_id, quantity=quantity)
        for rows in (addresses, orders, lines, shipments, sources, transactions, changes, events, quantities):
            rows.write()

    def charge(self, partner_id, goods):
        tariff = tariff_for(Partner(pk=partner_id), self.tariffs)
        return tariff.charge_for(goods) if tariff else Decimal(0)

    def intent(self, spec):
        return f"pi_demo_{spec['number']}"

    def status_changes(self, spec):
        """The steps the order went through, a day apart, as the order's status history shows them:
        (old status, new status, when)."""
        placed, ending = spec["placed"], spec["ending"]
        start = PAID if spec["card"] else PENDING
        if ending == DELIVERED:
            steps = [CONFIRMED, SHIPPING, DELIVERED]
        elif ending == REFUNDED:
            steps = [REFUNDED]
        else:
            steps = [CANCELLED]
        changes, old = [], start
        for days, new in enumerate(steps, start=1):
            changes.append((old, new, placed + timedelta(days=days, hours=2)))
            old = new
        return changes


class Rows:
    """New rows of one table, each given its id when added (taken from the table's sequence a block at a time),
    so the rows that refer to it are built in the same pass. `write()` sends them with COPY on PostgreSQL, and with
    bulk_create elsewhere (SQLite, `make demo`). Columns not given take the field's default."""

    BLOCK = 5000

    def __init__(self, model):
        self.model = model
        self.fields = [field for field in model._meta.concrete_fields if not field.primary_key]
        self.defaults = {field.attname: field.get_default() for field in self.fields}
        self.rows = []
        self.ids = iter(())
        self.next_id = None

    def add(self, **values):
        try:
            row_id = next(self.ids)
        except StopIteration:
            self.ids = iter(self.reserve(self.BLOCK))
            row_id = next(self.ids)
        self.rows.append((row_id, values))
        return row_id

    def reserve(self, count):
        table = self.model._meta.db_table
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                               [table, count])
                return [row[0] for row in cursor.fetchall()]
            if self.next_id is None:  # one writer at a time (SQLite): ids after the table's last
                cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {connection.ops.quote_name(table)}")
                self.next_id = cursor.fetchone()[0]
            first, self.next_id = self.next_id, self.next_id + count
            return range(first, first + count)

    def write(self):
        if not self.rows:
            return
        names = [field.attname for field in self.fields]
        if connection.vendor != "postgresql":
            self.model.objects.bulk_create(
                [self.model(id=row_id, **{**self.defaults, **values}) for row_id, values in self.rows])
            return
        quote = connection.ops.quote_name
        columns = ", ".join(quote(name) for name in ["id", *names])
        defaults = self.defaults
        with connection.cursor() as cursor:
            with cursor.cursor.copy(f"COPY {quote(self.model._meta.db_table)} ({columns}) FROM STDIN") as copy:
                for row_id, values in self.rows:
                    copy.write_row([row_id, *(values[name] if name in values else defaults[name]
                                              for name in names)])
