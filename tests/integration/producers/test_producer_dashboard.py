"""What a producer can do in the dashboard, and what only staff can: orders per producer, certificates,
uploads, applications and invitations."""

from datetime import date

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from oscar.core.loading import get_model

from storefront.ocop.models import Certificate, CertificationRequest, Province, RuleSet
from storefront.partner.models import ProducerApplication
from storefront.site_url import absolute_url
from tests.demo_clock import DEMO_DAY

from .conftest import pdf_bytes, png_bytes, upload

pytestmark = pytest.mark.django_db
Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")


# --- orders per producer ---------------------------------------------------------------------------------

def test_a_producer_sees_only_its_lines_their_total_and_the_delivery_address(as_a, world):
    body = as_a.get(reverse("dashboard:order-detail", kwargs={"number": world.mixed.number})).content.decode()
    assert world.a.product.title in body and world.b.product.title not in body
    assert world.b.partner.name not in body and world.b.stockrecord.partner_sku not in body
    own_total = world.mixed.lines.get(partner=world.a.partner).line_price_incl_tax
    assert f"{int(own_total):,}".replace(",", ".") in body
    assert "999.000" not in body  # the order's grand total includes B's line
    assert "12 Đường Lê Lợi" in body


def test_a_producer_order_list_shows_its_own_lines_only(as_a, world):
    body = as_a.get(reverse("dashboard:order-list")).content.decode()
    assert world.mixed.number in body and world.a_only.number in body
    assert world.b_only.number not in body and world.b.product.title not in body and "999.000" not in body


def test_a_producer_marks_its_lines_shipped_but_cannot_touch_other_lines(as_a, world):
    url = reverse("dashboard:order-detail", kwargs={"number": world.mixed.number})
    own = world.mixed.lines.get(partner=world.a.partner)
    other = world.mixed.lines.get(partner=world.b.partner)
    as_a.post(url, {"line_action": "create_shipping_event", "selected_line": [other.pk],
                    f"selected_line_qty_{other.pk}": 2, "shipping_event_type": "shipped"})
    assert not other.shipping_events.exists()
    as_a.post(url, {"line_action": "create_shipping_event", "selected_line": [own.pk],
                    f"selected_line_qty_{own.pk}": 2})
    assert own.shipping_events.filter(event_type__code="shipped").exists()
    own.refresh_from_db()
    assert own.status == "Shipping"  # "shipped" is a step of the line's lifecycle (tests/integration/orders/)
    assert "Đang giao" in as_a.get(url).content.decode()


def test_order_wide_actions_and_exports_are_staff_only(as_a, world):
    url = reverse("dashboard:order-detail", kwargs={"number": world.mixed.number})
    response = as_a.post(url, {"order_action": "change_order_status", "new_status": "Cancelled"})
    assert response.status_code == 403
    assert as_a.get(reverse("dashboard:order-stats")).status_code == 403
    export = as_a.post(reverse("dashboard:order-list"), {"action": "download_selected_orders",
                                                         "selected_order": [world.mixed.pk]})
    assert export.status_code == 403


def test_a_user_of_two_producers_sees_both(client, world):
    from storefront.partner.access import grant_producer_access

    grant_producer_access(world.a.user, world.b.partner)
    client.force_login(world.a.user)
    body = client.get(reverse("dashboard:catalogue-product-list")).content.decode()
    assert world.a.marker in body and world.b.marker in body


def test_a_producer_with_several_users_is_managed_by_each(client, world):
    from storefront.partner.access import grant_producer_access

    colleague = get_user_model().objects.create_user("colleague", "colleague@example.vn", "secret-pass-123")
    grant_producer_access(colleague, world.a.partner)
    client.force_login(colleague)
    body = client.get(reverse("dashboard:catalogue-product-list")).content.decode()
    assert world.a.marker in body and world.b.marker not in body


# --- products and images ---------------------------------------------------------------------------------

