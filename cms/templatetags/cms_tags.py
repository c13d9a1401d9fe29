from django import template
from django.utils.html import json_script
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Page, Site

from storefront.catalogue.caching import remember_shown
from storefront.site_url import absolute_url, page_url

from .. import structured_data

register = template.Library()


@register.filter
def public_url(page_or_path):
    """{{ page|public_url }} or {{ product.get_absolute_url|public_url }}: the full URL on the site's public host
    (settings.SITE_URL), whatever host the request came in on."""
    return page_url(page_or_path) if isinstance(page_or_path, Page) else absolute_url(page_or_path)


def _json_ld(data):
    # json_script escapes <, > and & so a title cannot close the script element.
    return mark_safe(json_script(data).replace('<script type="application/json">',
                                               '<script type="application/ld+json">', 1))


@register.simple_tag(takes_context=True)
def product_json_ld(context, product):
    return _json_ld(structured_data.product_data(product, context["request"]))


@register.simple_tag
def fair_json_ld(fair):
    return _json_ld(structured_data.fair_data(fair))


@register.simple_tag
def showroom_json_ld(showroom):
    return _json_ld(structured_data.showroom_data(showroom))


@register.simple_tag
def stories_about(product):
    from ..models import ProductStoryPage

    return list(ProductStoryPage.about_product(product)[:3])


@register.simple_tag
def showrooms_carrying(product):
    from ..models import ShowroomPage

    return list(ShowroomPage.carrying(product))


@register.simple_tag(takes_context=True)
def site_sections(context):
    """The site's sections for the header menu: the home page's live children that editors show in menus."""
    request = context.get("request")
    if request is None:
        return []

    def sections():
        site = Site.find_for_request(request)
        pages = site.root_page.get_children().live().in_menu() if site else []
        return [{"url": page.url, "title": page.title} for page in pages]

    # every page's header: kept until a page changes (storefront/catalogue/caching.py)
    return remember_shown("site-sections", (request.get_host(), get_language()), sections)
