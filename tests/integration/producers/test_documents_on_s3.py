"""Certificate documents in a private S3 bucket (versitygw, started by run_suite.sh): the download views check who
asks, then redirect to a signed URL that expires within a minute; the bucket itself refuses anyone without one."""

import os
import urllib.error
import urllib.request
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit, urlunsplit

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from storefront.ocop.models import CertificationRequest

from .conftest import pdf_bytes, upload

pytestmark = pytest.mark.django_db


def s3_setting(name):
    value = os.environ.get(f"OCOP_TEST_{name}")
    if not value:
        pytest.fail(f"OCOP_TEST_{name} is not set: run the suite through `make test` (it starts the S3 store).")
    return value


@pytest.fixture
def private_bucket(world, settings):
    """The private storage alias pointed at the S3 store's private bucket, as settings/base.py does in production."""
    settings.STORAGES = {**settings.STORAGES, "private": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {
        "endpoint_url": s3_setting("AWS_S3_ENDPOINT_URL"), "region_name": s3_setting("AWS_S3_REGION_NAME"),
        "addressing_style": "path", "signature_version": "s3v4", "file_overwrite": False, "default_acl": None,
        "access_key": s3_setting("AWS_ACCESS_KEY_ID"), "secret_key": s3_setting("AWS_SECRET_ACCESS_KEY"),
        "bucket_name": s3_setting("AWS_PRIVATE_BUCKET_NAME"), "querystring_auth": True,
        "querystring_expire": settings.OCOP_PRIVATE_URL_SECONDS}}}
    return s3_setting("AWS_S3_ENDPOINT_URL")


def fetch(url):
    """(status, body, headers) of a plain GET, as a browser following the redirect would make it."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers


@pytest.fixture
def sent_to_bucket(as_a, world, private_bucket):
    """A document producer A uploads through the dashboard, stored in the private bucket."""
    secret = pdf_bytes("s3-secret-scan")
    response = as_a.post(reverse("dashboard:certificate-document-upload"), {
        "product": world.a.product.pk, "document": upload("scan.pdf", secret, "application/pdf")})
    assert response.status_code == 302
    sent = CertificationRequest.objects.get(submitted_by=world.a.user, note="")
    yield sent, secret
    sent.document.delete(save=False)


def test_the_owner_is_redirected_to_a_short_lived_signed_url_that_serves_the_document(as_a, sent_to_bucket,
                                                                                      private_bucket, settings):
    sent, secret = sent_to_bucket
    response = as_a.get(sent.document.url)  # the checked download view
    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith(f"{private_bucket}/{s3_setting('AWS_PRIVATE_BUCKET_NAME')}/")
    query = parse_qs(urlsplit(location).query)
    assert query["X-Amz-Expires"] == [str(settings.OCOP_PRIVATE_URL_SECONDS)] and "X-Amz-Signature" in query
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    status, body, headers = fetch(location)
    assert status == 200 and body == secret
    assert headers["Content-Type"] == "application/pdf"
    assert headers["Content-Disposition"].startswith("attachment; filename=")


def test_the_bucket_refuses_the_object_without_a_signature(as_a, sent_to_bucket):
    sent, secret = sent_to_bucket
    signed = as_a.get(sent.document.url)["Location"]
    status, body, _ = fetch(urlunsplit(urlsplit(signed)._replace(query="")))
    assert status == 403 and secret not in body


def test_a_signed_url_stops_working_once_it_has_expired(as_a, sent_to_bucket, settings):
    sent, secret = sent_to_bucket
    with time_machine.travel(timezone.now() - timedelta(seconds=settings.OCOP_PRIVATE_URL_SECONDS + 60)):
        stale = as_a.get(sent.document.url)["Location"]
    status, body, _ = fetch(stale)
    assert status == 403 and secret not in body


def test_nobody_else_gets_a_signed_url(world, sent_to_bucket):
    from django.contrib.auth import get_user_model

    sent, _ = sent_to_bucket
    url = sent.document.url
    anonymous = Client().get(url)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith(reverse("dashboard:login"))
    other_producer = Client()
    other_producer.force_login(world.b.user)  # the same 404 as for a document that does not exist
    assert other_producer.get(url).status_code == 404
    customer = Client()
    customer.force_login(get_user_model().objects.create_user("buyer-s3", "buyer-s3@example.vn", "secret-pass-123"))
    assert customer.get(url).status_code == 403
