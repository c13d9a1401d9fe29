"""Every page a buyer, a producer or staff uses reads in Vietnamese: no English left over.

Each page is rendered twice, in Vietnamese and in English (the browser's Accept-Language; Wagtail's admin follows
it too), and every visible text (text nodes, placeholders, labels read aloud, button values) of the Vietnamese page
that reads the same on the English page is a string nobody translated, unless it is data: what the shop sells and
who makes it (names from the database), the brand and true proper nouns (ALLOWED), or numbers, prices, dates,
codes and addresses (NOT_WORDS). Text written in Vietnamese is content (the editors' stories, the producers'
descriptions), never English left over: our msgids are English.
"""

import json
import re

import pytest
from bs4 import BeautifulSoup, Comment, Doctype
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django_countries import countries
from oscar.core.loading import get_model
from oscar.test.factories import OrderFactory
from wagtail.models import Page

from cms.models import FairPage, ProductStoryPage, ProvincePage
from storefront.ocop.models import Certificate, Commune, LegacyProvince, Province, TaxonomyNode
from tests.demo_clock import DEMO_DAY
from tests.integration.checkout.journey import add_to_basket, place_order, to_preview

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_today")]
Product = get_model("catalogue", "Product")
Partner = get_model("partner", "Partner")
Category = get_model("catalogue", "Category")
ProductClass = get_model("catalogue", "ProductClass")

