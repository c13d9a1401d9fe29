"""Settings shared by every environment. Everything that differs between machines comes from the
environment (django-environ); with nothing set the site runs on SQLite with the database search fallback."""

import re
from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from oscar.defaults import *  # noqa: F401,F403  Oscar's OSCAR_* defaults, overridden below

from storefront.order import statuses as order_statuses  # pure data, no models

BASE_DIR = Path(__file__).resolve().parents[2]
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")  # optional; a missing file is fine

SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-change-me")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "modeltranslation",  # before the admin: English next to Vietnamese in model fields (translation.py)
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.flatpages",
    "django.contrib.humanize",
    "django.forms",  # its widget templates, for FORM_RENDERER below
    # Oscar: forks where behaviour changes, Oscar's own apps elsewhere
    "storefront.config.OcopShopConfig",
    "oscar.apps.analytics.apps.AnalyticsConfig",
    "storefront.checkout.apps.CheckoutConfig",
    "oscar.apps.address.apps.AddressConfig",
    "storefront.shipping.apps.ShippingConfig",
    "storefront.catalogue.apps.CatalogueConfig",
    "oscar.apps.catalogue.reviews.apps.CatalogueReviewsConfig",
    "oscar.apps.communication.apps.CommunicationConfig",
    "storefront.partner.apps.PartnerConfig",
    "oscar.apps.basket.apps.BasketConfig",
    "storefront.payment.apps.PaymentConfig",
    "oscar.apps.offer.apps.OfferConfig",
    "storefront.order.apps.OrderConfig",
    "storefront.customer.apps.CustomerConfig",
    "search.apps.SearchConfig",  # ours, replacing Oscar's haystack-based search app (same label)
    "oscar.apps.voucher.apps.VoucherConfig",
    "oscar.apps.wishlists.apps.WishlistsConfig",
    "storefront.dashboard.apps.DashboardConfig",
    "oscar.apps.dashboard.reports.apps.ReportsDashboardConfig",
    "oscar.apps.dashboard.users.apps.UsersDashboardConfig",
    "storefront.dashboard.orders.apps.OrdersDashboardConfig",
    "storefront.dashboard.catalogue.apps.CatalogueDashboardConfig",
    "oscar.apps.dashboard.offers.apps.OffersDashboardConfig",
    "oscar.apps.dashboard.partners.apps.PartnersDashboardConfig",
    "oscar.apps.dashboard.pages.apps.PagesDashboardConfig",
    "oscar.apps.dashboard.ranges.apps.RangesDashboardConfig",
    "oscar.apps.dashboard.reviews.apps.ReviewsDashboardConfig",
    "oscar.apps.dashboard.vouchers.apps.VouchersDashboardConfig",
    "oscar.apps.dashboard.communications.apps.CommunicationsDashboardConfig",
    "oscar.apps.dashboard.shipping.apps.ShippingDashboardConfig",
    "storefront.dashboard.certificates.apps.CertificatesDashboardConfig",
    "storefront.dashboard.producers.apps.ProducersDashboardConfig",
    "storefront.dashboard.inquiries.apps.InquiriesDashboardConfig",
    "storefront.dashboard.export_catalogue.apps.ExportCatalogueDashboardConfig",
    "storefront.dashboard.booths.apps.BoothsDashboardConfig",
    "storefront.dashboard.insight.apps.InsightDashboardConfig",
    "widget_tweaks",
    "treebeard",
    "django_tables2",
    "sorl.thumbnail",
    # the OCOP programme's domain
    "storefront.ocop.apps.OcopConfig",
    "storefront.inquiries.apps.InquiriesConfig",  # wholesale and export inquiries ("kết nối thị trường")
    "storefront.export_catalogue.apps.ExportCatalogueConfig",  # /export/: 4–5★ products with export details
    "storefront.tradedesk.apps.TradeDeskConfig",  # fair booth applications, printable PDFs
    "storefront.insight.apps.InsightConfig",  # programme insight: figures and charts for staff and producers
    "django_countries",
    # background work: django-tasks with its database backend, retries, the failed-task page (docs/tasks.md)
    "django_tasks",
    "django_tasks_db",
    "storefront.background.apps.BackgroundConfig",
    "storefront.dashboard.tasks.apps.TasksDashboardConfig",
    # Wagtail: content
    "cms.apps.CmsConfig",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "django.contrib.sitemaps",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # security: sign-in throttling, Content-Security-Policy
    "axes",
    "csp",
]

