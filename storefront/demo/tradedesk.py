"""Booth registration on the demo's upcoming fair: zones, booth sizes and a capacity on its page, and a few
producers' applications in each state (accepted with a booth, under review, waiting, declined). The demo
producers who have a user (storefront/demo/accounts.py) get none, so they can apply themselves."""

from datetime import datetime, time, timedelta

from django.db.models import Count
from django.utils import timezone
from oscar.core.loading import get_model

from cms.models import Booth, BoothSize, BoothZone, FairPage
from storefront.ocop.booth_rules import State
from storefront.tradedesk.booths import eligible_products
from storefront.tradedesk.models import BoothApplication

from .accounts import DEMO_PRODUCER_USERS

Partner = get_model("partner", "Partner")

UPCOMING_FAIR = "hoi-cho-ocop-tp-ho-chi-minh"  # content_text.FAIRS, key "hcmc"
CAPACITY = 20  # 12 booths typed on the page, 2 accepted, 2 under review: places left for the demo producers
ZONE_CAPACITY = 7
SIZES = [("3 × 3 m", 0), ("3 × 6 m", 1_500_000)]
CONTACTS = [("Nguyễn Thị Hồng", "0912 345 678"), ("Trần Văn Đức", "0903 112 233"),
            ("Lê Thị Ánh", "0987 654 321"), ("Phạm Quốc Bảo", "0934 556 677"),
            ("Võ Thị Thu Hà", "0978 001 122"), ("Đặng Minh Khôi", "0945 889 900")]
# (state, booth number, zone index, size index, reason)
APPLICATIONS = [
    (State.ACCEPTED, "A13", 0, 1, ""),
    (State.ACCEPTED, "B14", 1, 0, ""),
    (State.PENDING, "", None, 0, ""),
    (State.PENDING, "", None, 1, ""),
    (State.WAITLISTED, "", None, 0, ""),
    (State.DECLINED, "", None, 0, "Khu Thủ công mỹ nghệ đã đủ gian; mời đăng ký hội chợ sau."),
]


def demo_user_producers():
    """The producers accounts.ensure_producer_users gives a user (it runs after the content)."""
    return set(Partner.objects.annotate(n=Count("stockrecords")).filter(n__gt=0)
               .order_by("-n", "code").values_list("pk", flat=True)[:DEMO_PRODUCER_USERS])


def ensure_booth_registration(today):
    """Opens registration on the upcoming fair (once) and files its demo applications (once), decided or
    waitlisted the morning before the demo's `today`; returns how many applications were created."""
    fair = FairPage.objects.filter(slug=UPCOMING_FAIR).first()
    if fair is None:
        return 0
    if not fair.booth_zones.exists():
        zones = sorted(set(Booth.objects.filter(page=fair).values_list("zone", flat=True)) - {""})
        for order, name in enumerate(zones):
            BoothZone.objects.create(page=fair, sort_order=order, name=name, capacity=ZONE_CAPACITY)
    if not fair.booth_sizes.exists():
        for order, (label, fee) in enumerate(SIZES):
            BoothSize.objects.create(page=fair, sort_order=order, label=label, fee=fee)
    if fair.booth_capacity is None:
        FairPage.objects.filter(pk=fair.pk).update(booth_capacity=CAPACITY, minimum_stars=3)
    if fair.booth_applications.exists():
        return 0
    zones, sizes = list(fair.booth_zones.all()), list(fair.booth_sizes.all())
    taken = set(Booth.objects.filter(page=fair).values_list("producer_id", flat=True)) | demo_user_producers()
    candidates = ((producer, eligible_products(fair, producer))
                  for producer in Partner.objects.exclude(pk__in=taken).order_by("code"))
    candidates = ((producer, products) for producer, products in candidates if products)
    created = 0
    # from the demo's clock, not the wall clock: a waitlist is first come, first served, and an application filed
    # "now" by a test on a frozen demo day must come after the demo's, whatever the hour the demo was loaded
    now = timezone.make_aware(datetime.combine(today - timedelta(days=1), time(9, 0)))
    for (state, code, zone, size, reason), (producer, products), (name, phone) in zip(
            APPLICATIONS, candidates, CONTACTS):
        application = BoothApplication.objects.create(
            fair=fair, producer=producer, size=sizes[size], state=state, contact_name=name, contact_phone=phone,
            needs_power=created % 2 == 0, needs_cold_storage=created % 3 == 0,
            booth_code=code, zone=zones[zone] if zone is not None else None, reason=reason,
            decided_at=now if state != State.PENDING else None,
            waitlisted_at=now if state == State.WAITLISTED else None)
        application.products.set(products[:3])
        created += 1
    return created
