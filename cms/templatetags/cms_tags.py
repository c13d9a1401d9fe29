from django import template
from django.utils.html import json_script
from django.utils.safestring import mark_safe

from .. import structured_data

register = template.Library()


def _json_ld(data):
    # json_script escapes <, > and & so a title cannot close the script element.
    return mark_safe(json_script(data).replace('<script type="application/json">',
                                               '<script type="application/ld+json">', 1))


@register.simple_tag(takes_context=True)
def product_json_ld(context, product):
    request = context["request"]
    info = request.strategy.fetch_for_product(product) if hasattr(request, "strategy") else None
    return _json_ld(structured_data.product_data(product, request, info))


@register.simple_tag(takes_context=True)
def fair_json_ld(context, fair):
    return _json_ld(structured_data.fair_data(fair, context["request"]))


@register.simple_tag(takes_context=True)
def showroom_json_ld(context, showroom):
    return _json_ld(structured_data.showroom_data(showroom, context["request"]))


@register.simple_tag
def stories_about(product):
    from ..models import ProductStoryPage

    return list(ProductStoryPage.about_product(product)[:3])