MIDDLEWARE = [
    "storefront.requestlog.RequestIdMiddleware",  # first: a request id and a log line for every response
    "django.middleware.security.SecurityMiddleware",
    "storefront.csp.CSPMiddleware",
    # ETag and 304 Not Modified for what a client already holds (the search API; docs/performance.md)
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "oscar.apps.basket.middleware.BasketMiddleware",
    "django.contrib.flatpages.middleware.FlatpageFallbackMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a locked-out sign-in into the lockout page
]

ROOT_URLCONF = "storefront.urls"
# Widgets render through TEMPLATES, so the theme can override a widget's template (Oscar's image widget: CSP).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
WSGI_APPLICATION = "storefront.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "themes" / "ocop" / "templates"],
        "OPTIONS": {
            # Django's own loaders (cached, filesystem, app directories), with the English labels Oscar's and
            # Wagtail's templates hard-code translated as they are read (storefront/template_loaders.py).
            "loaders": [("django.template.loaders.cached.Loader", [
                "storefront.template_loaders.FilesystemLoader", "storefront.template_loaders.AppDirectoriesLoader"])],
            "builtins": ["django.templatetags.i18n"],
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "oscar.apps.checkout.context_processors.checkout",
                "oscar.apps.communication.notifications.context_processors.notifications",
                "oscar.core.context_processors.metadata",
                "search.context_processors.search_form",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=0))
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default serves several clients at once: readers never wait for the writer (WAL), a writer
    # waits its turn instead of failing with "database is locked" (busy timeout), and every transaction takes
    # the write lock up front, so a read-then-write transaction cannot deadlock against another.
    DATABASES["default"].setdefault("OPTIONS", {}).update({
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    })
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

AUTHENTICATION_BACKENDS = [
    "storefront.signin.ThrottledSignInBackend",  # first: refuses locked-out sign-ins before any password check
    "oscar.apps.customer.auth_backends.EmailBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_REDIRECT_URL = "/accounts/"

# Vietnamese first, English second.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = False
# Model fields with an English version (each app's translation.py): `title` reads the active language's column
# (title_vi, title_en) and falls back to Vietnamese when the English one is empty.
MODELTRANSLATION_DEFAULT_LANGUAGE = "vi"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("vi",)
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=str(VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "themes" / "ocop" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    # Certificate documents: outside MEDIA_ROOT, served only by the dashboard's access-checked views
    # (docs/producers.md). Production may point this alias at a private S3 bucket (django-storages).
    "private": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"location": env.path("PRIVATE_MEDIA_ROOT", default=str(VAR_DIR / "private"))}},
}

# Media and certificate documents on an S3-compatible store (django-storages) when a bucket is named, on disk
# above otherwise. Media: a bucket anyone may read, linked by plain URLs. Documents: a second, private bucket,
# reached only through signed URLs that expire after OCOP_PRIVATE_URL_SECONDS, handed out after the permission
# check (storefront/ocop/documents.py). Credentials: boto3 reads AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="")
AWS_PRIVATE_BUCKET_NAME = env("AWS_PRIVATE_BUCKET_NAME", default="")
OCOP_PRIVATE_URL_SECONDS = env.int("OCOP_PRIVATE_URL_SECONDS", default=60)
MEDIA_ORIGINS = []  # where media may come from besides this site (the CSP's img-src)
if AWS_STORAGE_BUCKET_NAME or AWS_PRIVATE_BUCKET_NAME:
    _s3_endpoint = env("AWS_S3_ENDPOINT_URL", default=None)  # empty: Amazon S3 itself
    _s3_options = {"endpoint_url": _s3_endpoint, "region_name": env("AWS_S3_REGION_NAME", default=None),
                   "addressing_style": env("AWS_S3_ADDRESSING_STYLE", default=None),
                   "signature_version": "s3v4", "file_overwrite": False, "default_acl": None}
    if AWS_STORAGE_BUCKET_NAME:
        _media_domain = env("AWS_S3_CUSTOM_DOMAIN", default=None)  # a CDN in front of the media bucket
        _media_protocol = env("AWS_S3_URL_PROTOCOL", default="https:")  # of that domain
        if _media_domain:
            MEDIA_ORIGINS.append(f"{_media_protocol}//{_media_domain}")
        elif _s3_endpoint:
            MEDIA_ORIGINS.append(re.match(r"https?://[^/]+", _s3_endpoint)[0])
        else:
            MEDIA_ORIGINS.append("https://*.amazonaws.com")
        # Without a CDN, the bucket's own public address where it follows from the settings (a path-style endpoint,
        # or Amazon S3 itself): media URLs are then plain strings, where django-storages would otherwise build a
        # boto3 client in every web worker (S3's model and endpoint rules: ~30 MB of parsed JSON) to print them.
        if not _media_domain and _s3_endpoint and _s3_options["addressing_style"] == "path":
            _media_protocol, _media_host = _s3_endpoint.rstrip("/").split("//", 1)
            _media_domain = f"{_media_host}/{AWS_STORAGE_BUCKET_NAME}"
        elif not _media_domain and not _s3_endpoint:
            _region = _s3_options["region_name"]
            _media_domain = f"{AWS_STORAGE_BUCKET_NAME}.s3.{_region + '.' if _region else ''}amazonaws.com"
        STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {
            **_s3_options, "bucket_name": AWS_STORAGE_BUCKET_NAME, "querystring_auth": False,
            "custom_domain": _media_domain, "url_protocol": _media_protocol}}
    if AWS_PRIVATE_BUCKET_NAME:
        STORAGES["private"] = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {
            **_s3_options, "bucket_name": AWS_PRIVATE_BUCKET_NAME, "querystring_auth": True,
            "querystring_expire": OCOP_PRIVATE_URL_SECONDS}}

