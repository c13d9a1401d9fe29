"""Certificate documents are private: stored outside the public media under random names, handed out only to
staff and the owning producer, and checked as real, harmless PDFs (or re-encoded images) before they are kept."""

import os
from io import BytesIO, StringIO
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import call_command
from django.http import Http404
from django.test import RequestFactory
from django.urls import reverse
from django.views.static import serve
from pypdf import PdfWriter
from pypdf.actions import JavaScript
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

from storefront.ocop.models import Certificate, CertificationRequest, RuleSet

from .conftest import pdf_bytes, png_bytes, upload

pytestmark = pytest.mark.django_db

KINDS = {  # document kind -> (download URL name, the side's object that holds it)
    "certificate-scan": ("dashboard:certificate-document", lambda side: side.certificate),
    "producer-document": ("dashboard:certificate-request-document", lambda side: side.document),
}
MISSING = 999_999


def document_url(kind, side=None, pk=None):
    url_name, owner = KINDS[kind]
    return reverse(url_name, kwargs={"pk": pk if pk is not None else owner(side).pk})


def stored_bytes(kind, side):
    field = KINDS[kind][1](side).document
    with field.storage.open(field.name, "rb") as handle:
        return handle.read()


def files_under(root):
    return [Path(folder) / name for folder, _, names in os.walk(root) for name in names]


# --- who gets a document ------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", KINDS)
def test_anonymous_visitors_are_sent_to_sign_in_the_same_way_whether_the_document_exists_or_not(client, world, kind):
    existing = client.get(document_url(kind, world.b))
    missing = client.get(document_url(kind, pk=MISSING))
    assert existing.status_code == missing.status_code == 302
    assert existing["Location"].startswith(reverse("dashboard:login"))
    assert world.b.marker.encode() not in existing.content


@pytest.mark.parametrize("kind", KINDS)
def test_another_producer_gets_the_same_404_as_for_a_document_that_does_not_exist(as_a, world, kind):
    other = as_a.get(document_url(kind, world.b))
    missing = as_a.get(document_url(kind, pk=MISSING))
    assert other.status_code == missing.status_code == 404
    assert world.b.marker.encode() not in other.content


@pytest.mark.parametrize("kind", KINDS)
def test_a_signed_in_customer_without_dashboard_access_is_refused(client, world, kind):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.create_user("buyer", "buyer@example.vn", "secret-pass-123"))
    response = client.get(document_url(kind, world.b))
    assert response.status_code == 403
    assert world.b.marker.encode() not in response.content


@pytest.mark.parametrize("kind", KINDS)
def test_the_owning_producer_downloads_its_document_as_an_attachment_that_is_never_sniffed(client, world, kind):
    client.force_login(world.b.user)
    response = client.get(document_url(kind, world.b))
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    assert body == stored_bytes(kind, world.b) and world.b.marker.encode() in body
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("kind", KINDS)
def test_staff_download_any_producers_document(as_staff, world, kind):
    for side in (world.a, world.b):
        response = as_staff.get(document_url(kind, side))
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == stored_bytes(kind, side)


def test_a_certificate_without_a_scan_is_a_404_even_for_staff(as_staff, world):
    Certificate.objects.filter(pk=world.a.certificate.pk).update(document="")
    assert as_staff.get(document_url("certificate-scan", world.a)).status_code == 404


def test_nginx_serves_the_file_when_accel_redirect_is_configured(client, world, settings):
    settings.OCOP_PRIVATE_MEDIA_ACCEL_REDIRECT = "/internal-documents/"
    client.force_login(world.b.user)
    response = client.get(document_url("producer-document", world.b))
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/internal-documents/{world.b.document.document.name}"
    assert response.content == b""  # nginx reads the file from its internal location, Django sends none of it
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_dashboard_links_point_at_the_checked_download_views(client, world):
    client.force_login(world.b.user)
    page = client.get(reverse("dashboard:certificate-list")).content.decode()
    assert document_url("producer-document", world.b) in page
    assert document_url("certificate-scan", world.b) in page
    assert "/media/" not in page


