"""django-csp's middleware with one scoped relaxation: Wagtail's admin writes inline scripts without a nonce
(its date pickers and inline panels) and its editor's scripts add <style> elements, so under
CSP_INLINE_SCRIPT_PATHS scripts and styles may be inline. A nonce in the policy would make browsers ignore
'unsafe-inline', so there the nonce is left out too."""

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from django.conf import settings


class CSPMiddleware(BaseCSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(tuple(settings.CSP_INLINE_SCRIPT_PATHS)):
            parts.replace = {**(parts.replace or {}), "script-src": [SELF, UNSAFE_INLINE],
                             "style-src": [SELF, UNSAFE_INLINE]}
        return parts
