from django import template
from django.core.cache import cache
from django.middleware.csrf import get_token
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from oscar.core.loading import get_model
from oscar.templatetags.product_tags import render_product

from storefront.ocop.models import today

from ..caching import CARD_TIMEOUT, CSRF_PLACEHOLDER, FRAGMENT_TIMEOUT, card_key, visitor_key
from ..pricing import unit_price
from .lean_html import unindented

register = template.Library()


@register.simple_tag(takes_context=True)
def product_card(context, product):
    """Oscar's {% render_product %}, cached by what the card shows (storefront/catalogue/caching.py)."""
    request = context["request"]
    purchase_info = request.strategy.fetch_for_product(product)
    price = unit_price(request, product, purchase_info)
    key = card_key(product, price, purchase_info.availability, get_language(), today())
    html = cache.get(key)
    if html is None:
        with context.push(csrf_token=CSRF_PLACEHOLDER):
            html = unindented(render_product(context, product))  # cards hold no <pre> or <textarea>
        cache.set(key, html, CARD_TIMEOUT)
    return with_csrf_token(context, html)


def with_csrf_token(context, html):
    # the page's own token (one per page: masking a fresh one per card costs 32 random draws each); inside a
    # {% shown_fragment %} the token is the placeholder itself, kept for the fragment's cached HTML
    token = context.get("csrf_token")
    return mark_safe(html.replace(CSRF_PLACEHOLDER, str(token) if token else get_token(context["request"])))


@register.simple_tag
def prices_and_stock(ids):
    """{% prices_and_stock ids as rows %}: for a {% shown_fragment %} of these products' cards (caching.py)."""
    from ..caching import prices_and_stock as read

    return read(ids)


@register.tag
def shown_fragment(parser, token):
    """{% shown_fragment "name" part… %}…{% endshown_fragment %}: the block, cached for a minute under its parts,
    which must name the shown version (a remembered search's `remembered_as`) and, for cards, their prices and
    stock ({% prices_and_stock %}), with the language, the day and the visitor's running offers
    (caching.visitor_key). On a hit nothing inside is evaluated: a listing's grid of cards reads no product."""
    name, *parts = token.split_contents()[1:]
    nodelist = parser.parse(("endshown_fragment",))
    parser.delete_first_token()
    return ShownFragmentNode(parser.compile_filter(name), [parser.compile_filter(part) for part in parts], nodelist)


class ShownFragmentNode(template.Node):
    def __init__(self, name, parts, nodelist):
        self.name, self.parts, self.nodelist = name, parts, nodelist

    def render(self, context):
        key = visitor_key(context["request"], self.name.resolve(context),
                          *(part.resolve(context) for part in self.parts))
        html = cache.get(key)
        if html is None:
            with context.push(csrf_token=CSRF_PLACEHOLDER):
                html = self.nodelist.render(context)
            cache.set(key, html, FRAGMENT_TIMEOUT)
        return with_csrf_token(context, html)


@register.simple_tag
def buyable_products(products):
    """The same products in the same order, read again with what their cards show in a fixed number of queries
    (recently viewed products: Oscar reads those one by one)."""
    return buyable_by_ids([product.pk for product in products])


def buyable_by_ids(ids):
    """Products for cards by id, in three queries: the products with their class, certificate, origin and
    producer, then their stock records, then their images. Oscar's option flags come as its base_queryset's
    annotations; the cards of standalone products (every OCOP product) need nothing else."""
    if not ids:  # a new visitor's recently viewed products, a product without recommendations
        return []
    from django.db.models import Exists, OuterRef

    from cms.models.base import public_products

    Option = get_model("catalogue", "Option")
    class_options = Option.objects.filter(productclass=OuterRef("product_class"))
    products = (public_products().filter(pk__in=ids)
                .select_related("product_class", "current_certificate", "origin_province", "producer")
                .annotate(has_product_class_options=Exists(class_options),
                          has_product_options=Exists(Option.objects.filter(product=OuterRef("pk"))))
                .prefetch_related("stockrecords", "images"))
    found = {product.pk: product for product in products}
    return [found[pk] for pk in ids if pk in found]


@register.simple_tag
def shown_version():
    """{% shown_version as version %}: for {% cache %} keys of blocks that show catalogue rows, the day included
    (badges end with their certificate's validity)."""
    from ..caching import shown_version as current

    return f"{current()}-{today().isoformat()}"
