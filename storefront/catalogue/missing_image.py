"""Oscar shows OSCAR_MISSING_IMAGE_URL, a file in the media storage, for a product without images, and puts it there
itself only on a local disk (a symlink into MEDIA_ROOT). This copies Oscar's placeholder into the media storage,
whatever it is (the media bucket in production), after every `migrate` (every release runs one): a product without
a picture then shows the placeholder, not a broken image."""

import logging

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files import File
from django.core.files.storage import storages

logger = logging.getLogger(__name__)


def store_missing_image(**kwargs):
    name = settings.OSCAR_MISSING_IMAGE_URL
    source = finders.find(f"oscar/img/{name}")
    try:
        storage = storages["default"]
        if source and not storage.exists(name):
            with open(source, "rb") as handle:
                storage.save(name, File(handle))
    except Exception as error:  # an unreachable bucket must not fail a release's migrate; /readyz reports it
        logger.warning("Could not store the missing-image placeholder %s in the media storage: %s", name, error)