def product_post(world, image=None, **extra):
    data = {
        "title_vi": "Mật ong hoa nhãn thử", "upc": "", "description_vi": "", "is_public": "on", "structure": "standalone",
        "slug": "", "meta_title": "", "meta_description": "",
        "classification": world.a.product.classification_id, "origin_province": world.a.partner.province_id,
        "story_vi": "Nuôi ong ở vườn nhãn.", "unit": "500 ml",
        "stockrecords-TOTAL_FORMS": 1, "stockrecords-INITIAL_FORMS": 0, "stockrecords-MIN_NUM_FORMS": 0,
        "stockrecords-MAX_NUM_FORMS": 1000, "stockrecords-0-partner": world.a.partner.pk,
        "stockrecords-0-partner_sku": "MO-THU-1", "stockrecords-0-price_currency": "VND",
        "stockrecords-0-price": "150000", "stockrecords-0-num_in_stock": 5,
        "images-TOTAL_FORMS": 1, "images-INITIAL_FORMS": 0, "images-MIN_NUM_FORMS": 0, "images-MAX_NUM_FORMS": 1000,
        "images-0-display_order": 0, "images-0-caption": "",
        "productcategory_set-TOTAL_FORMS": 1, "productcategory_set-INITIAL_FORMS": 0,
        "productcategory_set-MIN_NUM_FORMS": 0, "productcategory_set-MAX_NUM_FORMS": 1000,
        "productcategory_set-0-category": get_model("catalogue", "Category").objects.first().pk,
        "primary_recommendations-TOTAL_FORMS": 0, "primary_recommendations-INITIAL_FORMS": 0,
        "primary_recommendations-MIN_NUM_FORMS": 0, "primary_recommendations-MAX_NUM_FORMS": 1000,
    }
    if image is not None:
        data["images-0-original"] = image
    data.update(extra)
    return data


def form_errors(response):
    ctx = response.context
    return {name: (getattr(ctx.get(name), "errors", None), ctx.get(name).non_form_errors() if hasattr(ctx.get(name), "non_form_errors") else None, getattr(ctx.get(name), "prefix", None)) for name in
            ("form", "stockrecord_formset", "image_formset", "category_formset", "recommended_formset")} if ctx else response

def create_url(world):
    return reverse("dashboard:catalogue-product-create",
                   kwargs={"product_class_slug": world.a.product.product_class.slug})


def test_a_producer_adds_a_product_with_an_image_and_it_is_theirs_without_stars(as_a, world):
    exif = Image_with_exif()
    response = as_a.post(create_url(world), product_post(world, upload("honey.jpg", exif, "image/jpeg"),
                                                         producer=world.b.partner.pk))
    assert response.status_code == 302, form_errors(response)
    product = Product.objects.get(title="Mật ong hoa nhãn thử")
    assert product.producer == world.a.partner  # a tampered producer field is ignored
    assert product.ocop_stars is None and product.current_certificate is None
    image = product.images.get()
    from PIL import Image

    with Image.open(image.original.path) as saved:
        assert saved.format == "JPEG" and not saved.getexif()


def Image_with_exif():
    from io import BytesIO

    from PIL import Image

    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # Make
    exif[0x8825] = {2: (10.0, 45.0, 0.0)}  # a GPS position
    out = BytesIO()
    Image.new("RGB", (80, 60), (10, 120, 10)).save(out, format="JPEG", exif=exif)
    return out.getvalue()


@pytest.mark.parametrize("name,data,content_type,message", [
    ("bad.png", b"not an image at all", "image/png", "không phải"),
    ("anim.gif", None, "image/gif", "JPEG, PNG"),
    ("huge.png", None, "image/png", "megapixel"),
])
def test_a_bad_image_is_a_form_error_and_nothing_is_saved(as_a, world, settings, name, data, content_type, message):
    if name == "anim.gif":
        data = png_bytes(fmt="GIF")
    if name == "huge.png":
        settings.OCOP_UPLOAD_MAX_PIXELS = 1000
        data = png_bytes(size=(100, 100))
    before = Product.objects.count()
    response = as_a.post(create_url(world), product_post(world, upload(name, data, content_type)))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Product.objects.count() == before


def test_a_file_over_the_byte_limit_is_refused(settings):
    from django.core.exceptions import ValidationError

    from storefront.ocop.uploads import clean_document, clean_image

    settings.OCOP_UPLOAD_MAX_BYTES = 100
    with pytest.raises(ValidationError):
        clean_image(upload("big.png", png_bytes(size=(300, 300), color=(1, 2, 3))))
    with pytest.raises(ValidationError):
        clean_document(upload("big.pdf", b"%PDF-1.7\n" + b"0" * 200, "application/pdf"))


