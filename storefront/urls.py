from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms.sitemaps import SITEMAPS
from search.views import SearchApiView, SearchClickApiView, SuggestApiView
from storefront import health

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("admin/", admin.site.urls),
    path("cms/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/search/", SearchApiView.as_view(), name="search-api"),
    path("api/search/suggest", SuggestApiView.as_view(), name="search-suggest"),
    path("api/search/click/", SearchClickApiView.as_view(), name="search-click"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("", include("storefront.ocop.urls")),
    path("payment/", include("storefront.payment.urls")),  # Stripe webhook, staff refunds
    path("", include("storefront.partner.urls")),
    path("", include("storefront.inquiries.urls")),
    path("", include("storefront.export_catalogue.urls")),
    # Oscar: /catalogue/ /basket/ /checkout/ /accounts/ /search/ /dashboard/ ...
    path("", include(apps.get_app_config("oscar").urls[0])),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail last: it serves the home page and every content page below it.
urlpatterns += [path("", include(wagtail_urls))]
