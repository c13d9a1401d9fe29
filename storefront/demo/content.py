"""The Wagtail side of the demo: the home page wired to real content, product stories, province pages, two
campaigns, three fairs with booths, showrooms and news, plus the editorial groups and workflow. Idempotent: a
page that exists (by slug under its parent) is kept; dated pages (campaigns, fairs, news) take their dates and
texts again from the demo's today, so a later run moves the calendar forward instead of adding pages."""

from datetime import datetime, time
from decimal import Decimal

from django.core.files.images import ImageFile
from django.db.models import Count, Q
from django.utils import timezone
from oscar.core.loading import get_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from cms.editorial import ensure_editorial_setup
from cms.models import (Booth, CampaignIndexPage, CampaignPage, CampaignProduct, FairIndexPage, FairPage,
                        HomeFeaturedFair, HomeFeaturedProduct, HomeFeaturedStory, HomePage, NewsIndexPage, NewsPage,
                        ProductStoryPage, ProvinceIndexPage, ProvincePage, ShowroomIndexPage, ShowroomPage,
                        ShowroomProduct, StoryIndexPage, StoryProduct)
from storefront.site_url import align_site_records

from .calendar import context_of, lay_out
from .content_text import CAMPAIGNS, FAIRS, INDEXES, NEWS, SHOWROOMS, STORIES
from .tradedesk import ensure_booth_registration

Product = get_model("catalogue", "Product")
Partner = get_model("partner", "Partner")
Province = get_model("ocop", "Province")

HOME_DEFAULTS = {
    "title": "OCOP Market",
    "slug": "home",
    "hero_title": "Đặc sản OCOP chính hãng, có chứng nhận sao",
    "hero_text": "<p>Mua trực tiếp từ hợp tác xã, doanh nghiệp nhỏ và hộ sản xuất trên khắp 34 tỉnh, thành. "
                 "Mỗi huy hiệu sao đến từ giấy chứng nhận thật, tra cứu được.</p>",
}
INDEX_MODELS = {"stories": StoryIndexPage, "provinces": ProvinceIndexPage, "campaigns": CampaignIndexPage,
                "fairs": FairIndexPage, "showrooms": ShowroomIndexPage, "news": NewsIndexPage}


def ensure_home_page():
    home = HomePage.objects.first()
    if home is None:
        # Wagtail's migration creates a placeholder "Welcome" page at the slug we want: removed before the home page
        # takes its place. (Renaming it first saved it, which queued search and reference index updates that then
        # failed, retried and ended on the failed-task page: the page was gone by the time the worker ran them.)
        for placeholder in Page.get_first_root_node().get_children().filter(content_type__model="page"):
            placeholder.delete()
        home = Page.get_first_root_node().add_child(instance=HomePage(**HOME_DEFAULTS))  # the root read afresh
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True, site_name="OCOP Market")
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = "OCOP Market"
        site.save()
    align_site_records()  # both frameworks' site records on SITE_URL's host
    # Wagtail's placeholder page is no longer reachable; remove it so the tree holds only real pages.
    for placeholder in Page.objects.filter(depth=2).exclude(pk=home.pk).filter(content_type__model="page"):
        placeholder.delete()
    return home


def dated_content(today):
    """The campaigns, fairs and news laid out around `today`: (campaigns, fairs, news), each a list of specs."""
    campaigns = [lay_out(spec, today) for spec in CAMPAIGNS]
    fairs = [lay_out(spec, today) for spec in FAIRS]
    context = {}
    for prefix, items in (("campaign", campaigns), ("fair", fairs)):
        for item in items:
            context.update(context_of(f"{prefix}_{item['key']}", item))
    return campaigns, fairs, [lay_out(spec, today, context) for spec in NEWS]


def ensure_site_content(home, today, stdout=None):
    """Builds the content tree under `home` (skipping what exists, re-dating campaigns, fairs and news from
    `today`); returns counts for load_demo's summary."""
    created = {}
    indexes = {}
    for key, model in INDEX_MODELS.items():
        indexes[key], new = _child(home, model, **INDEXES[key])
        created["content pages"] = created.get("content pages", 0) + new
    campaigns, fairs, news = dated_content(today)
    builders = [("stories", _stories), ("provinces", _provinces),
                ("campaigns", lambda index: _campaigns(index, campaigns)), ("fairs", lambda index: _fairs(index, fairs)),
                ("showrooms", _showrooms), ("news", lambda index: _news(index, news))]
    for key, build in builders:
        created["content pages"] += build(indexes[key])
    created["booth applications"] = ensure_booth_registration(today)  # the upcoming fair's booth registration
    if created["content pages"]:
        _wire_home(home, today)
    ensure_editorial_setup(home)
    if stdout is not None:
        stdout.write(f"Content pages: {created['content pages']} created.")
    return created


# --- helpers ---------------------------------------------------------------------------------------

def _child(parent, model, slug, **fields):
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing, 0
    # Demo pages go live without a revision: editing one in the admin starts its history.
    return parent.add_child(instance=model(slug=slug, **fields)), 1


