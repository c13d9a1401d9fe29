"""One public host: the sitemap, canonical links, Open Graph, JSON-LD, the search API and e-mails all point at
settings.SITE_URL, whatever host a request came in on and whatever the site records held before."""

import json
import re
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from django.conf import settings
from django.contrib.sites.models import Site as DjangoSite
from django.core import mail
from django.test import override_settings
from oscar.core.loading import get_model
from wagtail.models import Site as WagtailSite

from cms.models import FairPage
from tests import factories
from tests.integration.checkout.journey import GUEST_EMAIL, place_order, to_preview

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_today")]
Product = get_model("catalogue", "Product")
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_locations(client, **headers):
    response = client.get("/sitemap.xml", **headers)
    assert response.status_code == 200
    return [loc.text for loc in ElementTree.fromstring(response.content).iter(f"{SITEMAP}loc")]


def public_links(html):
    """canonical, og:url and every JSON-LD url of a page."""
    links = {"canonical": re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1),
             "og:url": re.search(r'<meta property="og:url" content="([^"]+)"', html).group(1)}
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
        data = json.loads(block)
        links[f"json-ld {data['@type']}"] = data["url"]
    return links


def test_the_suite_serves_the_site_on_its_configured_public_host():
    assert settings.SITE_URL == "http://127.0.0.1:8000" == settings.WAGTAILADMIN_BASE_URL


def test_load_demo_puts_both_frameworks_site_records_on_the_public_host():
    assert DjangoSite.objects.get_current().domain == "127.0.0.1:8000"
    assert WagtailSite.objects.get(is_default_site=True).root_url == settings.SITE_URL


def test_the_sitemap_lists_every_page_and_product_on_the_public_host(client):
    locations = sitemap_locations(client, HTTP_HOST="localhost")  # asked on another host than the public one
    assert all(location.startswith(settings.SITE_URL + "/") for location in locations)
    product = Product.objects.filter(is_public=True).first()
    fair = FairPage.objects.live().first()
    assert settings.SITE_URL + product.get_absolute_url() in locations
    assert settings.SITE_URL + fair.url in locations and settings.SITE_URL + "/" in locations


def test_product_and_content_pages_link_to_themselves_on_the_public_host(client):
    product = Product.objects.filter(is_public=True, stockrecords__isnull=False).first()
    links = public_links(client.get(product.get_absolute_url(), HTTP_HOST="localhost").content.decode())
    assert set(links.values()) == {settings.SITE_URL + product.get_absolute_url()}
    assert set(links) == {"canonical", "og:url", "json-ld Product"}
    fair = FairPage.objects.live().first()
    links = public_links(client.get(fair.url, HTTP_HOST="localhost").content.decode())
    assert set(links.values()) == {settings.SITE_URL + fair.url} and "json-ld Event" in links


@override_settings(SITE_URL="https://ocop.example.vn")
def test_another_site_url_moves_every_public_link_without_touching_the_site_records(client):
    product = Product.objects.filter(is_public=True, stockrecords__isnull=False).first()
    assert all(urlsplit(location)[:2] == ("https", "ocop.example.vn") for location in sitemap_locations(client))
    links = public_links(client.get(product.get_absolute_url()).content.decode())
    assert set(links.values()) == {"https://ocop.example.vn" + product.get_absolute_url()}
    [result] = [item for item in client.get("/api/search/", {"q": product.title}).json()["results"]
                if item["id"] == product.pk]
    assert result["url"] == "https://ocop.example.vn" + product.get_absolute_url()


def test_the_order_e_mail_links_to_the_order_on_the_public_host(client, django_capture_on_commit_callbacks):
    product = factories.product(factories.producer(email="htx@example.vn"), price=90000)
    to_preview(client, [(product, 1)])
    with django_capture_on_commit_callbacks(execute=True):
        place_order(client)
    [to_buyer] = [message for message in mail.outbox if message.to == [GUEST_EMAIL]]
    links = re.findall(r"https?://[^\s\"'<>]+", to_buyer.body + "".join(
        content for content, _type in getattr(to_buyer, "alternatives", [])))
    assert links and all(link.startswith(settings.SITE_URL + "/") for link in links)