# --- where an upload is kept --------------------------------------------------------------------------------

def test_an_uploaded_document_is_private_under_a_random_name_and_the_old_public_url_serves_nothing(as_a, world):
    secret = pdf_bytes("p2-secret-cert")
    response = as_a.post(reverse("dashboard:certificate-document-upload"), {
        "product": world.a.product.pk, "document": upload("p2-secret-cert.pdf", secret, "application/pdf")})
    assert response.status_code == 302
    sent = CertificationRequest.objects.get(submitted_by=world.a.user, note="")  # the world's have a note
    assert "p2-secret-cert" not in sent.document.name and sent.document.name.endswith(".pdf")
    assert storages["private"].open(sent.document.name).read() == secret
    assert not any(path.read_bytes() == secret for path in files_under(django_settings.MEDIA_ROOT))
    old_public_path = f"certification-requests/{world.a.partner.pk}/p2-secret-cert.pdf"
    request = RequestFactory().get(f"/media/{old_public_path}")
    for path in (old_public_path, sent.document.name):  # what a web server serving MEDIA_ROOT would find
        with pytest.raises(Http404):
            serve(request, path, document_root=django_settings.MEDIA_ROOT)
    assert b"".join(as_a.get(sent.document.url).streaming_content) == secret


def test_a_good_pdf_is_accepted_unchanged(as_a, world):
    good = pdf_bytes("Giấy chứng nhận OCOP", pages=2)
    response = as_a.post(reverse("dashboard:certificate-document-upload"), {
        "product": world.a.product.pk, "document": upload("chung-nhan.pdf", good, "application/pdf"),
        "note": "bản PDF tốt"})
    assert response.status_code == 302
    sent = CertificationRequest.objects.get(note="bản PDF tốt")
    assert sent.document.read() == good


def test_an_image_document_is_re_encoded_and_kept_privately(as_a, world):
    response = as_a.post(reverse("dashboard:certificate-document-upload"), {
        "product": world.a.product.pk, "document": upload("scan.jpg", png_bytes(fmt="JPEG"), "image/jpeg"),
        "note": "ảnh chụp"})
    assert response.status_code == 302
    sent = CertificationRequest.objects.get(note="ảnh chụp")
    assert sent.document.name.startswith("certification-requests/") and sent.document.name.endswith(".jpg")
    assert as_a.get(sent.document.url)["Content-Type"] == "image/jpeg"


# --- hostile PDFs ---------------------------------------------------------------------------------------------

def written(writer):
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def one_page():
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    return writer


def with_javascript_open_action():
    writer = one_page()
    writer._root_object[NameObject("/OpenAction")] = DictionaryObject({
        NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("app.alert('hi');")})
    return written(writer)


def with_document_javascript():
    writer = one_page()
    writer.add_open_action(JavaScript("this.print({bUI: false});"))  # the document-level /JavaScript name tree
    return written(writer)


def with_page_launch_action():
    writer = one_page()
    writer.pages[0][NameObject("/AA")] = DictionaryObject({NameObject("/O"): DictionaryObject({
        NameObject("/S"): NameObject("/Launch"), NameObject("/F"): TextStringObject("cmd.exe")})})
    return written(writer)


def with_embedded_file():
    writer = one_page()
    writer.add_attachment("invoice.exe", b"MZ\x90\x00")
    return written(writer)


def encrypted():
    writer = one_page()
    writer.encrypt(user_password="", owner_password="owner")  # opens without a password, still encrypted
    return written(writer)


def with_javascript_behind_escaped_names():
    """/J#61vaScript is /JavaScript to a viewer: a byte search would miss it, a parser does not."""
    return with_javascript_open_action().replace(b"/JavaScript", b"/J#61vaScript").replace(b"/JS ", b"/J#53 ")


def fake_pdf_garbage():
    return b"%PDF-1.7\n" + b"<html><script>alert(1)</script></html>\n" * 20


