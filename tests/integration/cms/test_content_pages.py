"""Every content page type renders with the demo content; the buying, dating and discovery rules hold."""

import json
import re
from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine
from icalendar import Calendar
from oscar.core.loading import get_model

from cms.models import (CampaignIndexPage, CampaignPage, FairIndexPage, FairPage, HomePage, NewsIndexPage, NewsPage,
                        ProductStoryPage, ProvinceIndexPage, ProvincePage, ShowroomIndexPage, ShowroomPage,
                        StoryIndexPage)
from tests.demo_clock import DEMO_DAY, DEMO_NOON, demo_content

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_today")]
Product = get_model("catalogue", "Product")

PAGE_TYPES = [HomePage, StoryIndexPage, ProductStoryPage, ProvinceIndexPage, ProvincePage, CampaignIndexPage,
              CampaignPage, FairIndexPage, FairPage, ShowroomIndexPage, ShowroomPage, NewsIndexPage, NewsPage]


def json_ld(html):
    return [json.loads(block) for block in
            re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_every_page_type_renders_its_demo_content(client, model):
    page = model.objects.live().first()
    assert page is not None, f"the demo has no {model.__name__}"
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert page.title in html or model is HomePage
    assert 'property="og:title"' in html


def test_demo_has_the_promised_amounts_of_content():
    assert ProductStoryPage.objects.live().count() >= 5
    assert ShowroomPage.objects.live().count() >= 5
    assert NewsPage.objects.live().count() >= 3
    assert CampaignPage.objects.live().count() == 2
    provinces_with_products = Product.objects.filter(is_public=True).values("origin_province").distinct().count()
    assert ProvincePage.objects.live().count() == provinces_with_products
    assert sorted(fair.status_on(DEMO_DAY) for fair in FairPage.objects.live()) == ["ongoing", "past", "upcoming"]
    assert all(fair.booths.count() >= 10 for fair in FairPage.objects.all())


def test_home_page_shows_the_staffs_choices(client):
    home = HomePage.objects.get()
    response = client.get("/")
    html = response.content.decode()
    assert home.featured_campaign.title in html
    chosen = [link.product.title for link in home.featured_products.all()]
    assert chosen and all(title in html for title in chosen)
    assert all(link.fair.title in html for link in home.featured_fairs.all())
    assert all(link.story.title in html for link in home.featured_stories.all())


def test_home_page_falls_back_to_live_content_when_staff_chose_nothing(client):
    home = HomePage.objects.get()
    home.featured_products.all().delete()
    home.featured_fairs.all().delete()
    home.featured_stories.all().delete()
    HomePage.objects.filter(pk=home.pk).update(featured_campaign=None)
    html = client.get("/").content.decode()
    assert "ocop-badge--5" in html
    campaigns, fairs, _news = demo_content()
    assert CampaignPage.objects.get(slug=campaigns["gifts"]["slug"]).title in html
    assert FairPage.objects.get(slug=fairs["hcmc"]["slug"]).title in html
    assert ProductStoryPage.objects.live().order_by("-first_published_at", "-pk").first().title in html


def test_story_shows_live_buy_boxes_and_the_product_page_links_back(client):
    story = ProductStoryPage.objects.get(slug="nuoc-mam-ham-ninh-mua-ca-com")
    html = client.get(story.url).content.decode()
    for link in story.story_products.all():
        product = link.product
        assert product.title in html
        assert f"/basket/add/{product.pk}/" in html
        price = int(product.stockrecords.first().price)
        assert f"{price:,}".replace(",", ".") + "\u00a0₫" in html
    assert "ocop-badge--5" in html and "Thông tin nhanh" in html and "cms-quote" in html
    product_page = client.get(story.story_products.first().product.get_absolute_url()).content.decode()
    assert story.url in product_page and story.title in product_page


def test_story_renders_a_video_embed(client, django_user_model):
    from wagtail.embeds.embeds import get_embed_hash
    from wagtail.embeds.models import Embed

    url = "https://www.youtube.com/watch?v=ocop-demo"
    for width in (None, 960):
        Embed.objects.create(url=url, max_width=width, hash=get_embed_hash(url, width), type="video",
                             html='<iframe src="https://www.youtube.com/embed/ocop-demo"></iframe>')
    story = ProductStoryPage.objects.live().first()
    story.body.append(("video", url))
    story.save()
    assert "youtube.com/embed/ocop-demo" in client.get(story.url).content.decode()


def test_province_page_lists_its_products_through_search_and_its_producers(client):
    page = ProvincePage.objects.get(province__code="91")
    response = client.get(page.url)
    html = response.content.decode()
    assert "Nước mắm Phú Quốc 40 độ đạm" in html and "Hợp tác xã Nước mắm Hàm Ninh" in html
    other = Product.objects.filter(is_public=True).exclude(origin_province__code="91").first()
    assert other.title not in html
    assert "Cửa hàng OCOP Phú Quốc" in html


def test_province_page_answers_a_bad_page_number_with_400(client):
    page = ProvincePage.objects.get(province__code="01")
    assert client.get(page.url, {"page": "abc"}).status_code == 400


def test_running_campaign_shows_offer_prices_and_leaves_listings_after_its_end(client):
    campaigns, _fairs, _news = demo_content()
    campaign = CampaignPage.objects.get(slug=campaigns["gifts"]["slug"])
    index = CampaignIndexPage.objects.get()
    html = client.get(campaign.url).content.decode()
    product = campaign.campaign_products.first().product
    price = product.stockrecords.first().price
    discounted = int((price * Decimal("0.9")).quantize(Decimal(1)))
    assert f"{discounted:,}".replace(",", ".") + "\u00a0₫" in html and "price-was" in html
    assert campaign.title in client.get(index.url).content.decode()
    assert campaign.title in client.get("/").content.decode()
    assert campaigns["tea"]["title"] not in client.get(index.url).content.decode()  # ended weeks ago

    with time_machine.travel(DEMO_NOON + timedelta(days=39), tick=False):  # the day after it ends
        assert campaign.title not in client.get(index.url).content.decode()
        assert campaign.title not in client.get("/").content.decode()
        ended = client.get(campaign.url).content.decode()
        assert "campaign-ended" in ended and "price-was" not in ended


def test_fair_shows_status_booths_and_each_booths_producer_products(client):
    fair = FairPage.objects.get(slug=demo_content()[1]["hanoi"]["slug"])
    html = client.get(fair.url).content.decode()
    assert "fair-status--ongoing" in html
    booth = fair.booths.first()
    assert not booth.featured_products.exists()
    assert booth.code in html and booth.producer.name in html
    for product in Product.objects.filter(producer=booth.producer, is_public=True)[:4]:
        assert product.get_absolute_url() in html


def test_booth_with_featured_products_shows_only_those(client):
    fair = FairPage.objects.get(slug=demo_content()[1]["hanoi"]["slug"])
    booth = fair.booths.first()
    own = list(Product.objects.filter(producer=booth.producer, is_public=True))
    if len(own) < 2:
        booth = next(b for b in fair.booths.all() if b.producer.products.filter(is_public=True).count() >= 2)
        own = list(Product.objects.filter(producer=booth.producer, is_public=True))
    booth.featured_products.set([own[0]])
    booth.save()
    assert [p.pk for p in booth.products_on_show()] == [own[0].pk]


def test_fair_ical_parses_back_with_dates_place_and_coordinates(client):
    fair = FairPage.objects.get(slug=demo_content()[1]["hanoi"]["slug"])
    response = client.get(fair.url + "ical/")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    [event] = calendar.walk("VEVENT")
    assert str(event["summary"]) == fair.title
    assert event.decoded("dtstart") == fair.starts_on
    assert event.decoded("dtend") == fair.ends_on + timedelta(days=1)  # iCal's end of an all-day event is exclusive
    assert "Cung Văn hóa Hữu nghị Việt Xô" in str(event["location"])
    assert round(event["geo"].latitude, 4) == 21.0227


def test_upcoming_fairs_feed_holds_ongoing_and_upcoming_fairs_only(client):
    index = FairIndexPage.objects.get()
    calendar = Calendar.from_ical(client.get(index.url + "ical/").content)
    titles = {str(event["summary"]) for event in calendar.walk("VEVENT")}
    fairs = demo_content()[1]
    assert titles == {fairs["hanoi"]["title"], fairs["hcmc"]["title"]}


def test_news_feeds_are_valid_rss_and_atom(client):
    from xml.etree import ElementTree

    index = NewsIndexPage.objects.get()
    rss = ElementTree.fromstring(client.get(index.url + "rss/").content)
    titles = [item.findtext("title") for item in rss.iter("item")]
    newest = max(demo_content()[2].values(), key=lambda item: item["date"])
    assert titles[0] == newest["title"] and len(titles) == NewsPage.objects.count()
    atom = ElementTree.fromstring(client.get(index.url + "atom/").content)
    assert len(atom.findall("{http://www.w3.org/2005/Atom}entry")) == len(titles)


def test_product_page_publishes_product_with_offer_and_no_aggregate_rating(client):
    product = Product.objects.filter(current_certificate__stars=5, is_public=True,
                                     current_certificate__valid_until__gte=DEMO_DAY,
                                     current_certificate__revoked_on__isnull=True).first()
    html = client.get(product.get_absolute_url()).content.decode()
    [data] = [item for item in json_ld(html) if item["@type"] == "Product"]
    assert data["name"] == product.title
    assert data["offers"]["@type"] == "Offer" and data["offers"]["priceCurrency"] == "VND"
    assert Decimal(data["offers"]["price"]) == product.stockrecords.first().price
    assert "aggregateRating" not in json.dumps(data) and "AggregateRating" not in html and "Review" not in json.dumps(data)
    assert 'property="og:type" content="product"' in html


def test_fair_publishes_an_event_and_showroom_a_store(client):
    fair = FairPage.objects.get(slug=demo_content()[1]["hanoi"]["slug"])
    [event] = json_ld(client.get(fair.url).content.decode())
    assert event["@type"] == "Event" and event["startDate"] == fair.starts_on.isoformat() == (
        DEMO_DAY - timedelta(days=3)).isoformat()
    assert event["location"]["geo"]["latitude"] == 21.0227
    showroom = ShowroomPage.objects.live().first()
    [store] = json_ld(client.get(showroom.url).content.decode())
    assert store["@type"] == "Store" and store["openingHours"] == showroom.opening_hours


def test_sitemap_lists_pages_and_products(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    assert FairPage.objects.first().url in xml
    assert Product.objects.filter(is_public=True).first().get_absolute_url() in xml


def test_content_loader_is_idempotent():
    from storefront.demo.content import ensure_site_content

    before = ProductStoryPage.objects.count(), FairPage.objects.count()
    assert ensure_site_content(HomePage.objects.get(), DEMO_DAY)["content pages"] == 0
    assert (ProductStoryPage.objects.count(), FairPage.objects.count()) == before
