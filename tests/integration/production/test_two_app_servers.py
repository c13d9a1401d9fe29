"""Many app servers behind one address: whatever a buyer did on one server, the other knows (basket, session,
uploaded media, stock, rate limits), because nothing lives in a server process. Two gunicorn servers under
production settings (conftest.py); a requests.Session plays the browser, whose cookies go to both ports as they
would go to one load-balanced host."""

import threading
from concurrent.futures import ThreadPoolExecutor
from io import BytesIO
from urllib.parse import urlsplit

import psycopg
import pytest
import requests
from bs4 import BeautifulSoup
from django.urls import reverse
from PIL import Image

from storefront.ocop.models import Certificate
from tests.conftest import DEMO_ADMIN_PASSWORD
from tests.integration.checkout.journey import address_data

from .conftest import ADMIN_EMAIL, BUYER_EMAIL, BUYER_PASSWORD, STOCK, VERIFY_LIMIT

BUYERS = 30
TIMEOUT = 120  # seconds for one request: 30 buyers queue for 4 workers on a busy machine


class Browser(requests.Session):
    """A buyer's browser: keeps cookies and sends Django's CSRF token with every form it posts."""

    def post(self, url, data=None, **kwargs):
        token = self.cookies.get("csrftoken") or self.csrf_from_sign_in_page(url)
        return super().post(url, data=data, headers={"X-CSRFToken": token, "Referer": url},
                            allow_redirects=False, timeout=TIMEOUT, **kwargs)

    def get(self, url, **kwargs):
        kwargs.setdefault("timeout", TIMEOUT)
        return super().get(url, **kwargs)

    def csrf_from_sign_in_page(self, url):
        parts = urlsplit(url)
        self.get(f"{parts.scheme}://{parts.netloc}{reverse('customer:login')}")  # its forms set the cookie
        return self.cookies.get("csrftoken", "")


def sign_in(browser, server, email, password):
    url = server + reverse("customer:login")
    browser.get(url)
    response = browser.post(url, {"login-username": email, "login-password": password, "login_submit": "1"})
    assert response.status_code == 302, response.text[:2000]


def add_to_basket(browser, server, product_pk):
    browser.get(f"{server}/catalogue/_{product_pk}/")  # the product page (redirected to its canonical URL)
    response = browser.post(server + reverse("basket:add", kwargs={"pk": product_pk}), {"quantity": 1})
    assert response.status_code == 302, response.text[:2000]


def to_preview(browser, server, email, address):
    """Guest e-mail -> address -> shipping method -> cash on delivery -> preview, as the browser posts them."""
    response = browser.post(server + reverse("checkout:index"), {"username": email, "options": "anonymous"})
    assert response.status_code == 302, response.text[:2000]
    response = browser.post(server + reverse("checkout:shipping-address"), address)
    assert response.status_code == 302, response.text[:2000]
    browser.get(server + reverse("checkout:shipping-method"))
    response = browser.post(server + reverse("checkout:payment-method"), {"method": "cod"})
    assert response.status_code == 302, response.text[:2000]
    assert browser.get(server + reverse("checkout:preview")).status_code == 200


def one_row(database_url, sql, *params):
    with psycopg.connect(database_url) as connection:
        return connection.execute(sql, params).fetchone()


@pytest.mark.django_db
def test_a_basket_filled_on_one_server_is_the_basket_on_the_other(two_servers):
    a, b = two_servers.urls
    browser = Browser()
    add_to_basket(browser, a, two_servers.product_pk)
    page = browser.get(b + reverse("basket:summary"))
    assert page.status_code == 200
    assert "Mứt gừng hai máy chủ" in page.text
    # the product has no picture: its thumbnail is Oscar's placeholder, made in the bucket, not a broken image
    media_prefix = f"{two_servers.media_endpoint}/{two_servers.media_bucket}/"
    pictures = [img["src"] for img in BeautifulSoup(page.text, "html.parser").find_all("img", src=True)
                if img["src"].startswith(media_prefix)]
    assert pictures
    assert all(requests.get(src, timeout=TIMEOUT).status_code == 200 for src in pictures)


@pytest.mark.django_db
def test_a_buyer_signed_in_on_one_server_is_signed_in_on_the_other(two_servers):
    a, b = two_servers.urls
    browser = Browser()
    assert browser.get(b + reverse("customer:profile-view"), allow_redirects=False).status_code == 302  # sign in
    sign_in(browser, a, BUYER_EMAIL, BUYER_PASSWORD)
    page = browser.get(b + reverse("customer:profile-view"), allow_redirects=False)
    assert page.status_code == 200
    assert BUYER_EMAIL in page.text


