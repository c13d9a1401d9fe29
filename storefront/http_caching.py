"""HTTP caching for responses that hold nothing personal (docs/performance.md).

An anonymous request's JSON may be kept by browsers and shared caches for a short while; a signed-in user's is
never stored (their prices may depend on per-customer offer limits). HTML pages are not marked public: each
carries a CSRF token (the language switch, add-to-basket forms) and the visitor's basket count.
"""

from functools import wraps

from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers


def public_for_anonymous(max_age):
    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            if request.user.is_authenticated:
                add_never_cache_headers(response)
                patch_cache_control(response, private=True)
            elif response.status_code == 200:
                patch_cache_control(response, public=True, max_age=max_age)
                patch_vary_headers(response, ("Cookie", "Accept-Language"))  # a signed-in visitor's cookie
            return response
        return wrapped
    return decorator
