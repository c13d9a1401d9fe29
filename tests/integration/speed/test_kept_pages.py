"""Whole pages kept for blank visitors (storefront/kept_pages.py): the home page, product pages and listings are
built once and handed to every visitor without a session, basket or recently viewed products, each with their own
CSRF token, CSP nonce and search record; what changes shows at once; a visitor with anything personal gets the page
built for them."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_today")]

Basket = get_model("basket", "Basket")
ProductRecord = get_model("analytics", "ProductRecord")


def dong(amount):
    return f"{int(amount):,}".replace(",", ".") + "\u00a0₫"


@pytest.fixture
def jam():
    return factories.product(title="Mứt gừng giữ nguyên trang", price=85000, stock=7)


def get(client, url, **extra):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    assert response.status_code == 200
    return response, len(queries)


def token_of(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def nonce_of(response):
    [nonce] = re.findall(r'<script nonce="([^"]+)">', response.content.decode())
    return nonce


def test_a_blank_visitor_gets_the_kept_product_page_with_their_own_token_and_nonce(jam):
    url = jam.get_absolute_url()
    first, built = get(Client(), url)
    visitor = Client(enforce_csrf_checks=True)
    kept, reads = get(visitor, url)
    # the prices and stock it shows and its view count, in the request's savepoint
    assert reads < built and reads <= 5
    html = kept.content.decode()
    assert jam.title in html and dong(85000) in html
    assert "ocop-csrf-token-placeholder" not in html and "ocop-csp-nonce-placeholder" not in html
    assert token_of(html) != token_of(first.content.decode())
    nonce = nonce_of(kept)
    assert nonce != nonce_of(first) and f"'nonce-{nonce}'" in kept["Content-Security-Policy"]
    # the token is this visitor's own: their basket form works
    response = visitor.post(f"/basket/add/{jam.pk}/", {"csrfmiddlewaretoken": token_of(html), "quantity": 1})
    assert response.status_code == 302
    assert Basket.objects.get(pk=visitor.cookies["oscar_open_basket"].value.split(":")[0]).num_items == 1


def test_a_kept_product_page_still_counts_the_view_and_remembers_the_product(jam):
    url = jam.get_absolute_url()
    get(Client(), url)
    visitor = Client()
    response, _ = get(visitor, url)
    assert str(jam.pk) in response.cookies["oscar_history"].value
    assert ProductRecord.objects.get(product=jam).num_views == 2


def test_a_new_price_or_stock_shows_at_once_on_the_kept_product_page_even_without_a_signal(jam):
    url = jam.get_absolute_url()
    assert dong(85000) in get(Client(), url)[0].content.decode()
    jam.stockrecords.update(price=Decimal(79000))
    assert dong(79000) in get(Client(), url)[0].content.decode()
    jam.stockrecords.update(num_in_stock=0)
    html = get(Client(), url)[0].content.decode()
    assert "outofstock" in html and "instock" not in html


def test_a_new_title_shows_at_once_on_the_kept_product_page(jam):
    url = jam.get_absolute_url()
    get(Client(), url)
    jam.title = "Mứt gừng đổi tên"
    jam.save()
    assert "Mứt gừng đổi tên" in get(Client(), url)[0].content.decode()


def test_a_visitor_with_a_basket_sees_their_own_basket_not_the_kept_page(jam):
    url = jam.get_absolute_url()
    get(Client(), url)
    buyer = Client()
    html = buyer.get(url).content.decode()
    buyer.post(f"/basket/add/{jam.pk}/", {"csrfmiddlewaretoken": token_of(html), "quantity": 2})
    mine = get(buyer, url)[0].content.decode()
    assert re.search(r'class="site-basket-count">\s*2', mine)
    assert 'site-basket-count is-empty' in get(Client(), url)[0].content.decode()


def test_a_visitor_back_from_search_results_gets_the_back_button(jam):
    url = jam.get_absolute_url()
    get(Client(), url)
    html = get(Client(), url, HTTP_REFERER="http://testserver/search/?q=gung")[0].content.decode()
    assert "http://testserver/search/?q=gung" in html
    assert "http://testserver/search/?q=gung" not in get(Client(), url)[0].content.decode()


def test_a_signed_in_buyer_gets_the_page_built_for_them(jam, django_user_model):
    url = jam.get_absolute_url()
    get(Client(), url)
    buyer = Client()
    buyer.force_login(django_user_model.objects.create_user("kept", "kept@example.vn", "a-Long-pass-1"))
    html = get(buyer, url)[0].content.decode()
    assert "/accounts/logout/" in html
    assert "/accounts/logout/" not in get(Client(), url)[0].content.decode()


def test_a_hidden_product_is_not_kept(jam):
    url = jam.get_absolute_url()
    get(Client(), url)
    jam.is_public = False
    jam.save()
    assert Client().get(url).status_code == 404


def test_the_home_page_is_kept_for_blank_visitors_in_their_language():
    built = get(Client(), "/")[1]
    kept, reads = get(Client(), "/")
    # Wagtail's site, route and view restrictions, the 5-star cards' prices and stock, the request's savepoint
    assert reads < built and reads <= 7
    assert 'lang="vi"' in kept.content.decode()
    english = Client()
    english.cookies["django_language"] = "en"
    assert 'lang="en"' in get(english, "/")[0].content.decode()
    assert 'lang="vi"' in get(Client(), "/")[0].content.decode()


def record_id(html):
    return int(re.search(r'data-search-record="(\d+)"', html).group(1))


def test_a_kept_search_page_carries_each_visits_own_search_record(jam):
    SearchRecord = get_model("search", "SearchRecord")
    url = "/search/?q=m%E1%BB%A9t+g%E1%BB%ABng"
    first, built = get(Client(), url)
    second, reads = get(Client(), url)
    assert reads < built
    ids = [record_id(first.content.decode()), record_id(second.content.decode())]
    assert ids[0] != ids[1]
    assert list(SearchRecord.objects.filter(pk__in=ids).values_list("query", flat=True)) == ["mứt gừng"] * 2
    assert "ocop-search-record-placeholder" not in second.content.decode()
    assert jam.get_absolute_url() in second.content.decode()


def test_a_visitor_with_a_session_gets_their_own_search_record_on_a_built_page(jam, django_user_model):
    url = "/search/?q=m%E1%BB%A9t+g%E1%BB%ABng"
    get(Client(), url)
    buyer = Client()
    buyer.force_login(django_user_model.objects.create_user("tim", "tim@example.vn", "a-Long-pass-1"))
    html = get(buyer, url)[0].content.decode()
    assert "ocop-search-record-placeholder" not in html
    assert get_model("search", "SearchRecord").objects.filter(pk=record_id(html)).exists()


def test_a_new_delivery_tariff_shows_at_once_on_the_kept_product_page(jam):
    ProducerTariff = get_model("shipping", "ProducerTariff")
    url = jam.get_absolute_url()
    get(Client(), url)
    ProducerTariff.objects.update_or_create(producer=jam.producer, defaults={"flat_rate": Decimal(27000)})
    assert dong(27000) in get(Client(), url)[0].content.decode()


def test_past_its_minute_one_request_builds_the_page_again_while_the_others_answer_with_the_kept_one(
        jam, demo_today, monkeypatch):
    from django.core.cache import caches

    cache = caches["default"]  # the backend itself, whose method the test replaces for a while
    url = jam.get_absolute_url()
    get(Client(), url)
    kept = get(Client(), url)[1]
    demo_today.shift(timedelta(seconds=61))
    real_add = cache.add
    monkeypatch.setattr(cache, "add", lambda key, *args, **kwargs: False if key.endswith(":building")
                        else real_add(key, *args, **kwargs))  # another request is building it
    response, reads = get(Client(), url)
    assert reads <= kept and jam.title in response.content.decode()
    monkeypatch.undo()
    assert get(Client(), url)[1] > kept  # this request builds it
    assert get(Client(), url)[1] <= kept  # kept again for the next minute
