"""The export catalogue: which products it lists, its facets and filters, its languages, its PDF, and the
producer's export details form."""

from datetime import timedelta
from io import BytesIO

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from oscar.core.loading import get_model
from PIL import Image
from pypdf import PdfReader

from storefront.export_catalogue.models import ExportProfile
from storefront.export_catalogue.selection import export_products
from storefront.partner.access import grant_producer_access
from tests import factories
from tests.demo_clock import DEMO_DAY, DEMO_NOON

pytestmark = pytest.mark.django_db
ProductImage = get_model("catalogue", "ProductImage")

FIVE, FOUR, THREE = (38, 24, 30), (32, 20, 28), (25, 15, 20)
ISSUED = DEMO_DAY - timedelta(days=150)


@pytest.fixture(autouse=True)
def demo_noon():
    with time_machine.travel(DEMO_NOON, tick=False):
        yield


def exportable(title, title_en, scores=FIVE, province="91", profile=True, **certificate):
    producer = factories.producer(province_code=province, name=f"HTX {title}", phone="0296 3 123 456",
                                  email="htx@example.vn")
    product = factories.product(producer, title=title, title_en=title_en, description_en=f"{title_en}, made well.")
    certificate.setdefault("issued_on", ISSUED)
    if scores == FIVE:  # 5★ is the Ministry's to certify
        certificate.update(level="ministry", authority="Bộ Nông nghiệp và Môi trường")
    factories.certificate(product, scores=scores, number=f"EXP-{product.pk}", **certificate)
    product.refresh_current_certificate()
    if profile:
        ExportProfile.objects.create(product=product, packaging_vi="Chai thủy tinh 500 ml",
                                     packaging_en="500 ml glass bottle", shelf_life_months=24,
                                     monthly_capacity=5000, capacity_unit="bottle", hs_code="2103.90.13",
                                     certifications_en="HACCP")
    return product


@pytest.fixture
def catalogue(db):
    return {
        "five": exportable("Nước mắm Xuất Khẩu Thử", "Test export fish sauce"),
        "four": exportable("Trà Xuất Khẩu Thử", "Test export tea", scores=FOUR, province="01"),
        "three": exportable("Mật ong Ba Sao Thử", "Test three-star honey", scores=THREE),
        "no_profile": exportable("Cà phê Chưa Khai Thử", "Test coffee without details", profile=False),
        # 36 months of validity ended a month ago
        "expired": exportable("Rượu Hết Hạn Thử", "Test expired rice wine", rule_set="148/2023",
                              issued_on=DEMO_DAY - timedelta(days=3 * 365 + 30)),
        "revoked": exportable("Bánh Thu Hồi Thử", "Test revoked cake", revoked_on=DEMO_DAY - timedelta(days=30),
                              revocation_reason="Vi phạm"),
    }


def test_only_valid_four_and_five_star_products_with_export_details_are_listed(catalogue):
    listed = set(export_products())
    assert {catalogue["five"], catalogue["four"]} <= listed
    assert not listed & {catalogue[key] for key in ("three", "no_profile", "expired", "revoked")}


def test_the_page_is_english_by_default_and_vietnamese_on_request(client, catalogue):
    page = client.get(reverse("export_catalogue:index"), HTTP_ACCEPT_LANGUAGE="vi")
    assert page.status_code == 200 and page["Content-Language"] == "en"
    body = page.content.decode()
    assert "Test export fish sauce" in body and "500 ml glass bottle" in body and "Download PDF" in body
    assert "Test three-star honey" not in body and "Test coffee without details" not in body
    body_vi = client.get(reverse("export_catalogue:index"), {"lang": "vi"}).content.decode()
    assert "Nước mắm Xuất Khẩu Thử" in body_vi and "Chai thủy tinh 500 ml" in body_vi