def test_a_decompression_bomb_is_refused_before_decoding():
    from django.core.exceptions import ValidationError
    from PIL import Image

    from storefront.ocop.uploads import clean_image

    bomb = png_bytes(size=(Image.MAX_IMAGE_PIXELS // 2000 + 1, 4100), color=(0, 0, 0))
    with pytest.raises(ValidationError) as error:
        clean_image(upload("bomb.png", bomb))
    assert error.value.code == "too_many_pixels"


# --- certificates: staff only ----------------------------------------------------------------------------

def certificate_post(world, **extra):
    data = {"product": world.a.product.pk, "number": "AG-TEST-4S", "decision_number": "77/QĐ-UBND",
            "issued_on": "2026-06-01", "level": "province", "authority": "UBND tỉnh An Giang",
            "rule_set": RuleSet.objects.get(code="26/2026").pk, "score_a": "30", "score_b": "22", "score_c": "26"}
    data.update(extra)
    return data


def test_a_producer_cannot_create_or_edit_certificates(as_a, world):
    assert as_a.post(reverse("dashboard:certificate-create"), certificate_post(world)).status_code == 403
    url = reverse("dashboard:certificate-update", kwargs={"pk": world.a.certificate.pk})
    assert as_a.post(url, certificate_post(world, score_a="40", number=world.a.certificate.number)).status_code == 403
    assert not Certificate.objects.filter(number="AG-TEST-4S").exists()
    world.a.certificate.refresh_from_db()
    assert world.a.certificate.score_a == 32


def test_a_producer_uploads_a_document_and_tampered_star_fields_are_ignored(as_a, world):
    response = as_a.post(reverse("dashboard:certificate-document-upload"), {
        "product": world.a.product.pk, "document": upload("cert.pdf", pdf_bytes(), "application/pdf"),
        "note": "Quyết định mới", "stars": 5, "score_a": 40, "number": "FAKE-5"})
    assert response.status_code == 302
    sent = CertificationRequest.objects.get(note="Quyết định mới")
    assert sent.producer == world.a.partner and sent.certificate is None
    assert not Certificate.objects.filter(number="FAKE-5").exists()
    page = as_a.get(reverse("dashboard:certificate-document-upload")).content.decode()
    for absent in ('name="stars"', 'name="score_a"', 'name="number"'):
        assert absent not in page


def test_a_producer_cannot_upload_for_another_producers_product(as_a, world):
    response = as_a.post(reverse("dashboard:certificate-document-upload"), {
        "product": world.b.product.pk, "document": upload("cert.pdf", pdf_bytes(), "application/pdf")})
    assert response.status_code == 200 and not CertificationRequest.objects.filter(product=world.b.product,
                                                                                   submitted_by=world.a.user).exists()


def test_a_certificate_document_must_be_pdf_jpeg_or_png(as_a, world):
    response = as_a.post(reverse("dashboard:certificate-document-upload"), {
        "product": world.a.product.pk, "document": upload("cert.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")})
    assert response.status_code == 200
    assert "PDF, JPEG" in response.content.decode()


def test_staff_certify_from_a_document_and_the_stars_follow_the_rules(as_staff, world):
    response = as_staff.post(reverse("dashboard:certificate-create") + f"?request={world.a.document.pk}",
                             certificate_post(world, source_request=world.a.document.pk,
                                              supersedes=world.a.certificate.pk))
    assert response.status_code == 302, response.content.decode()[:3000]
    certificate = Certificate.objects.get(number="AG-TEST-4S")
    assert certificate.stars == 4 and certificate.total == 78 and certificate.producer == world.a.partner
    assert certificate.document.name == world.a.document.document.name
    world.a.document.refresh_from_db()
    assert world.a.document.certificate == certificate
    assert certificate.supersedes == world.a.certificate


def test_five_stars_from_a_provincial_authority_is_a_form_error(as_staff, world):
    response = as_staff.post(reverse("dashboard:certificate-create"),
                             certificate_post(world, score_a="38", score_b="28", score_c="28"))
    assert response.status_code == 200
    assert "cấp Bộ" in response.content.decode()
    assert not Certificate.objects.filter(number="AG-TEST-4S").exists()


def test_staff_revoke_with_a_reason_and_the_badge_goes_at_once(as_staff, world, demo_today):
    url = reverse("dashboard:certificate-revoke", kwargs={"pk": world.a.certificate.pk})
    today = DEMO_DAY.isoformat()  # demo_today stops the clock on this day: revoked today, the badge goes at once
    assert as_staff.post(url, {"revoked_on": today, "revocation_reason": ""}).status_code == 200
    assert as_staff.post(url, {"revoked_on": today, "revocation_reason": "Vi phạm ghi nhãn"}).status_code == 302
    product = Product.objects.get(pk=world.a.product.pk)
    assert product.ocop_stars is None
    page = as_staff.get(product.get_absolute_url()).content.decode()
    assert "ocop-badge" not in page


def test_qr_codes_point_at_the_absolute_verify_url(as_a, world):
    from io import BytesIO

    from PIL import Image

    from storefront.ocop.qr import qr_png, qr_svg

    expected = absolute_url(reverse("ocop:verify", kwargs={"number": world.a.certificate.number}))  # public host
    png = as_a.get(reverse("dashboard:certificate-qr", kwargs={"pk": world.a.certificate.pk, "fmt": "png"}) + "?download=1")
    assert png["Content-Type"] == "image/png" and "attachment" in png["Content-Disposition"]
    assert png.content == qr_png(expected)  # the same symbol the library draws for the verify URL
    with Image.open(BytesIO(png.content)) as image:
        assert image.format == "PNG" and image.size[0] > 100
    svg = as_a.get(reverse("dashboard:certificate-qr", kwargs={"pk": world.a.certificate.pk, "fmt": "svg"}))
    assert svg["Content-Type"] == "image/svg+xml" and svg.content == qr_svg(expected)
    assert as_a.get(reverse("dashboard:certificate-qr", kwargs={"pk": world.a.certificate.pk, "fmt": "gif"})).status_code == 404


# --- producer accounts -----------------------------------------------------------------------------------

def test_a_producer_applies_staff_approve_and_the_dashboard_opens(client, world):
    form = {"name": "HTX Mật ong Bảy Núi", "legal_type": "cooperative", "province": Province.objects.get(code="91").pk,
            "address": "Ấp Núi Cấm", "phone": "0296 000 111", "email": "htx@example.vn", "description": "",
            "full_name": "Trần Thị Bảy", "account_email": "bay@example.vn", "password1": "mat-ong-bay-nui-2026",
            "password2": "mat-ong-bay-nui-2026"}
    assert client.post(reverse("producers:apply"), form).status_code == 302
    application = ProducerApplication.objects.get(applicant__email="bay@example.vn")
    confirm_link = mail.outbox[-1].body.split(settings.SITE_URL, 1)[1].split()[0]  # the account opens by e-mail
    assert client.post(confirm_link).status_code == 302
    assert client.get(reverse("dashboard:index")).status_code == 403  # not before approval

    client.force_login(world.staff)
    decide = reverse("dashboard:producer-application", kwargs={"pk": application.pk})
    assert client.post(decide, {"approve": "1"}).status_code == 302
    application.refresh_from_db()
    partner = application.partner
    assert partner.name == "HTX Mật ong Bảy Núi" and application.status == "approved"

    client.force_login(application.applicant)
    home = client.get(reverse("dashboard:index"))
    assert home.status_code == 200 and "HTX Mật ong Bảy Núi" in home.content.decode()


def test_a_bad_application_is_a_form_error_and_creates_nothing(client):
    before = get_user_model().objects.count()
    response = client.post(reverse("producers:apply"), {"name": "", "account_email": "x@example.vn",
                                                        "password1": "a", "password2": "b"})
    assert response.status_code == 200 and get_user_model().objects.count() == before


def test_staff_invite_a_producer_user_who_gets_a_set_password_email(as_staff, world):
    response = as_staff.post(reverse("dashboard:producer-invite"),
                             {"partner": world.b.partner.pk, "email": "moi@example.vn", "full_name": "Lê Văn Mới"})
    assert response.status_code == 302
    user = get_user_model().objects.get(email="moi@example.vn")
    assert world.b.partner.users.filter(pk=user.pk).exists() and user.has_perm("partner.dashboard_access")
    assert mail.outbox and "/password-reset/confirm/" in mail.outbox[-1].body


def test_staff_only_producer_pages_refuse_producers(as_a, world):
    for name in ("producer-application-list", "producer-invite", "certificate-create"):
        assert as_a.get(reverse(f"dashboard:{name}")).status_code == 403


def test_the_dashboard_menu_shows_a_producer_only_what_it_may_open(as_a, world):
    body = as_a.get(reverse("dashboard:index")).content.decode()
    assert reverse("dashboard:certificate-list") in body
    assert reverse("dashboard:producer-application-list") not in body
    assert reverse("dashboard:partner-list") not in body


__all__ = ["date", "Partner"]


def test_a_product_lands_in_its_groups_category_without_the_producer_choosing_one(as_a, world):
    data = product_post(world, title_vi="Mật ong không chọn danh mục", **{
        "stockrecords-0-partner_sku": "MO-THU-2", "productcategory_set-0-category": ""})
    response = as_a.post(create_url(world), data)
    assert response.status_code == 302, form_errors(response)
    product = Product.objects.get(title="Mật ong không chọn danh mục")
    assert list(product.categories.all()) == [product.group.category]


def test_a_product_needs_its_ocop_classification(as_a, world):
    response = as_a.post(create_url(world), product_post(world, title_vi="Không phân loại", classification="",
                                                         **{"stockrecords-0-partner_sku": "MO-THU-3"}))
    assert response.status_code == 200
    assert "classification" in response.context["form"].errors