SITE_ID = 1
# The site's one public address (scheme, host, port; no path). Sitemap, canonical links, Open Graph, JSON-LD and
# e-mails are built on it (storefront/site_url.py), never on the host a request arrived on.
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
if not re.fullmatch(r"https?://[^/?#\s]+", SITE_URL):
    raise ImproperlyConfigured(f"SITE_URL is a scheme and a host, like https://ocop.example.vn; got {SITE_URL!r}.")
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", default=str(VAR_DIR / "mail"))  # for the file-based backend (e2e)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="OCOP Market <no-reply@ocop.example.vn>")

# The cache: process-local by default (make demo); production requires one every app server shares (Redis:
# CACHE_URL=redis://host:6379/0, Django's own RedisCache with one client per pool: storefront/redis_cache.py). Short
# socket timeouts: a hung Redis must cost a request a second, not a worker.
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    CACHES["default"]["BACKEND"] = "storefront.redis_cache.RedisCache"
    CACHES["default"].setdefault("OPTIONS", {}).update(
        socket_connect_timeout=env.float("CACHE_SOCKET_TIMEOUT", default=1.0),
        socket_timeout=env.float("CACHE_SOCKET_TIMEOUT", default=1.0))
# Whether every process sees the same cache. Sessions and sign-in failures are kept where all app servers see them:
# in the shared cache when there is one, in the database otherwise.
CACHE_IS_SHARED = CACHES["default"]["BACKEND"] not in {
    "django.core.cache.backends.locmem.LocMemCache", "django.core.cache.backends.dummy.DummyCache",
    "django.core.cache.backends.filebased.FileBasedCache"}
# Sessions are read from the cache and written through to the database: a Redis restart or an evicted key signs
# nobody out. With a per-process cache, a cached copy could outlive a sign-out made in another process: database.
SESSION_ENGINE = ("django.contrib.sessions.backends.cached_db" if CACHE_IS_SHARED
                  else "django.contrib.sessions.backends.db")

