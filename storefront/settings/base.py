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
    "widget_tweaks",
    "treebeard",
    "django_tables2",
    "sorl.thumbnail",
    # the OCOP programme's domain
    "storefront.ocop.apps.OcopConfig",
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
    "django.middleware.security.SecurityMiddleware",
    "storefront.csp.CSPMiddleware",
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

SITE_ID = 1
# The site's one public address (scheme, host, port; no path). Sitemap, canonical links, Open Graph, JSON-LD and
# e-mails are built on it (storefront/site_url.py), never on the host a request arrived on.
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
if not re.fullmatch(r"https?://[^/?#\s]+", SITE_URL):
    raise ImproperlyConfigured(f"SITE_URL is a scheme and a host, like https://ocop.example.vn; got {SITE_URL!r}.")
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", default=str(VAR_DIR / "mail"))  # for the file-based backend (e2e)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="OCOP Market <no-reply@ocop.example.vn>")

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}

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
            # not a dashboard app's URL, so Oscar's default access check cannot judge it: staff only
            {"label": _("Refunded card payments to follow up"), "url_name": "payment:flagged",
             "access_fn": lambda user, *args: user.is_staff},
        ],
    },
]

# --- producers and certificates ----------------------------------------------------------------------
OCOP_UPLOAD_MAX_BYTES = env.int("OCOP_UPLOAD_MAX_BYTES", default=10 * 1024 * 1024)
OCOP_UPLOAD_MAX_PIXELS = env.int("OCOP_UPLOAD_MAX_PIXELS", default=40_000_000)  # against decompression bombs
OCOP_UPLOAD_MAX_PDF_PAGES = env.int("OCOP_UPLOAD_MAX_PDF_PAGES", default=20)  # a certificate is a page or two
# Behind nginx: the prefix of an `internal` location aliased to PRIVATE_MEDIA_ROOT; empty = Django streams files.
OCOP_PRIVATE_MEDIA_ACCEL_REDIRECT = env("OCOP_PRIVATE_MEDIA_ACCEL_REDIRECT", default="")
# Public certificate lookups per client: at most REQUESTS in WINDOW seconds (counted in the cache).
OCOP_VERIFY_RATE_LIMIT_REQUESTS = env.int("OCOP_VERIFY_RATE_LIMIT_REQUESTS", default=60)
OCOP_VERIFY_RATE_LIMIT_WINDOW = env.int("OCOP_VERIFY_RATE_LIMIT_WINDOW", default=60)

# --- who the client is, sign-in throttling ---------------------------------------------------------
# Reverse proxies in front of Django that append the client's address to TRUSTED_PROXY_HEADER; 0 (no proxy)
# ignores the header and uses REMOTE_ADDR. storefront/clients.py is the one reader.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
TRUSTED_PROXY_HEADER = env("TRUSTED_PROXY_HEADER", default="X-Forwarded-For")
# django-axes on every sign-in form (Oscar's, its checkout gateway, the dashboard's, Django admin, Wagtail).
# Failures count per account *and* client, so an attacker elsewhere cannot lock the real user out, and a
# lockout ends by itself after the cool-off. Counted in the database: shared by every process, kept across
# restarts and visible in Django's admin, with no cache to set up (the default cache is per process).
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
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
        "img-src": [SELF, "data:"],
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
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", default="")
SEARCH_INDEX_ALIAS = env("SEARCH_INDEX_ALIAS", default="ocop-products")
SEARCH_TIMEOUT = env.float("SEARCH_TIMEOUT", default=2.0)  # seconds before a search falls back to the database
SEARCH_REFRESH_WAIT = env.bool("SEARCH_REFRESH_WAIT", default=False)  # tests: a saved product is searchable at once
STRIPE_PUBLISHABLE_KEY = env("STRIPE_PUBLISHABLE_KEY", default="")
STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY", default="")
STRIPE_WEBHOOK_SECRET = env("STRIPE_WEBHOOK_SECRET", default="")
STRIPE_API_BASE = env("STRIPE_API_BASE", default="")  # points the client at localstripe / stripe-mock in tests

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}, "django_tasks": {"level": "WARNING"},
                "oscar.alerts": {"level": "WARNING"}},
}
