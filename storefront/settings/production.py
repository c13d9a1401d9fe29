"""Production: every secret from the environment, HTTPS only. `manage.py check --deploy` passes given the
variables documented in README.md."""

from .base import *  # noqa: F401,F403
import copy

from django.core.exceptions import ImproperlyConfigured

from .base import CACHE_IS_SHARED, DATABASES, LOGGING, MIDDLEWARE, STORAGES, env

DEBUG = False
SECRET_KEY = env("SECRET_KEY")  # required: no default in production
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# One reverse proxy in front (the one SECURE_PROXY_SSL_HEADER trusts), appending the client to X-Forwarded-For.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=1)
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
# Cookies only over HTTPS. SECURE_COOKIES=False (with SECURE_SSL_REDIRECT=False) is for plain http on loopback
# only: `make prod` and the two-server test, where no TLS proxy stands in front (docs/deploy.md).
SECURE_COOKIES = env.bool("SECURE_COOKIES", default=True)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SECURE_COOKIES
OSCAR_BASKET_COOKIE_SECURE = OSCAR_RECENTLY_VIEWED_COOKIE_SECURE = SECURE_COOKIES
OSCAR_URL_SCHEMA = "https"

# Persistent database connections: each worker keeps one for a minute of requests instead of opening one per request
# (PostgreSQL forks a backend and authenticates it for each: the larger part of a kept page's cost), checked before
# reuse, so a restarted database costs a check and not a failed request. CONN_MAX_AGE=0 behind a pooler that hands
# out connections per transaction (PgBouncer).
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# Static files from the app server itself (whitenoise): collectstatic writes each file under a content hash,
# with .gz and .br copies; hashed names are served with a far-future, immutable Cache-Control.
MIDDLEWARE = [*MIDDLEWARE]
MIDDLEWARE.insert(MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
                  "whitenoise.middleware.WhiteNoiseMiddleware")
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}

# Many app servers: the cache must be one they all share (Redis), or each would keep its own rate limits, sign-in
# failures, search breaker and cached sessions. No silent per-process default here.
if not CACHE_IS_SHARED:
    raise ImproperlyConfigured("CACHE_URL must name a cache every app server shares, like redis://127.0.0.1:6379/0; "
                               "a per-process cache (locmem, dummy, file) is for development only.")
# A copy of the index on another node, so the search survives losing one.
SEARCH_REPLICAS = env.int("SEARCH_REPLICAS", default=1)

# One JSON object per line on stderr, for a log shipper: time, level, logger, message, request_id; the line each
# request ends with adds method, path, status, duration_ms and client_ip (storefront/requestlog.py).
LOGGING = copy.deepcopy(LOGGING)
LOGGING["handlers"]["console"]["formatter"] = "json"
LOGGING["loggers"]["storefront.requests"]["level"] = env("LOG_REQUESTS_LEVEL", default="INFO")