# --- Oscar -----------------------------------------------------------------------------------------
OSCAR_DYNAMIC_CLASS_LOADER = "storefront.class_loader.class_loader"
OSCAR_SHOP_NAME = "OCOP Market"
OSCAR_SHOP_TAGLINE = _("Genuine OCOP products from all over Vietnam")
OSCAR_HOMEPAGE = "/"
OSCAR_DEFAULT_CURRENCY = "VND"
# VND has no minor unit: whole đồng, "1.250.000 ₫" in Vietnamese.
OSCAR_CURRENCY_FORMAT = {"VND": {"format": "#,##0\u00a0¤", "currency_digits": True}}
OSCAR_FROM_EMAIL = DEFAULT_FROM_EMAIL
OSCAR_ALLOW_ANON_CHECKOUT = True
OSCAR_PRODUCTS_PER_PAGE = 24
OSCAR_SLUG_ALLOW_UNICODE = False
OSCAR_SLUG_FUNCTION = "storefront.ocop.text.slugify_vi"
OSCAR_THUMBNAILER = "oscar.core.thumbnails.SorlThumbnail"
# sorl-thumbnail writes thumbnails to the default storage (disk or the media bucket) and remembers them in the
# database behind the cache, never in local files: a thumbnail one app server made is known to every other.
THUMBNAIL_KVSTORE = "sorl.thumbnail.kvstores.cached_db_kvstore.KVStore"
OSCAR_MISSING_IMAGE_URL = "image_not_found.jpg"
OSCAR_REQUIRED_ADDRESS_FIELDS = ("first_name", "line1", "line4", "country")
OSCAR_HIDDEN_FEATURES = ["reviews"]  # OCOP stars are a certification, not buyer reviews
# The order lifecycle (storefront/order/statuses.py owns the statuses): pending or paid -> confirmed -> shipping
# -> delivered, or cancelled; refunded only by refunding the payment.
OSCAR_ORDER_STATUS_PIPELINE = order_statuses.ORDER_PIPELINE
OSCAR_LINE_STATUS_PIPELINE = order_statuses.LINE_PIPELINE
OSCAR_INITIAL_ORDER_STATUS = order_statuses.INITIAL_ORDER_STATUS
OSCAR_INITIAL_LINE_STATUS = order_statuses.INITIAL_LINE_STATUS
# Oscar's menu plus the OCOP section; Oscar's access_fn hides what a user's permissions do not open.
OSCAR_DASHBOARD_NAVIGATION = OSCAR_DASHBOARD_NAVIGATION + [  # noqa: F405
    {
        "label": _("OCOP"),
        "icon": "fas fa-star",
        "children": [
            {"label": _("Certificates"), "url_name": "dashboard:certificate-list"},
            {"label": _("Upload a certificate document"), "url_name": "dashboard:certificate-document-upload"},
            {"label": _("Producer applications"), "url_name": "dashboard:producer-application-list"},
            {"label": _("Invite a producer user"), "url_name": "dashboard:producer-invite"},
            {"label": _("Wholesale and export inquiries"), "url_name": "dashboard:inquiry-list"},
            {"label": _("Export catalogue"), "url_name": "dashboard:export-product-list"},
            {"label": _("Fair booths"), "url_name": "dashboard:booth-application-list"},
            # not a dashboard app's URL, so Oscar's default access check cannot judge it: staff only
            {"label": _("Refunded card payments to follow up"), "url_name": "payment:flagged",
             "access_fn": lambda user, *args: user.is_staff},
            {"label": _("Failed background tasks"), "url_name": "dashboard:failed-task-list"},
            {"label": _("Programme insight"), "url_name": "dashboard:insight-staff"},
            {"label": _("Producer insight"), "url_name": "dashboard:insight-producer"},
        ],
    },
]

# --- producers and certificates ----------------------------------------------------------------------
OCOP_UPLOAD_MAX_BYTES = env.int("OCOP_UPLOAD_MAX_BYTES", default=10 * 1024 * 1024)
OCOP_UPLOAD_MAX_PIXELS = env.int("OCOP_UPLOAD_MAX_PIXELS", default=40_000_000)  # against decompression bombs
OCOP_UPLOAD_MAX_PDF_PAGES = env.int("OCOP_UPLOAD_MAX_PDF_PAGES", default=20)  # a certificate is a page or two
# Behind nginx: the prefix of an `internal` location aliased to PRIVATE_MEDIA_ROOT; empty = Django streams files.
OCOP_PRIVATE_MEDIA_ACCEL_REDIRECT = env("OCOP_PRIVATE_MEDIA_ACCEL_REDIRECT", default="")
# PDFs embed DejaVu Sans for Vietnamese letters (storefront/tradedesk/pdf.py); Debian's fonts-dejavu-core puts it here.
OCOP_PDF_FONT_DIR = env.path("OCOP_PDF_FONT_DIR", default="/usr/share/fonts/truetype/dejavu")
# Public certificate lookups per client: at most REQUESTS in WINDOW seconds (counted in the cache).
OCOP_VERIFY_RATE_LIMIT_REQUESTS = env.int("OCOP_VERIFY_RATE_LIMIT_REQUESTS", default=60)
OCOP_VERIFY_RATE_LIMIT_WINDOW = env.int("OCOP_VERIFY_RATE_LIMIT_WINDOW", default=60)
# Quote requests ("kết nối thị trường"): per client and per e-mail address, at most so many in WINDOW seconds.
OCOP_INQUIRY_RATE_LIMIT_PER_CLIENT = env.int("OCOP_INQUIRY_RATE_LIMIT_PER_CLIENT", default=10)
OCOP_INQUIRY_RATE_LIMIT_PER_EMAIL = env.int("OCOP_INQUIRY_RATE_LIMIT_PER_EMAIL", default=5)
OCOP_INQUIRY_RATE_LIMIT_WINDOW = env.int("OCOP_INQUIRY_RATE_LIMIT_WINDOW", default=3600)