# The same in every language: the brand, the programme's name, names of things and people (not words to
# translate). Keep it to proper nouns; a UI word belongs in locale/vi/LC_MESSAGES/django.po.
ALLOWED = {
    "OCOP", "OCOP Market", "English",  # the brand; the language switcher names English in English
    "Wagtail", "Stripe",  # the content system's and the card processor's names
}
# Numbers, prices, percentages, dates and times, codes (certificate and order numbers, SKUs), e-mail addresses,
# phone numbers, web addresses, and text made of symbols only.
NOT_WORDS = re.compile(r"""^(
      [\W\d_]+                                   # digits, punctuation, symbols, arrows, stars
    | [\d.,\s]+\s?(₫|đ|%|★|sao)?                 # amounts
    | [\w.+-]+@[\w.-]+                           # e-mail addresses
    | (https?://|/)\S*                           # addresses
    | [A-Z0-9]{1,6}([-/.][A-Z0-9]+)+             # codes: 123/QĐ-UBND, OCOP-2026-0001, 26/2026
    | [A-Z]{1,3}\d+                              # booth numbers: A01
    | [\d\s]*[★]+[\d\s]*                         # star ratings
)$""", re.VERBOSE)
TEXT_ATTRIBUTES = ("placeholder", "aria-label", "title", "alt")
# A letter only Vietnamese writes (ă â đ ê ô ơ ư and the tone marks): such a text is Vietnamese content.
VIETNAMESE = re.compile(r"[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.IGNORECASE)


def visible_texts(html):
    """What a person reads on the page (or hears from a screen reader): text nodes outside scripts, styles and
    hidden elements, the page title, placeholders, aria-labels, titles and the value of buttons."""
    soup = BeautifulSoup(html, "html.parser")
    texts = menu_labels(soup)
    for tag in soup(["script", "style", "template", "noscript", "svg"]):
        tag.decompose()
    for tag in soup.select('[hidden], [aria-hidden="true"], input[type="hidden"]'):
        tag.decompose()
    for tag in soup.find_all(style=re.compile(r"display:\s*none")):
        tag.decompose()
    page_language = (soup.html.get("lang") if soup.html else None) or ""
    for tag in soup.select("body [lang]"):  # deliberately in another language (the verify card's English verdict)
        if tag.get("lang") != page_language:
            tag.decompose()
    texts += [str(node) for node in soup.find_all(string=True) if not isinstance(node, (Comment, Doctype))]
    for tag in soup.find_all(True):
        texts += [tag[name] for name in TEXT_ATTRIBUTES if isinstance(tag.get(name), str)]
        if tag.name == "input" and tag.get("type") in ("submit", "button") and tag.get("value"):
            texts.append(tag["value"])
    return [text for text in (" ".join(raw.split()) for raw in texts) if text]


def menu_labels(soup):
    """Wagtail's sidebar is drawn by JavaScript from JSON in the page: the labels of its menus."""
    labels = []

    def walk(value):
        if isinstance(value, dict):
            if isinstance(value.get("label"), str):
                labels.append(value["label"])
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for script in soup.select("script#wagtail-sidebar-props"):
        walk(json.loads(script.string))
    return labels


def database_names():
    """Names that come from the shop's data, the same in both languages: products, producers, places,
    categories, pages, certificate numbers."""
    names = set()
    sources = [
        (Product.objects.all(), ["title", "unit"]), (Partner.objects.all(), ["name", "code"]),
        (Province.objects.all(), ["name", "full_name"]), (LegacyProvince.objects.all(), ["name", "full_name"]),
        (Commune.objects.all(), ["name"]), (Category.objects.all(), ["name"]), (ProductClass.objects.all(), ["name"]),
        (Page.objects.all(), ["title", "seo_title"]), (Certificate.objects.all(), ["number", "decision_number"]),
        (TaxonomyNode.objects.all(), ["name"]), (get_user_model().objects.all(), ["username", "email"]),
    ]
    for queryset, fields in sources:
        for row in queryset.values_list(*fields):
            names.update(" ".join(str(value).split()) for value in row if value)
    # countries (django-countries' names): many are written alike in Vietnamese ("Canada", "Singapore")
    with translation.override("vi"):
        names.update(str(name) for _, name in countries)
    return names


def is_data(text, names):
    """Made only of names, numbers and punctuation: "An Giang — OCOP Market", "/ chai 500 ml"."""
    if text in names or NOT_WORDS.match(text) or VIETNAMESE.search(text):
        return True
    rest = text
    for name in sorted((name for name in names if len(name) > 1 and name in rest), key=len, reverse=True):
        rest = rest.replace(name, " ")
    return not rest.strip() or bool(NOT_WORDS.match(rest.strip()))


# Words of plain Latin letters in a row (not the tail of a word with diacritics: "Ủy" is not "y").
LATIN_RUN = re.compile(r"(?<!\w)[A-Za-z]+(?:[ '’-][A-Za-z]+)*(?!\w)")
ENGLISH_RUN_WORDS = 3  # this many such words, found word for word on the English page, are English left over


def english_inside(text, english_text, names):
    """English words the Vietnamese text took from somewhere ("Ghi nhận 230.000 ₫ qua Cash on delivery"), found
    word for word on the English page, once names are set aside."""
    for name in sorted((name for name in names if len(name) > 1 and name in text), key=len, reverse=True):
        text = text.replace(name, " ")
    found = []
    for run in LATIN_RUN.findall(text):
        words = re.split(r"[ '’-]", run)
        spans = [words[start:end] for start in range(len(words))
                 for end in range(start + ENGLISH_RUN_WORDS, len(words) + 1)
                 if re.search(r"\b" + r"\W+".join(map(re.escape, words[start:end])) + r"\b", english_text)]
        if spans:
            found.append(" ".join(max(spans, key=len)))
    return found


def untranslated(vi_html, en_html, data):
    english = visible_texts(en_html)
    english_set, english_text = set(english), "\n".join(english)
    names = data | ALLOWED
    left = set()
    for text in visible_texts(vi_html):
        if text in english_set:
            if not is_data(text, names):
                left.add(text)
        elif VIETNAMESE.search(text):
            left.update(english_inside(text, english_text, names))
    return sorted(left)


# --- the pages: each prepares its client (signs in, fills a basket) and returns the address to read ----------

def sign_in(client, **lookup):
    client.force_login(get_user_model().objects.get(**lookup), backend="django.contrib.auth.backends.ModelBackend")


def certified_product():
    return Product.objects.filter(current_certificate__stars__gte=4, current_certificate__revoked_on__isnull=True,
                                  current_certificate__valid_until__gte=DEMO_DAY, stockrecords__num_in_stock__gt=5
                                  ).first()


def with_basket(client):
    add_to_basket(client, certified_product())
    return reverse("basket:summary")


def guest_at(step):
    def prepare(client):
        if step == "index":
            add_to_basket(client, certified_product())
            return reverse("checkout:index")
        to_preview(client, [(certified_product(), 1)])
        return reverse(f"checkout:{step}")
    return prepare


def thank_you(client):
    to_preview(client, [(certified_product(), 1)])
    response = place_order(client)
    assert response.status_code == 302, response
    return reverse("checkout:thank-you")


def sign_up_with_a_weak_password(client):
    """A form sent back with its errors: Oscar's "Oops!" and Django's password validators."""
    return reverse("customer:login"), {"registration-email": "moi@example.vn", "registration-password1": "123",
                                          "registration-password2": "123", "registration_submit": "1"}


def signed_in_buyer_orders(client):
    buyer, _ = get_user_model().objects.get_or_create(username="nguoi-mua-dich", email="nguoimua.dich@example.vn")
    OrderFactory(user=buyer)
    sign_in(client, pk=buyer.pk)
    return reverse("customer:order-list")


def producer(path):
    def prepare(client):
        sign_in(client, email="producer1@ocop.example.vn")
        return path
    return prepare


def staff(path):
    def prepare(client):
        sign_in(client, username="admin")
        return path
    return prepare


def staff_at_page(action):
    def prepare(client):
        sign_in(client, username="admin")
        return f"/cms/pages/{ProductStoryPage.objects.live().first().pk}/{action}/"
    return prepare


PAGES = {
    "home": lambda client: "/",
    "catalogue": lambda client: reverse("catalogue:index"),
    "search": lambda client: reverse("search:search") + "?q=tr%C3%A0&stars=4",
    "product": lambda client: certified_product().get_absolute_url(),
    "basket with an item": with_basket,
    "checkout: guest or sign in": guest_at("index"),
    "checkout: delivery address": guest_at("shipping-address"),
    "checkout: payment method": guest_at("payment-method"),
    "checkout: preview": guest_at("preview"),
    "checkout: thank you (cash on delivery)": thank_you,
    "verify form": lambda client: reverse("ocop:verify-form"),
    "verify a certificate": lambda client: certified_product().current_certificate.get_absolute_url(),
    "fair": lambda client: FairPage.objects.live().first().url,
    "province page": lambda client: ProvincePage.objects.live().first().url,
    "story": lambda client: ProductStoryPage.objects.live().first().url,
    "producer application": lambda client: reverse("producers:apply"),
    "sign in": lambda client: reverse("customer:login"),
    "sign up with a weak password": sign_up_with_a_weak_password,
    "account: orders": signed_in_buyer_orders,
    "producer dashboard": producer("/dashboard/"),
    "producer products": producer("/dashboard/catalogue/"),
    "producer orders": producer("/dashboard/orders/"),
    "producer inquiries": producer("/dashboard/inquiries/"),
    "producer export details": producer("/dashboard/export/"),
    "wholesale quote request": lambda client: reverse("inquiries:new", kwargs={"product_pk": certified_product().pk}),
    "staff dashboard": staff("/dashboard/"),
    "Wagtail admin dashboard": staff("/cms/"),
    "Wagtail page explorer": staff("/cms/pages/"),
    "Wagtail page editor": staff_at_page("edit"),
    "Wagtail images": staff("/cms/images/"),
    "Wagtail snippets": staff("/cms/snippets/"),
}


def read(page, language):
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    url, form = PAGES[page](client), None
    if isinstance(url, tuple):  # a form to send: read the page that answers it
        url, form = url
    response = client.post(url, form) if form else client.get(url, follow=True)
    assert response.status_code == 200, (page, url, response.status_code)
    html = response.content.decode()
    assert f'lang="{language}"' in html, (page, language)
    return html


@pytest.mark.parametrize("page", PAGES)
def test_the_page_has_no_english_left_in_vietnamese(page):
    left = untranslated(read(page, "vi"), read(page, "en"), database_names())
    assert not left, f"{page}: English on the Vietnamese page (translate in locale/vi/LC_MESSAGES/django.po): {left}"


def test_a_weak_password_is_refused_in_vietnamese():
    page = read("sign up with a weak password", "vi")
    assert "Mật khẩu quá ngắn: cần ít nhất" in page and "Mật khẩu không được chỉ gồm chữ số." in page


def test_the_check_finds_english_left_over_and_lets_names_and_numbers_through():
    vi = ('<html lang="vi"><title>Giỏ hàng</title><h1>Giỏ hàng</h1><p>Total:</p><p>1.250.000 ₫</p>'
          '<p>Ghi nhận 1.250.000 ₫ qua Cash on delivery</p>'
          '<p>OCOP Market</p><p>Trà shan tuyết</p><input type="search" placeholder="Search">'
          '<div hidden>Hidden text</div><script>var s = "Script";</script></html>')
    en = ('<html lang="en"><title>Basket</title><h1>Basket</h1><p>Total:</p><p>1,250,000 ₫</p>'
          '<p>Allocation of 1,250,000 ₫ from type Cash on delivery</p>'
          '<p>OCOP Market</p><p>Trà shan tuyết</p><input type="search" placeholder="Search">'
          '<div hidden>Hidden text</div><script>var s = "Script";</script></html>')
    assert untranslated(vi, en, {"Trà shan tuyết"}) == ["Cash on delivery", "Search", "Total:"]
