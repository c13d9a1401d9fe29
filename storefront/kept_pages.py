"""Whole pages kept for blank visitors (docs/performance.md).

A visitor who brings none of the cookies that make a page personal (a session: signed in, messages, checkout; a
basket; and where the page lists them, recently viewed products) sees what every such visitor sees: the first page
of a visit, a shared link, a crawler. For them a page's HTML is kept whole, under the same key parts as its kept
fragments (`caching.visitor_key`: what names the shown version, the language, the day, the running offers) plus the
path and query, and each request puts in only its own CSRF token and CSP nonce (and what a page adds: the id of
the search a listing recorded). Everybody else gets the page built from its kept fragments as before.

The home page, product pages and listings opt in with `kept_page()`; a page whose prices show passes its products'
prices and stock as a part, so a price or stock change is a new key at once, as for cards.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token

from storefront.catalogue.caching import CSRF_PLACEHOLDER, FRAGMENT_TIMEOUT, visitor_key

#: How long other requests answer with a page past its minute while one request builds it again, at most.
BUILDING_TIMEOUT = 10
# Stands for the request's CSP nonce in kept HTML, as CSRF_PLACEHOLDER stands for its CSRF token; never valid.
NONCE_PLACEHOLDER = "ocop-csp-nonce-placeholder"


def personal_cookies():
    """The cookies whose presence makes any page personal: the session (a signed-in user, messages kept in the
    session, checkout state), messages kept in a cookie, and an open basket (the header shows its count)."""
    return (settings.SESSION_COOKIE_NAME, "messages", settings.OSCAR_BASKET_COOKIE_OPEN)


def is_blank(request, more_cookies=()):
    if request.method != "GET":
        return False
    return not any(name in request.COOKIES for name in (*personal_cookies(), *more_cookies))


def kept_page(request, name, parts, build, *, more_cookies=(), on_hit=None, fills=None):
    """The response of `build()` for this request; for a blank visitor its HTML kept for a minute under `name`,
    the path and query and what `parts()` returns (which must name the shown version and anything else the page
    shows that changes without a signal). `on_hit(response)` does on a kept answer what the view does besides
    rendering (a cookie, a signal). `fills` maps stand-ins the page was built with to this request's values (a
    search's record id), for every visitor."""
    if not is_blank(request, more_cookies):
        response = build()
        if fills:
            if hasattr(response, "render"):
                response.render()
            response.content = filled(response.content.decode(), fills)
        return response
    key = visitor_key(request, f"page:{name}", request.get_full_path(), *parts())
    kept = cache.get(key)
    if kept is not None:
        html, fresh_until = kept
        # Past its minute, one request builds the page again while the others go on answering with it: otherwise
        # every request arriving meanwhile would build the same page at once, a burst that queues them all. (Its key
        # names everything that changes it; the minute only bounds how long the search index may lag a save.)
        if time.time() < fresh_until or not cache.add(f"{key}:building", True, BUILDING_TIMEOUT):
            response = HttpResponse(html)
            personalise(request, response, fills)
            if on_hit is not None:
                on_hit(response)
            return response
    response = rendered_with_placeholders(request, build)
    # kept only when nothing in it took this request's own token (a template tag calling get_token itself)
    if (response.status_code == 200 and response.get("Content-Type", "").startswith("text/html")
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")):
        cache.set(key, (response.content.decode(), time.time() + FRAGMENT_TIMEOUT), 2 * FRAGMENT_TIMEOUT)
        cache.delete(f"{key}:building")
    personalise(request, response, fills)
    return response


def rendered_with_placeholders(request, build):
    nonce = getattr(request, "csp_nonce", None)
    request.csp_nonce = NONCE_PLACEHOLDER
    try:
        response = build()
        if hasattr(response, "render") and not response.is_rendered:
            # the context's token wins over the context processor's (Django pushes the view's context above it)
            if response.context_data is not None:
                response.context_data["csrf_token"] = CSRF_PLACEHOLDER
            response.render()
    finally:
        if nonce is None:
            del request.csp_nonce
        else:
            request.csp_nonce = nonce
    return response


def personalise(request, response, fills=None):
    """Put this request's CSRF token (which sets its cookie), CSP nonce (which names it in the policy) and `fills`
    in."""
    html = response.content.decode()
    if CSRF_PLACEHOLDER in html:
        html = html.replace(CSRF_PLACEHOLDER, get_token(request))
    if NONCE_PLACEHOLDER in html:
        html = html.replace(NONCE_PLACEHOLDER, str(request.csp_nonce))
    response.content = filled(html, fills)


def filled(html, fills):
    for stand_in, value in (fills or {}).items():
        html = html.replace(stand_in, value)
    return html