# --- who the client is, sign-in throttling ---------------------------------------------------------
# Reverse proxies in front of Django that append the client's address to TRUSTED_PROXY_HEADER; 0 (no proxy)
# ignores the header and uses REMOTE_ADDR. storefront/clients.py is the one reader.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
TRUSTED_PROXY_HEADER = env("TRUSTED_PROXY_HEADER", default="X-Forwarded-For")
# The request id a trusted proxy sends (and we echo back, and log with every line): storefront/requestlog.py.
REQUEST_ID_HEADER = env("REQUEST_ID_HEADER", default="X-Request-ID")
# django-axes on every sign-in form (Oscar's, its checkout gateway, the dashboard's, Django admin, Wagtail).
# Failures count per account *and* client, so an attacker elsewhere cannot lock the real user out, and a
# lockout ends by itself after the cool-off (the key's expiry). Counted where every app server sees the same
# count: in the shared cache (Redis: one INCR per wrong password, no database write under a password-spraying
# attack), or in the database when the cache is per process (make demo; the records then show in Django's admin).
AXES_HANDLER = ("axes.handlers.cache.AxesCacheHandler" if CACHE_IS_SHARED
                else "axes.handlers.database.AxesDatabaseHandler")
AXES_CACHE = "default"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "storefront.clients.client_ip"
AXES_USERNAME_CALLABLE = "storefront.signin.account_key"
AXES_LOCKOUT_CALLABLE = "storefront.signin.locked_out"
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "login-password"]  # Oscar's form prefixes its password

# --- Content-Security-Policy (django-csp 4) -----------------------------------------------------------
# Our inline scripts carry the request's nonce (themes/ocop/templates/oscar/base.html); Stripe.js loads from
# js.stripe.com, runs its card fields in frames from there and talks to api.stripe.com; CMS videos are
# YouTube/Vimeo frames. Style attributes are allowed (Oscar's and Wagtail's markup is full of them; they
# cannot run code), inline <style> elements are not. Wagtail's admin is the one relaxation:
# storefront/csp.py lets /cms/ run inline scripts and styles, which it writes without a nonce.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE, "https://js.stripe.com"],
        # Oscar's few inline event handlers (mini-basket button, "cancel" links, print, error pages), by hash
        "script-src-attr": ["'unsafe-hashes'", "'sha256-Wp9c6tkV6XQevR7aXSdIBOCFH2RziOWFgTfstKyKQoo='",
                            "'sha256-NqaPugiVKFsqU2P8L2sjJSLsiSKaQB+C9S5V0ZiRxfc='",
                            "'sha256-gZHW0ZTdDBnW8n/Qf9lGuwm2LvPkTQwflpfLAabDyMQ='",
                            "'sha256-MguIPR6qNR8D3B+eAlK+bIRTZe8t3wkOY4B/56Me9FU='",
                            "'sha256-jT+D+kdRwqBci9k8jWtVNp+HR3GntLaboGVzqI/tkXY='"],
        "style-src": [SELF],
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": [SELF, "data:", *MEDIA_ORIGINS],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF, "https://api.stripe.com"],
        "frame-src": [SELF, "https://js.stripe.com", "https://hooks.stripe.com", "https://www.youtube.com",
                      "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    },
}
CSP_INLINE_SCRIPT_PATHS = ["/cms/"]  # Wagtail's admin: see storefront/csp.py

# --- Wagtail ---------------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "OCOP Market"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "jpg", "jpeg", "png"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no third-party avatars in the admin (privacy; the CSP allows none)