HOSTILE = {
    "javascript-open-action": (with_javascript_open_action, "chứa mã lệnh"),
    "document-javascript": (with_document_javascript, "chứa mã lệnh"),
    "launch-on-page-open": (with_page_launch_action, "chứa mã lệnh"),
    "escaped-javascript-names": (with_javascript_behind_escaped_names, "chứa mã lệnh"),
    "embedded-file": (with_embedded_file, "đính kèm tệp khác"),
    "encrypted": (encrypted, "đặt mật khẩu"),
    "fake-pdf-header": (fake_pdf_garbage, "Không đọc được tệp PDF"),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_pdf_is_a_form_error_and_nothing_is_stored(as_a, world, name):
    build, message = HOSTILE[name]
    before = CertificationRequest.objects.count()
    stored_before = set(files_under(storages["private"].location))
    response = as_a.post(reverse("dashboard:certificate-document-upload"), {
        "product": world.a.product.pk, "document": upload("cert.pdf", build(), "application/pdf")})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert CertificationRequest.objects.count() == before
    assert set(files_under(storages["private"].location)) == stored_before


def test_a_pdf_with_too_many_pages_is_a_form_error(as_a, world, settings):
    settings.OCOP_UPLOAD_MAX_PDF_PAGES = 3
    response = as_a.post(reverse("dashboard:certificate-document-upload"), {
        "product": world.a.product.pk, "document": upload("cert.pdf", pdf_bytes(pages=4), "application/pdf")})
    assert response.status_code == 200
    assert "Tệp PDF có 4 trang; giới hạn là 3 trang" in response.content.decode()


def test_staff_cannot_attach_a_hostile_pdf_to_a_certificate_either(as_staff, world):
    data = {"product": world.a.product.pk, "number": "AG-PDF-JS", "decision_number": "78/QĐ-UBND",
            "issued_on": "2026-06-01", "level": "province", "authority": "UBND tỉnh An Giang",
            "rule_set": RuleSet.objects.get(code="26/2026").pk, "score_a": "30", "score_b": "22", "score_c": "26",
            "document": upload("scan.pdf", with_javascript_open_action(), "application/pdf")}
    response = as_staff.post(reverse("dashboard:certificate-create"), data)
    assert response.status_code == 200
    assert "chứa mã lệnh" in response.content.decode()
    assert not Certificate.objects.filter(number="AG-PDF-JS").exists()


# --- documents stored publicly before this change -------------------------------------------------------------

def test_make_documents_private_moves_public_documents_once_and_deletes_the_public_copies(world):
    public, private = storages["default"], storages["private"]
    legacy = pdf_bytes("legacy-scan")
    old_name = public.save(f"certification-requests/{world.a.partner.pk}/legacy-scan.pdf", ContentFile(legacy))
    CertificationRequest.objects.filter(pk=world.a.document.pk).update(document=old_name)
    Certificate.objects.filter(pk=world.a.certificate.pk).update(document=old_name)  # entered from that request

    output = StringIO()
    call_command("make_documents_private", stdout=output)
    world.a.document.refresh_from_db()
    world.a.certificate.refresh_from_db()
    new_name = world.a.document.document.name
    assert new_name != old_name and "legacy-scan" not in new_name
    assert world.a.certificate.document.name == new_name  # the shared file moved once
    assert private.open(new_name).read() == legacy
    assert not public.exists(old_name)
    assert "moved 1 file(s) (2 record(s) updated, 1 public copies deleted), 2 already private" in output.getvalue()

    again = StringIO()
    call_command("make_documents_private", stdout=again)
    assert "moved 0 file(s)" in again.getvalue() and "4 already private" in again.getvalue()


def test_make_documents_private_dry_run_changes_nothing(world):
    public = storages["default"]
    old_name = public.save("certificates/AG-OLD/scan.pdf", ContentFile(pdf_bytes()))
    Certificate.objects.filter(pk=world.b.certificate.pk).update(document=old_name)
    output = StringIO()
    call_command("make_documents_private", "--dry-run", stdout=output)
    world.b.certificate.refresh_from_db()
    assert world.b.certificate.document.name == old_name and public.exists(old_name)
    assert "would move 1 file(s)" in output.getvalue()
