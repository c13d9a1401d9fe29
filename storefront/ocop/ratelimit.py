"""Per-client request limits counted in Django's default cache (shared by every process when CACHE_URL points
at Redis or Memcached), so certificate numbers cannot be enumerated in bulk. The client is who
storefront.clients says it is, so visitors behind the same proxy keep separate counts."""

import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

from storefront.clients import client_ip


def rate_limited(scope, requests_setting, window_setting):
    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            limit = getattr(settings, requests_setting)
            window = getattr(settings, window_setting)
            bucket = int(time.time() // window)
            key = f"ratelimit:{scope}:{client_ip(request) or 'unknown'}:{bucket}"
            cache.add(key, 0, timeout=window + 1)
            try:
                count = cache.incr(key)
            except ValueError:  # evicted between add and incr
                cache.set(key, 1, timeout=window + 1)
                count = 1
            if count > limit:
                response = render(request, "ocop/rate_limited.html",
                                  {"retry_after": window - int(time.time()) % window}, status=429)
                response["Retry-After"] = str(window - int(time.time()) % window)
                return response
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