# --- search and payments ---------------------------------------------------------------------------
# One node's URL, or a cluster's nodes comma-separated (http://es1:9200,http://es2:9200): the client spreads requests
# over them and tries another node when one refuses or times out (SEARCH_MAX_RETRIES more attempts).
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", default="")
SEARCH_INDEX_ALIAS = env("SEARCH_INDEX_ALIAS", default="ocop-products")
SEARCH_TIMEOUT = env.float("SEARCH_TIMEOUT", default=2.0)  # seconds one attempt may take before it counts as failed
SEARCH_MAX_RETRIES = env.int("SEARCH_MAX_RETRIES", default=1)
SEARCH_REPLICAS = env.int("SEARCH_REPLICAS", default=0)  # copies of the index on other nodes (production: 1)
# The circuit breaker (search/breaker.py): after SEARCH_BREAKER_FAILURES failed searches within
# SEARCH_BREAKER_WINDOW seconds, searches go straight to the database for SEARCH_BREAKER_COOLDOWN seconds; then one
# trial search asks the cluster again.
SEARCH_BREAKER_FAILURES = env.int("SEARCH_BREAKER_FAILURES", default=3)
SEARCH_BREAKER_WINDOW = env.int("SEARCH_BREAKER_WINDOW", default=60)
SEARCH_BREAKER_COOLDOWN = env.int("SEARCH_BREAKER_COOLDOWN", default=30)
SEARCH_REFRESH_WAIT = env.bool("SEARCH_REFRESH_WAIT", default=False)  # tests: a saved product is searchable at once
STRIPE_PUBLISHABLE_KEY = env("STRIPE_PUBLISHABLE_KEY", default="")
STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY", default="")
STRIPE_WEBHOOK_SECRET = env("STRIPE_WEBHOOK_SECRET", default="")
STRIPE_API_BASE = env("STRIPE_API_BASE", default="")  # points the client at localstripe / stripe-mock in tests


# --- background work (docs/tasks.md) ----------------------------------------------------------------
# "database": tasks are rows that `manage.py db_worker` runs (production, dev); "immediate": they run in the
# process that enqueued them, right after its commit (the test suite; a machine without a worker).
def tasks_from_env(default):
    backends = {"database": "django_tasks_db.DatabaseBackend",
                "immediate": "django_tasks.backends.immediate.ImmediateBackend"}
    name = env("TASKS_BACKEND", default=default)
    if name not in backends:
        raise ImproperlyConfigured(f"TASKS_BACKEND is one of {', '.join(backends)}; got {name!r}.")
    return {"default": {"BACKEND": backends[name]}}


TASKS = tasks_from_env(default="database")
# A failed task runs again after TASK_RETRY_DELAY seconds, then 4x, 16x... that, TASK_MAX_ATTEMPTS runs in all;
# then it stays failed on the dashboard's failed-task page, where staff can run it again.
TASK_MAX_ATTEMPTS = env.int("TASK_MAX_ATTEMPTS", default=4)
TASK_RETRY_DELAY = env.float("TASK_RETRY_DELAY", default=30.0)
# The scheduler process (`manage.py run_scheduler`): periodic tasks, in TIME_ZONE.
SEARCH_SYNC_MINUTES = env.int("SEARCH_SYNC_MINUTES", default=5)
# The staff insight page's figures are recomputed this often by the scheduler and kept twice as long
# (storefront/insight/snapshots.py); 0 computes them on every view.
INSIGHT_REFRESH_MINUTES = env.int("INSIGHT_REFRESH_MINUTES", default=10)
RENEWAL_NOTICES_AT = env("RENEWAL_NOTICES_AT", default="07:00")  # daily, local time (HH:MM)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
        # production: one JSON object per line (time, level, logger, message, request_id, and a record's extras)
        "json": {"()": "pythonjsonlogger.json.JsonFormatter", "timestamp": "time", "json_ensure_ascii": False,
                 "fmt": "%(levelname)s %(name)s %(message)s %(request_id)s",
                 "rename_fields": {"levelname": "level", "name": "logger"}},
    },
    "filters": {"request": {"()": "storefront.requestlog.RequestContextFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["request"]}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}, "django_tasks": {"level": "WARNING"},
                "oscar.alerts": {"level": "WARNING"},
                # a line per request: runserver writes its own in development; production turns this on
                "storefront.requests": {"level": env("LOG_REQUESTS_LEVEL", default="WARNING")}},
}
