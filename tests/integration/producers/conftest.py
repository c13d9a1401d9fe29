"""Two producers, A and B, each with a user, products, stock, images, certificates, documents, orders;
one order mixes both producers' lines. Tests sign in as A and look for B's data."""

from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from oscar.core.loading import get_model
from oscar.test.factories import OrderFactory, OrderLineFactory, ShippingAddressFactory
from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject

from storefront.inquiries.models import Inquiry
from storefront.ocop.models import CertificationRequest, Province
from storefront.partner.access import grant_producer_access
from storefront.partner.models import ProducerApplication
from tests import factories

ProductImage = get_model("catalogue", "ProductImage")
Country = get_model("address", "Country")


def png_bytes(size=(64, 48), color=(200, 30, 30), fmt="PNG", **save):
    out = BytesIO()
    Image.new("RGB", size, color).save(out, format=fmt, **save)
    return out.getvalue()


def pdf_bytes(text="", pages=1):
    """A small valid PDF; `text` is a comment in the first page's uncompressed content, so a marker is in the
    file's bytes as it is."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if text:
        content = DecodedStreamObject()
        content.set_data(f"% {text}\n".encode())
        writer.pages[0].replace_contents(content)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def upload(name="photo.png", data=None, content_type="image/png"):
    return SimpleUploadedFile(name, data if data is not None else png_bytes(), content_type=content_type)


class Side:
    """One producer's world; `marker` is a string only this producer's objects contain."""

    def __init__(self, letter, staff=None):
        self.marker = f"MARKER-{letter}-{id(self) % 100000}"
        self.partner = factories.producer(name=f"HTX {self.marker}")
        self.user = get_user_model().objects.create_user(
            username=f"user-{letter.lower()}-{self.marker}", email=f"{letter.lower()}-{id(self) % 100000}@example.vn",
            password="secret-pass-123")
        grant_producer_access(self.user, self.partner)
        self.product = factories.product(self.partner, title=f"Sản phẩm {self.marker}", price=111000)
        self.stockrecord = self.product.stockrecords.get()
        self.image = ProductImage.objects.create(product=self.product, original=upload(f"{letter}.png"),
                                                 caption=self.marker)
        self.certificate = factories.certificate(
            self.product, number=f"CERT-{self.marker}",
            document=upload(f"{letter}-scan.pdf", pdf_bytes(self.marker), "application/pdf"))
        self.document = CertificationRequest.objects.create(
            product=self.product, producer=self.partner, note=self.marker, submitted_by=self.user,
            document=upload(f"{letter}-doc.pdf", pdf_bytes(self.marker), "application/pdf"))
        self.application = ProducerApplication.objects.create(
            name=f"Đơn {self.marker}", province=Province.objects.get(code="91"), address="Ấp 1", phone="0900",
            email=f"apply-{letter.lower()}@example.vn", applicant=self.user, partner=self.partner)
        self.inquiry = Inquiry.objects.create(
            product=self.product, producer=self.partner, company=f"Công ty {self.marker}", tax_code="0300588569",
            contact_name=self.marker, email=f"buyer-{letter.lower()}@example.vn", quantity=10, unit="box",
            destination_country="VN", destination_province=self.partner.province, needed_by=date(2027, 1, 31),
            message=self.marker, language="vi")


def order_with(*sides, number):
    country, _ = Country.objects.get_or_create(iso_3166_1_a2="VN", defaults={"name": "Việt Nam",
                                                                            "printable_name": "Việt Nam"})
    address = ShippingAddressFactory(country=country, first_name="Nguyễn", last_name="Văn An",
                                     line1="12 Đường Lê Lợi", line4="Long Xuyên")
    order = OrderFactory(number=number, shipping_address=address, currency="VND",
                         total_incl_tax=Decimal("999000"), total_excl_tax=Decimal("999000"))
    for side in sides:
        OrderLineFactory(order=order, product=side.product, partner=side.partner, partner_name=side.partner.name,
                         partner_sku=side.stockrecord.partner_sku, title=side.product.title,
                         stockrecord=side.stockrecord, quantity=2, status="Pending")
    return order


class World:
    def __init__(self):
        self.a = Side("A")
        self.b = Side("B")
        self.mixed = order_with(self.a, self.b, number="ORD-MIXED-1")
        self.b_only = order_with(self.b, number="ORD-B-ONLY-1")
        self.a_only = order_with(self.a, number="ORD-A-ONLY-1")
        self.staff = get_user_model().objects.create_user(
            username="ocop-staff", email="staff@ocop.example.vn", password="secret-pass-123", is_staff=True)


@pytest.fixture
def world(db, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.STORAGES = {**settings.STORAGES, "private": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                                                          "OPTIONS": {"location": str(tmp_path / "private")}}}
    return World()


@pytest.fixture
def as_a(client, world):
    client.force_login(world.a.user)
    return client


@pytest.fixture
def as_staff(client, world):
    client.force_login(world.staff)
    return client


__all__ = ["date", "pdf_bytes", "png_bytes", "upload"]