@pytest.mark.django_db
def test_an_image_uploaded_through_one_server_is_served_through_the_other(two_servers):
    a, b = two_servers.urls
    staff = Browser()
    sign_in(staff, a, ADMIN_EMAIL, DEMO_ADMIN_PASSWORD)
    picture = BytesIO()
    Image.new("RGB", (320, 200), (20, 120, 60)).save(picture, format="PNG")
    response = staff.post(a + "/cms/images/add/", {"title": "Ruộng chè hai máy chủ"},
                          files={"file": ("ruong-che-hai-may-chu.png", picture.getvalue(), "image/png")})
    assert response.status_code == 302, response.text[:2000]
    listing = staff.get(b + "/cms/images/", params={"q": "Ruộng chè hai máy chủ"})
    edit_link = BeautifulSoup(listing.text, "html.parser").find("a", href=lambda href: href and
                                                                 href.rstrip("/").split("/")[-1].isdigit()
                                                                 and "/cms/images/" in href)
    edit_page = staff.get(b + edit_link["href"])  # server B makes the renditions, from the original in the bucket
    sources = [img["src"] for img in BeautifulSoup(edit_page.text, "html.parser").find_all("img", src=True)
               if "ruong-che-hai-may-chu" in img["src"]]
    assert sources, "server B's edit page shows no rendition of the uploaded image"
    media_prefix = f"{two_servers.media_endpoint}/{two_servers.media_bucket}/"
    assert all(source.startswith(media_prefix) for source in sources), sources  # from the bucket, not a server
    image = requests.get(sources[0], timeout=TIMEOUT)
    assert image.status_code == 200 and image.headers["Content-Type"].startswith("image/")
    assert Image.open(BytesIO(image.content)).size[0] > 0


@pytest.mark.django_db
def test_thirty_buyers_on_two_servers_for_five_units_make_exactly_five_orders(two_servers):
    product_pk = two_servers.product_pk
    address = address_data()  # read here: the threads touch no database but the servers'
    browsers = [Browser() for _ in range(BUYERS)]
    # Baskets fill one add at a time (Oscar's analytics counts a product's first basket add with a plain insert);
    # the rest of the way, and above all the placing of the orders, runs together.
    adding = threading.Lock()
    ready = threading.Barrier(BUYERS)

    def buyer(n):
        server = two_servers.urls[n % 2]
        other = two_servers.urls[(n + 1) % 2]
        try:
            with adding:
                add_to_basket(browsers[n], server, product_pk)
            to_preview(browsers[n], server, f"nguoi-mua-{n}@example.vn", address)
        except BaseException:
            ready.abort()  # the others stop waiting for a buyer who will not come
            raise
        ready.wait(timeout=600)
        response = browsers[n].post(other + reverse("checkout:preview"), {"action": "place_order"})
        return response.headers.get("Location", response.status_code)

    with ThreadPoolExecutor(BUYERS) as pool:
        outcomes = list(pool.map(buyer, range(BUYERS)))

    orders, = one_row(two_servers.database_url, 'SELECT count(DISTINCT order_id) FROM order_line WHERE product_id = %s',
                      product_pk)
    in_stock, allocated = one_row(two_servers.database_url,
                                  "SELECT num_in_stock, num_allocated FROM partner_stockrecord WHERE product_id = %s",
                                  product_pk)
    assert orders == STOCK
    assert in_stock == allocated == STOCK
    assert [urlsplit(str(outcome)).path for outcome in outcomes].count(reverse("checkout:thank-you")) == STOCK, outcomes


@pytest.mark.django_db
def test_the_verify_rate_limit_counts_a_clients_lookups_on_both_servers_together(two_servers):
    number = Certificate.objects.order_by("pk").values_list("number", flat=True).first()
    browser = Browser()
    statuses = [browser.get(two_servers.urls[n % 2] + reverse("ocop:verify", kwargs={"number": number})).status_code
                for n in range(VERIFY_LIMIT + 2)]
    assert statuses[:VERIFY_LIMIT] == [200] * VERIFY_LIMIT  # three on each server
    assert statuses[VERIFY_LIMIT:] == [429, 429]  # the next one is refused, whichever server it reaches


@pytest.mark.django_db
@pytest.mark.parametrize("encoding", ["br", "gzip"])
def test_static_files_are_compressed_and_cached_for_a_year_under_production_settings(two_servers, encoding):
    a, b = two_servers.urls
    home = requests.get(f"{a}/", timeout=TIMEOUT)
    stylesheets = [link["href"] for link in BeautifulSoup(home.text, "html.parser").find_all("link", rel="stylesheet")
                   if link["href"].startswith("/static/")]
    assert stylesheets, "the home page links no stylesheet under /static/"
    for href in stylesheets:
        assert len(href.rsplit(".", 2)[-2]) == 12  # the content hash collectstatic put in the name
        response = requests.get(b + href, headers={"Accept-Encoding": encoding}, stream=True, timeout=TIMEOUT)
        assert response.status_code == 200
        assert response.headers["Content-Encoding"] == encoding
        cache_control = response.headers["Cache-Control"]
        assert "immutable" in cache_control and int(cache_control.split("max-age=")[1].split(",")[0]) >= 365 * 86400
