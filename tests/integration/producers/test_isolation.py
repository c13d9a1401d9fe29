"""Producer A asks for producer B's objects at every dashboard URL that takes an id, by GET and POST, and
gets 403/404 and none of B's data. The URLs come from walking the resolver, so a new dashboard URL is
covered (or makes this test fail until the world below has an object of its kind)."""

import uuid

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import UUIDConverter

pytestmark = pytest.mark.django_db

# Which of B's objects (or which attribute) fills an id kwarg when the view does not name its model.
KWARG_SOURCES = {
    "number": lambda world, model: world.b_only.number,
    "line_id": lambda world, model: world.b_only.lines.get().pk,
    "note_id": lambda world, model: world.b_only.notes.create(message=world.b.marker, note_type="Info").pk,
    "parent_pk": lambda world, model: world.b.product.pk,
    "fmt": lambda world, model: "png",
    "partner_pk": lambda world, model: world.b.partner.pk,
}
#: Parameters that choose a kind of thing, not an object (creating a product of a class is A's right).
NOT_IDS = {"fmt", "product_class_slug"}
#: Views that name no model: which model their pk is, by URL name prefix.
MODEL_BY_PREFIX = {
    "certificate-": ("ocop", "Certificate"), "producer-application": ("partner", "ProducerApplication"),
    "partner-": ("partner", "Partner"), "offer-": ("offer", "ConditionalOffer"), "range-": ("offer", "Range"),
}
MISSING = 999_999  # no object of that kind exists: the view must still refuse (permission before lookup)


def b_object_of(world, model):
    """B's object of `model`, or any object of it for models nobody owns (staff-only views)."""
    owned = {
        "Product": world.b.product, "StockRecord": world.b.stockrecord, "ProductImage": world.b.image,
        "Partner": world.b.partner, "Certificate": world.b.certificate,
        "CertificationRequest": world.b.document, "ProducerApplication": world.b.application,
        "Order": world.b_only, "Line": world.b_only.lines.get(), "User": world.b.user,
        "Inquiry": world.b.inquiry,
    }
    if model.__name__ in owned:
        return owned[model.__name__]
    return model._default_manager.first()


def dashboard_patterns():
    """(url_name, pattern, view class) for every dashboard URL with kwargs."""
    found = []

    def walk(patterns, namespace):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, entry.namespace or namespace)
            elif (isinstance(entry, URLPattern) and namespace == "dashboard"
                  and set(entry.pattern.regex.groupindex) - NOT_IDS):
                view = getattr(entry.callback, "view_class", None)
                found.append((entry.name, entry, view))
    walk(get_resolver().url_patterns, None)
    return found


PATTERNS = dashboard_patterns()


def test_the_resolver_walk_finds_the_id_taking_dashboard_urls():
    names = {name for name, _, _ in PATTERNS}
    for expected in ("catalogue-product", "catalogue-product-delete", "order-detail", "order-line-detail",
                     "certificate-update", "certificate-revoke", "certificate-qr", "certificate-document",
                     "certificate-request-document", "producer-application", "partner-manage", "user-detail",
                     "inquiry-detail", "inquiry-nudge"):
        assert expected in names
    assert len(PATTERNS) >= 40


def kwargs_for(world, pattern, view):
    kwargs = {}
    model = getattr(view, "model", None)
    for prefix, (app_label, model_name) in MODEL_BY_PREFIX.items():
        if model is None and pattern.name.startswith(prefix):
            model = apps.get_model(app_label, model_name)
    converters = getattr(pattern.pattern, "converters", {})
    for name in pattern.pattern.regex.groupindex:  # path() and re_path() alike
        if isinstance(converters.get(name), UUIDConverter):  # a task result: nobody owns one, staff only
            kwargs[name] = uuid.uuid4()
        elif name in KWARG_SOURCES:
            kwargs[name] = KWARG_SOURCES[name](world, model)
        else:
            assert model is not None, f"{pattern.name}: say which model {name!r} is (MODEL_BY_PREFIX)"
            found = b_object_of(world, model)
            kwargs[name] = found.pk if found is not None else MISSING
    return kwargs


@pytest.mark.parametrize("name,pattern,view", PATTERNS, ids=[p[0] for p in PATTERNS])
def test_producer_a_cannot_reach_producer_b_objects(as_a, world, name, pattern, view):
    url = reverse(f"dashboard:{name}", kwargs=kwargs_for(world, pattern, view))
    for method in ("get", "post"):
        response = getattr(as_a, method)(url, {"title": "hijacked", "number": "X", "revocation_reason": "x",
                                               "revoked_on": "2026-01-01"})
        refused = (403, 404, 405) if method == "post" else (403, 404)  # 405: a page with no POST at all
        assert response.status_code in refused, f"{method.upper()} {url} answered {response.status_code}"
        body = response.content.decode(errors="replace")
        assert world.b.marker not in body, f"{method.upper()} {url} showed B's data"
    world.b.product.refresh_from_db()
    world.b.certificate.refresh_from_db()
    assert world.b.product.title.endswith(world.b.marker)
    assert world.b.certificate.revoked_on is None


def test_producer_a_sees_its_own_objects_at_the_same_urls(as_a, world):
    own = [reverse("dashboard:catalogue-product", kwargs={"pk": world.a.product.pk}),
           reverse("dashboard:order-detail", kwargs={"number": world.mixed.number}),
           reverse("dashboard:certificate-qr", kwargs={"pk": world.a.certificate.pk, "fmt": "svg"}),
           reverse("dashboard:certificate-document", kwargs={"pk": world.a.certificate.pk}),
           reverse("dashboard:certificate-request-document", kwargs={"pk": world.a.document.pk})]
    for url in own:
        assert as_a.get(url).status_code == 200, url


def test_lists_show_only_the_producers_own_objects(as_a, world):
    for name in ("catalogue-product-list", "order-list", "certificate-list", "inquiry-list", "index",
                 "insight-producer"):
        body = as_a.get(reverse(f"dashboard:{name}")).content.decode()
        assert world.b.marker not in body, name
    products = as_a.get(reverse("dashboard:catalogue-product-list")).content.decode()
    assert world.a.marker in products


def test_the_producer_insight_page_shows_only_the_producers_own_figures(as_a, world):
    """The page has no id in its URL: it shows A's own sales (A's lines of the mixed order and of A's order)
    and nothing of B's: no product title, order number or revenue; asking for B with ?producer= is a 404."""
    url = reverse("dashboard:insight-producer")
    body = as_a.get(url).content.decode()
    assert world.a.marker in body
    assert world.b.marker not in body and world.b_only.number not in body
    sold = as_a.get(url, {"export": "revenue-by-product", "format": "csv"}).content.decode("utf-8-sig")
    a_revenue = sum(int(line.line_price_incl_tax) for line in world.a.partner.order_lines.all())
    assert sold.splitlines()[1:] == [f"Sản phẩm {world.a.marker},4,2,{a_revenue}"]
    for table in ("revenue-by-month", "best-sellers", "low-stock", "certificates", "inquiries", "booth-applications"):
        export = as_a.get(url, {"export": table, "format": "csv"}).content.decode("utf-8-sig")
        assert world.b.marker not in export, table
    refused = as_a.get(url, {"producer": world.b.partner.pk})
    assert refused.status_code == 404 and world.b.marker not in refused.content.decode()
