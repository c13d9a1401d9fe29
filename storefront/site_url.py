"""The site's one public address, settings.SITE_URL (scheme, host and port). Every URL that leaves the site
(sitemap, canonical links, Open Graph, JSON-LD, the search API, e-mails) is built here, never from the host a
request happened to arrive on, and the two frameworks' own site records (django.contrib.sites for Oscar, Wagtail's
Site) are aligned with it by `align_site_records`."""

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS


def public_origin():
    """SITE_URL split: .scheme, .netloc ("host:port"), .hostname, .port (None for the scheme's default)."""
    return urlsplit(settings.SITE_URL)


def absolute_url(path):
    """A path of this site ("/san-pham/...") as a full URL on the public host. A URL that is already absolute
    (media on a CDN or an object store) is returned as it is."""
    parts = urlsplit(str(path))
    if parts.scheme:
        return str(path)
    origin = public_origin()
    return urlunsplit((origin.scheme, origin.netloc, parts.path or "/", parts.query, parts.fragment))


def rehost(url):
    """A URL this site built on some other host (a Wagtail site record's, a request's) moved to the public one."""
    parts = urlsplit(str(url))
    return absolute_url(urlunsplit(("", "", parts.path, parts.query, parts.fragment)))


def page_url(page):
    """A Wagtail page's full URL on the public host, whatever its site record says."""
    full_url = page.get_full_url()
    return rehost(full_url) if full_url else None


def align_site_records():
    """Points django.contrib.sites' current Site and Wagtail's default Site at SITE_URL (idempotent), so what
    the frameworks build themselves (Oscar's e-mails, Wagtail's page.full_url and admin links) agrees."""
    from django.contrib.sites.models import Site as DjangoSite
    from wagtail.models import Site as WagtailSite

    origin = public_origin()
    DjangoSite.objects.update_or_create(pk=settings.SITE_ID, defaults={"domain": origin.netloc,
                                                                      "name": settings.OSCAR_SHOP_NAME})
    port = origin.port or (443 if origin.scheme == "https" else 80)
    for site in WagtailSite.objects.filter(is_default_site=True).exclude(hostname=origin.hostname, port=port):
        site.hostname, site.port = origin.hostname, port
        site.save()  # save(), not update(): Wagtail clears its cached site root paths on save


def align_site_records_after_migrate(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    if using == DEFAULT_DB_ALIAS:
        align_site_records()
