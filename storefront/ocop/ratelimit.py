"""Per-client request limits counted in Django's default cache (shared by every process when CACHE_URL points
at Redis or Memcached), so certificate numbers cannot be enumerated in bulk. The client is who
storefront.clients says it is, so visitors behind the same proxy keep separate counts."""

import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

from storefront.clients import client_ip


def count_hit(scope, identity, window):
    """Counts one request of `identity` (a client address, an e-mail) in the current `window`-second bucket
    and returns how many it has made in it so far."""
    key = f"ratelimit:{scope}:{identity}:{int(time.time() // window)}"
    cache.add(key, 0, timeout=window + 1)
    try:
        return cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=window + 1)
        return 1


def retry_after(window):
    """Seconds until the current bucket ends."""
    return window - int(time.time()) % window


def rate_limited(scope, requests_setting, window_setting):
    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            limit = getattr(settings, requests_setting)
            window = getattr(settings, window_setting)
            if count_hit(scope, client_ip(request) or "unknown", window) > limit:
                response = render(request, "ocop/rate_limited.html", {"retry_after": retry_after(window)},
                                  status=429)
                response["Retry-After"] = str(retry_after(window))
                return response
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
