"""Market connection in the demo: export details on the 4–5★ products (so /export/ has a catalogue), a showroom
manager, and businesses' inquiries to the producers who have a demo user, in every state (waiting for days, quoted,
replied, closed), laid out from the demo's today. Idempotent: an inquiry is known by its product and company."""

import secrets
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from oscar.core.loading import get_model

from cms.models import ShowroomPage
from cms.showroom_managers import make_manager
from storefront.export_catalogue.models import ExportProfile
from storefront.export_catalogue.selection import export_candidates
from storefront.inquiries.models import Inquiry, InquiryMessage, Quote
from storefront.ocop.models import Province

from .tradedesk import demo_user_producers

Product = get_model("catalogue", "Product")

#: (shelf life in months, monthly capacity, capacity unit, HS code, other certifications vi, en) by product set;
#: the HS lines are Viet Nam's (fish sauce 2103.90.13, honey 0409.00.00, green tea 0902.10, roasted coffee 0901.21…).
EXPORT_DETAILS = {
    "1.4.1": (24, 5_000, "bottle", "2103.90.13", "HACCP, ISO 22000:2018", "HACCP, ISO 22000:2018"),
    "1.2.2": (24, 800, "kg", "0409.00.00", "VietGAP", "VietGAP"),
    "1.2.1": (12, 20, "tonne", "1006.30", "VietGAP", "VietGAP"),
    "1.2.3": (12, 2_000, "kg", "0813.40", "HACCP", "HACCP"),
    "1.5.1": (18, 1_500, "kg", "0902.10", "VietGAP, hữu cơ (TCVN 11041)", "VietGAP, organic (TCVN 11041)"),
    "1.6.1": (12, 3_000, "kg", "0901.21", "Rainforest Alliance", "Rainforest Alliance"),
    "2.1.1": (36, 3_000, "bottle", "2208.90", "ISO 22000:2018", "ISO 22000:2018"),
}
DEFAULT_DETAILS = (12, 1_000, "piece", "", "", "")
EXPORT_PROFILES = 14

# (days before today it came, company, tax code, contact, e-mail, quantity, unit, country, province code,
#  message, language, what happened: "waiting" | "quoted" | "replied" | "closed")
INQUIRIES = [
    (3, "Công ty TNHH Phân phối Sao Mai", "0300588569", "Trần Thị Mai", "mai@saomai.example.vn", 240, "bottle",
     "VN", "79", "Chúng tôi cần hàng cho 12 cửa hàng tiện lợi ở TP. Hồ Chí Minh, đóng thùng 12 chai, có hóa đơn VAT.",
     "vi", "waiting"),
    (9, "Hanoi Export Foods JSC", "0100109106", "Le Minh Long", "long@hanoiexport.example.com", 2_000, "bottle",
     "JP", "", "We export Vietnamese specialities to Japan. Can you label in Japanese and provide a certificate "
     "of origin? FOB Hai Phong preferred.", "en", "replied"),
    (15, "Siêu thị Xanh Hà Nội", "0101248141", "Phạm Thu Hà", "ha@sieuthixanh.example.vn", 50, "box", "VN", "01",
     "Đặt hàng cho quầy OCOP dịp Tết, giao trước ngày cần.", "vi", "quoted"),
    (40, "Công ty CP Quà Tết Việt", "0312345673", "Đỗ Văn Quang", "quang@quatet.example.vn", 300, "box", "VN",
     "48", "Hộp quà doanh nghiệp, cần báo giá kèm in logo.", "vi", "closed"),
]


def ensure_market_connection(today):
    return {"export details": _export_profiles(today), "inquiries": _inquiries(today)}


def ensure_showroom_manager(password=None, email="showroom1@ocop.example.vn"):
    """A manager for the first showroom, who keeps its list of products carried in Wagtail's admin; returns
    (user, showroom, password or None when an existing account keeps its own), or None without showrooms."""
    showroom = ShowroomPage.objects.live().order_by("pk").first()
    if showroom is None:
        return None
    user, created = get_user_model().objects.get_or_create(username="showroom1", defaults={"email": email})
    secret = None
    if created or password:
        secret = password or secrets.token_urlsafe(9)
        user.set_password(secret)
    user.email, user.is_staff, user.first_name = email, False, "Quản lý điểm bán"
    user.save()
    make_manager(user, showroom)
    return user, showroom, secret


def _export_profiles(today):
    products = (export_candidates(today).select_related("classification")
                .order_by("-current_certificate__stars", "pk")[:EXPORT_PROFILES])
    created = 0
    for product in products:
        months, capacity, unit, hs_code, certs_vi, certs_en = EXPORT_DETAILS.get(
            product.classification.code if product.classification else "", DEFAULT_DETAILS)
        retail = f"{product.unit}, " if product.unit else ""
        _, made = ExportProfile.objects.get_or_create(product=product, defaults={
            "packaging_vi": f"{retail}đóng thùng carton 5 lớp xuất khẩu",
            "packaging_en": "Retail packs as sold in Viet Nam, in 5-ply export cartons",
            "shelf_life_months": months, "monthly_capacity": capacity, "capacity_unit": unit, "hs_code": hs_code,
            "certifications_vi": certs_vi, "certifications_en": certs_en})
        created += made
    return created


def _at(today, days_before, hour=9):
    return timezone.make_aware(datetime.combine(today - timedelta(days=days_before), time(hour)))


def _inquiries(today):
    producers = sorted(demo_user_producers())
    if not producers:
        return 0
    created = 0
    for index, (days, company, tax_code, contact, email, quantity, unit, country, province, message, language,
                story) in enumerate(INQUIRIES):
        producer_id = producers[index % len(producers)]
        product = (Product.objects.filter(producer_id=producer_id, is_public=True).order_by("pk").first())
        if product is None or Inquiry.objects.filter(product=product, company=company).exists():
            continue
        received = _at(today, days)
        inquiry = Inquiry.objects.create(
            product=product, producer_id=producer_id, company=company, tax_code=tax_code, contact_name=contact,
            email=email, quantity=quantity, unit=unit, destination_country=country,
            destination_province=Province.objects.filter(code=province).first() if province else None,
            needed_by=today + timedelta(days=45), message=message, language=language, created_at=received)
        created += 1
        if story == "waiting":
            continue
        answered = received + timedelta(hours=20)
        price = int(product.stockrecords.values_list("price", flat=True).first() or 100_000)
        Quote.objects.create(inquiry=inquiry, unit_price=price * 80 // 100 // 1000 * 1000, unit=unit,
                             minimum_order=max(quantity // 2, 1), lead_time_days=14,
                             valid_until=today + timedelta(days=30), created_at=answered,
                             note="Giá xuất xưởng, chưa gồm vận chuyển." if language == "vi"
                             else "Ex-works price; freight not included.")
        inquiry.first_answered_at, inquiry.status = answered, Inquiry.Status.ANSWERED
        if story == "replied":
            InquiryMessage.objects.create(inquiry=inquiry, author=InquiryMessage.Author.BUSINESS,
                                          body="Thank you. Can you do 1,500 bottles at the same price?",
                                          created_at=answered + timedelta(days=1))
            inquiry.status = Inquiry.Status.OPEN
        if story == "closed":
            inquiry.status = Inquiry.Status.CLOSED
        inquiry.save()
    return created
