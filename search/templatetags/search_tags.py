from urllib.parse import urlencode

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def facet_toggle_url(context, name, key):
    """The current listing's URL with one facet value switched on or off (and back to page 1)."""
    query = context["request"].GET.copy()
    query.pop("page", None)
    values = [v for raw in query.getlist(name) for v in raw.split(",") if v]
    key = str(key)
    values = [v for v in values if v != key] if key in values else [*values, key]
    query.setlist(name, values)
    return "?" + query.urlencode()


@register.simple_tag(takes_context=True)
def page_url(context, page):
    query = context["request"].GET.copy()
    query["page"] = page
    return "?" + query.urlencode()


@register.simple_tag(takes_context=True)
def sort_url(context, sort):
    query = context["request"].GET.copy()
    query.pop("page", None)
    query["sort"] = sort
    return "?" + query.urlencode()


@register.simple_tag(takes_context=True)
def clear_filters_url(context):
    """The current listing without any filter: the words searched for and the order stay."""
    query = context["request"].GET.copy()
    kept = {name: query[name] for name in ("q", "sort") if query.get(name)}
    return "?" + urlencode(kept) if kept else "?"