def _dated_child(parent, model, slug, body, **fields):
    """`_child` for a page whose dates follow the demo's clock: an existing page takes the new dates and texts
    (no revision: the live page changes, as load_demo's pages were created)."""
    page, new = _child(parent, model, slug, body=body, **fields)
    if not new and any(getattr(page, name) != value for name, value in fields.items()):
        for name, value in fields.items():
            setattr(page, name, value)
        page.body = body
        page.draft_title = page.title
        page.save()
    return page, new


def _products(*keys):
    found = {}
    for product in Product.objects.filter(stockrecords__partner_sku__in=keys).distinct():
        for record in product.stockrecords.all():
            found[record.partner_sku] = product
    return [found[key] for key in keys if key in found]


def _producer(key):
    return Partner.objects.filter(code=key).first()


def _image_of(product, title=None):
    """A Wagtail image made from the product's demo photo (None when the demo ran with --no-images)."""
    Image = get_image_model()
    title = title or product.get_title()
    image = Image.objects.filter(title=title).first()
    if image is not None:
        return image
    source = product.primary_image()
    original = getattr(source, "original", None)
    if not original or not getattr(original, "name", ""):
        return None
    try:
        with original.open("rb") as handle:
            image = Image(title=title)
            image.file.save(f"cms-{product.pk}.jpg", ImageFile(handle, name=f"cms-{product.pk}.jpg"), save=False)
            image.save()
    except (FileNotFoundError, ValueError):
        return None
    return image


def _paragraphs(text):
    return [("paragraph", f"<p>{chunk}</p>") for chunk in text.split("\n\n") if chunk]


# --- families --------------------------------------------------------------------------------------

def _stories(index):
    new = 0
    for story in STORIES:
        products = _products(*story["products"])
        if not products:
            continue
        hero = _image_of(products[0])
        body = _paragraphs(story["body"][0])
        photo = _image_of(products[-1])
        if photo:
            body.append(("image", {"image": photo, "caption": story["caption"], "credit": "OCOP Market"}))
        body.append(("quote", {"text": story["quote"][0], "attribution": story["quote"][1]}))
        body += _paragraphs(story["body"][1])
        body.append(("key_facts", {"title": "Thông tin nhanh",
                                   "facts": [{"label": label, "value": value} for label, value in story["facts"]]}))
        page, created = _child(index, ProductStoryPage, slug=story["slug"], title=story["title"],
                               summary=story["summary"], hero_image=hero, body=body,
                               producer=_producer(story["producer"]))
        if created:
            for order, product in enumerate(products):
                StoryProduct.objects.create(page=page, product=product, sort_order=order)
        new += created
    return new


def _provinces(index):
    new = 0
    provinces = (Province.objects.annotate(count=Count("products", filter=Q(products__is_public=True)))
                 .filter(count__gt=0).order_by("name"))
    for province in provinces:
        if ProvincePage.objects.filter(province=province).exists():
            continue
        kind = "Thành phố" if province.unit_type == "city" else "Tỉnh"
        seat = f", trung tâm hành chính đặt tại {province.seat}" if province.seat else ""
        summary = (f"{province.full_name}{seat}: các sản phẩm OCOP, nhà sản xuất, hội chợ và điểm bán "
                   f"của địa phương.")
        body = _paragraphs(
            f"{kind} {province.name} có "
            f"{province.count} sản phẩm OCOP đang bán trên OCOP Market, do các hợp tác xã, doanh nghiệp nhỏ và hộ "
            f"sản xuất của địa phương làm ra.\n\nMỗi sản phẩm mang huy hiệu sao từ giấy chứng nhận còn hiệu lực; "
            f"bấm vào số giấy chứng nhận để tra cứu quyết định công nhận của Ủy ban nhân dân tỉnh hoặc của Bộ.")
        _child(index, ProvincePage, slug=province.slug, title=province.name, province=province, summary=summary,
               body=body)
        new += 1
    return new


def _campaigns(index, campaigns):
    new = 0
    for spec in campaigns:
        products = _products(*spec["products"])
        existing = CampaignPage.objects.child_of(index).filter(slug=spec["slug"]).first()
        offer = _campaign_offer(spec, products, existing.offer if existing else None) if spec.get("discount") else None
        product_range = offer.benefit.range if offer else None
        page, created = _dated_child(index, CampaignPage, slug=spec["slug"], title=spec["title"],
                                     summary=spec["summary"], starts_on=spec["starts_on"], ends_on=spec["ends_on"],
                                     hero_image=_image_of(products[0]) if products else None,
                                     body=_paragraphs(spec["body"]), offer=offer, product_range=product_range)
        if created:
            for order, product in enumerate(products):
                CampaignProduct.objects.create(page=page, product=product, sort_order=order)
        new += created
    return new


