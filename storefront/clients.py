"""Who the client is: the one place that turns a request into the client's IP address.

Behind reverse proxies REMOTE_ADDR is the nearest proxy, shared by every visitor. Each trusted proxy appends
the address it saw to TRUSTED_PROXY_HEADER, so with TRUSTED_PROXY_COUNT proxies the client is the entry that
many places from the right; entries further left were written by the client and are ignored. With no proxy
configured (development) the header is ignored entirely, so it cannot be spoofed.

Login throttling (django-axes, AXES_CLIENT_IP_CALLABLE) and the request limits in storefront.ocop.ratelimit
both ask this module.
"""

import ipaddress

from django.conf import settings


def client_ip(request):
    """The client's IP address as a string; REMOTE_ADDR when no proxy is trusted or the header is unusable."""
    remote_addr = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies < 1:
        return remote_addr
    meta_key = "HTTP_" + settings.TRUSTED_PROXY_HEADER.upper().replace("-", "_")
    hops = [hop.strip() for hop in request.META.get(meta_key, "").split(",") if hop.strip()]
    if len(hops) < proxies:  # the request did not come through every proxy we run
        return remote_addr
    try:
        return str(ipaddress.ip_address(hops[-proxies]))
    except ValueError:  # garbage in the header: the proxy did not write it, so it says nothing
        return remote_addr