def test_a_visitor_who_chose_vietnamese_with_the_site_switcher_reads_it_in_vietnamese(client, catalogue, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
    page = client.get(reverse("export_catalogue:index"))
    assert page["Content-Language"] == "vi" and "Nước mắm Xuất Khẩu Thử" in page.content.decode()


def test_facets_count_and_filter_like_the_shop(client, catalogue):
    page = client.get(reverse("export_catalogue:index"), {"stars": "4"})
    products = page.context["products"]
    assert catalogue["four"] in products and catalogue["five"] not in products
    stars = next(facet for facet in page.context["facets"] if facet.name == "stars")
    assert [value.key for value in stars.values] == ["5", "4"]  # 3★ is not an export level
    counts = {value.key: value.count for value in stars.values}
    assert counts["5"] >= 1 and counts["4"] >= 1
    provinces = next(facet for facet in page.context["facets"] if facet.name == "province")
    by_province = client.get(reverse("export_catalogue:index"), {"province": "01"}).context["products"]
    assert catalogue["four"] in by_province and catalogue["five"] not in by_province
    assert any(value.key == "01" and value.count >= 1 for value in provinces.values)


@pytest.mark.parametrize("query", [{"stars": "3"}, {"lang": "fr"}, {"page": "²"}, {"q": "tea"},
                                   {"province": "99"}, {"nonsense": "1"}, {"lang": ["en", "vi"]}])
def test_a_filter_the_catalogue_cannot_read_is_a_400_with_a_message(client, catalogue, query):
    for name in ("export_catalogue:index", "export_catalogue:pdf"):
        response = client.get(reverse(name), query)
        assert response.status_code == 400
        assert "alert" in response.content.decode()


def png(size=(320, 240)):
    out = BytesIO()
    Image.new("RGB", size, (30, 120, 60)).save(out, format="PNG")
    return SimpleUploadedFile("photo.png", out.getvalue(), content_type="image/png")


def test_the_pdf_prints_the_selection_with_photos_stars_certificates_and_qr_codes(client, catalogue, settings,
                                                                                   tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    ProductImage.objects.create(product=catalogue["five"], original=png())
    response = client.get(reverse("export_catalogue:pdf"), {"lang": "vi"})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    reader = PdfReader(BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Danh mục sản phẩm OCOP xuất khẩu" in text or "OCOP" in reader.metadata.title
    assert "Nước mắm Xuất Khẩu Thử" in text and "Trà Xuất Khẩu Thử" in text
    assert f"EXP-{catalogue['five'].pk}" in text and "2103.90.13" in text and "0296 3 123 456" in text
    assert "Mật ong Ba Sao Thử" not in text
    images = [image for page in reader.pages[1:] for image in page.images]
    assert len(images) >= 3  # two QR codes and one photo


def test_the_pdf_follows_the_filters_and_the_language(client, catalogue):
    response = client.get(reverse("export_catalogue:pdf"), {"province": "01"})
    text = "\n".join(page.extract_text() for page in PdfReader(BytesIO(response.content)).pages)
    assert "Test export tea" in text and "Test export fish sauce" not in text
    assert "Scan to verify" in text


@pytest.fixture
def producer_user(catalogue):
    user = get_user_model().objects.create_user(username="exp-user", email="exp@example.vn", password="x" * 12)
    grant_producer_access(user, catalogue["no_profile"].producer)
    return user


def test_a_producer_adds_export_details_and_the_english_name_to_its_product(client, catalogue, producer_user):
    client.force_login(producer_user)
    product = catalogue["no_profile"]
    url = reverse("dashboard:export-profile", kwargs={"pk": product.pk})
    assert client.get(url).status_code == 200
    response = client.post(url, {"title_en": "Cau Dat roasted coffee", "description_en": "Arabica from Lam Dong.",
                                 "packaging_vi": "Túi 500 g", "packaging_en": "500 g bag", "shelf_life_months": "12",
                                 "monthly_capacity": "800", "capacity_unit": "kg", "hs_code": "09012110",
                                 "certifications_vi": "", "certifications_en": ""})
    assert response.status_code == 302
    product.refresh_from_db()
    assert product.title_en == "Cau Dat roasted coffee" and product.export_profile.hs_code == "0901.21.10"
    assert product in export_products()


@pytest.mark.parametrize("hs_code", ["12", "9999", "0901.2", "abcd", "0901211012"])
def test_a_bad_hs_code_is_a_form_error(client, catalogue, producer_user, hs_code):
    client.force_login(producer_user)
    product = catalogue["no_profile"]
    response = client.post(reverse("dashboard:export-profile", kwargs={"pk": product.pk}),
                           {"title_en": "X", "packaging_vi": "Túi", "shelf_life_months": "12",
                            "monthly_capacity": "8", "capacity_unit": "kg", "hs_code": hs_code})
    assert response.status_code == 400 and "hs_code" in response.context["form"].errors
    assert not ExportProfile.objects.filter(product=product).exists()


def test_a_producer_cannot_edit_another_producers_export_details(client, catalogue, producer_user):
    client.force_login(producer_user)
    other = catalogue["five"]
    url = reverse("dashboard:export-profile", kwargs={"pk": other.pk})
    assert client.get(url).status_code == 404
    assert client.post(url, {"title_en": "hijacked", "packaging_vi": "x", "shelf_life_months": "1",
                             "monthly_capacity": "1", "capacity_unit": "kg"}).status_code == 404
    other.refresh_from_db()
    assert other.title_en == "Test export fish sauce"
