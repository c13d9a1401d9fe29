import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "storefront.settings.production")
application = get_wsgi_application()

# Under `gunicorn --preload` (deploy/Procfile) the workers are forked from this process once it is here: what was
# imported is moved out of the garbage collector's reach, so its passes do not write to, and so copy, the pages the
# workers share.
gc.freeze()
