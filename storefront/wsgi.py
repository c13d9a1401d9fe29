import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "storefront.settings.production")
application = get_wsgi_application()


def load_before_fork():
    """Under `gunicorn --preload` (deploy/Procfile) the workers are forked from this process once it is here. What
    each would otherwise import on its first request (the URLconf with every view module it names; the cache's
    client library) is imported now, so the workers share it; then it is moved out of the garbage collector's reach,
    so its passes do not write to, and so copy, the pages the workers share. No connection may cross the fork:
    none is opened here, and any an import opened is closed."""
    from django.db import connections
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018  imports every view module
    import redis  # noqa: F401  Django's RedisCache imports it on the first cache call
    connections.close_all()
    gc.freeze()


load_before_fork()