def _campaign_offer(spec, products, offer=None):
    """An Oscar site offer taking `discount` percent off the campaign's products, during its dates only. The
    campaign's existing offer (a rerun) takes the new name and dates."""
    Range = get_model("offer", "Range")
    Condition = get_model("offer", "Condition")
    Benefit = get_model("offer", "Benefit")
    ConditionalOffer = get_model("offer", "ConditionalOffer")
    tz = timezone.get_current_timezone()
    dated = {"name": spec["offer_name"], "description": spec["summary"],
             "start_datetime": timezone.make_aware(datetime.combine(spec["starts_on"], time.min), tz),
             "end_datetime": timezone.make_aware(datetime.combine(spec["ends_on"], time.max), tz)}
    if offer is not None:
        if any(getattr(offer, name) != value for name, value in dated.items()):
            ConditionalOffer.objects.filter(pk=offer.pk).update(**dated)
            Range.objects.filter(pk=offer.benefit.range_id).update(name=spec["offer_name"])
            offer.refresh_from_db()
        return offer
    product_range, _created = Range.objects.get_or_create(name=spec["offer_name"])
    for product in products:
        product_range.add_product(product)
    condition = Condition.objects.create(range=product_range, type=Condition.COUNT, value=1)
    benefit = Benefit.objects.create(range=product_range, type=Benefit.PERCENTAGE, value=Decimal(spec["discount"]))
    return ConditionalOffer.objects.create(offer_type=ConditionalOffer.SITE, condition=condition, benefit=benefit,
                                           **dated)


def _fairs(index, fairs):
    producers = list(Partner.objects.filter(products__is_public=True).distinct().order_by("code"))
    new = 0
    for number, spec in enumerate(fairs):
        province = Province.objects.get(code=spec["province"])
        fields = {key: spec[key] for key in ("title", "summary", "starts_on", "ends_on", "venue", "address",
                                             "latitude", "longitude", "organiser", "registration_deadline")}
        page, created = _dated_child(index, FairPage, slug=spec["slug"], province=province,
                                     body=_paragraphs(spec["body"]), **fields)
        if created:
            # Each fair gets its own mix of producers: the province's own first, then others in turn.
            local = [p for p in producers if p.province_id == province.pk]
            others = [p for p in producers if p.province_id != province.pk]
            others = others[number * 7:] + others[:number * 7]
            for order, producer in enumerate((local + others)[: spec["booths"]]):
                zone = spec["zones"][order % len(spec["zones"])]
                Booth.objects.create(page=page, sort_order=order, producer=producer, zone=zone,
                                     code=f"{zone[4]}{order + 1:02d}")
        new += created
    return new


def _showrooms(index):
    new = 0
    for spec in SHOWROOMS:
        province = Province.objects.get(code=spec["province"])
        fields = {key: spec[key] for key in ("title", "summary", "address", "opening_hours", "phone", "latitude",
                                             "longitude")}
        page, created = _child(index, ShowroomPage, slug=spec["slug"], province=province,
                               body=_paragraphs(spec["body"]), **fields)
        if created:
            carried = list(Product.objects.filter(is_public=True, origin_province=province).order_by("title")[:8])
            carried += [p for p in _products(*spec.get("extra", [])) if p not in carried]
            for order, product in enumerate(carried):
                ShowroomProduct.objects.create(page=page, product=product, sort_order=order)
        new += created
    return new


def _news(index, news):
    new = 0
    for spec in news:
        _page, created = _dated_child(index, NewsPage, slug=spec["slug"], title=spec["title"], date=spec["date"],
                                      summary=spec["summary"], body=_paragraphs(spec["body"]))
        new += created
    return new


def _wire_home(home, today):
    """The staff's choices on the demo home page: the running campaign, 5-star picks, fairs and stories."""
    home = HomePage.objects.get(pk=home.pk)
    running = CampaignPage.objects.filter(slug=CAMPAIGNS[0]["slug"]).first()  # the first one runs on any day
    home.featured_campaign = running
    home.save()
    home.featured_products.all().delete()
    picks = _products("nuoc-mam-nhi-phu-quoc-43-dam", "che-dinh-tan-cuong", "tra-hoa-vang-ba-che",
                      "gom-bat-trang-bo-am-chen-men-lam", "mat-hoa-dua-huu-co", "ca-phe-arabica-khe-sanh-rang-xay",
                      "my-gao-hung-lo", "tra-atiso-sapa")
    for order, product in enumerate(picks):
        HomeFeaturedProduct.objects.create(page=home, product=product, sort_order=order)
    home.featured_fairs.all().delete()
    # the running and the upcoming fair: the same two pages on any later day, as the calendar moves them together
    for order, fair in enumerate(FairPage.objects.filter(ends_on__gte=today).order_by("starts_on")):
        HomeFeaturedFair.objects.create(page=home, fair=fair, sort_order=order)
    home.featured_stories.all().delete()
    for order, story in enumerate(ProductStoryPage.objects.order_by("pk")[:3]):
        HomeFeaturedStory.objects.create(page=home, story=story, sort_order=order)
