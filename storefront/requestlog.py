"""Request ids and one log line per request.

Every request gets an id: the one our reverse proxy sent in REQUEST_ID_HEADER (so a request can be followed from
the proxy's log into ours), or a new one when no proxy is trusted or it sent none. The id goes back in the same
response header, onto every log record written while the request runs (RequestContextFilter, on the handlers in
LOGGING), and on the line the `storefront.requests` logger writes when the response leaves: method, path, status,
duration_ms, client_ip. Production formats all of it as one JSON object per line (settings/production.py).
"""

import contextvars
import logging
import re
import time
import uuid

from django.conf import settings

from storefront.clients import client_ip

logger = logging.getLogger("storefront.requests")

_request_id = contextvars.ContextVar("request_id", default=None)
# What proxies write (a UUID, nginx's $request_id, a trace id); anything else is not passed on into our logs.
ACCEPTED_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")


def current_request_id():
    """The id of the request this code runs for; None outside a request (a command, the task worker)."""
    return _request_id.get()


def incoming_request_id(request):
    """The id the trusted proxy gave the request, if there is a proxy to trust and the id looks like one."""
    if settings.TRUSTED_PROXY_COUNT < 1:  # without a proxy anyone could choose the id their lines are logged under
        return None
    meta_key = "HTTP_" + settings.REQUEST_ID_HEADER.upper().replace("-", "_")
    value = request.META.get(meta_key, "")
    return value if ACCEPTED_ID.fullmatch(value) else None


class RequestIdMiddleware:
    """Outermost middleware: its duration covers every other middleware, and every response carries the id."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = incoming_request_id(request) or uuid.uuid4().hex
        token = _request_id.set(request.request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response[settings.REQUEST_ID_HEADER] = request.request_id
            duration_ms = round((time.perf_counter() - started) * 1000, 1)
            logger.info("%s %s %s", request.method, request.path, response.status_code, extra={
                "method": request.method, "path": request.path, "status": response.status_code,
                "duration_ms": duration_ms, "client_ip": client_ip(request)})
            return response
        finally:
            _request_id.reset(token)


class RequestContextFilter(logging.Filter):
    """Puts the current request's id on every record (None outside a request), for the formatters."""

    def filter(self, record):
        if not hasattr(record, "request_id"):
            record.request_id = current_request_id()
        return True
