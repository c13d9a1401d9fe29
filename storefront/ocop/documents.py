"""Where certificate documents are kept and how they are handed out.

The scans producers send and the certificates' scans never live under MEDIA_ROOT: they go to the "private"
storage alias (a directory outside the web root by default, or a private S3 bucket: settings/base.py), under
random names, and come back only through the dashboard's download views, which check who is asking (and then
redirect to a short-lived signed URL when the file is in a bucket). A private file's `.url` is therefore that
view, whatever the storage behind it could offer.
"""

import secrets
from pathlib import PurePosixPath
from urllib.parse import quote

from django.conf import settings
from django.core.files.storage import storages
from django.core.signals import setting_changed
from django.db import models
from django.db.models.fields.files import FieldFile
from django.dispatch import receiver
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.functional import LazyObject, empty
from django.utils.http import content_disposition_header

#: What a stored document may be, by the extension `unguessable_name` keeps; anything else is served as bytes.
CONTENT_TYPES = {".pdf": "application/pdf", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png"}


class PrivateStorage(LazyObject):
    """storages["private"], looked up again when STORAGES changes (as Django does for default_storage)."""

    def _setup(self):
        self._wrapped = storages["private"]


_private_storage = PrivateStorage()


def private_storage():
    """The private storage, as a callable so migrations record this function rather than a storage object."""
    return _private_storage


@receiver(setting_changed)
def _forget_private_storage(*, setting, **kwargs):
    if setting == "STORAGES":
        _private_storage._wrapped = empty


def unguessable_name(folder, filename):
    """`folder/<random token><extension>`: nothing of the uploader's file name is kept but a known extension."""
    suffix = PurePosixPath(filename).suffix.lower()
    return f"{folder}/{secrets.token_urlsafe(24)}{suffix if suffix in CONTENT_TYPES else ''}"


class PrivateFieldFile(FieldFile):
    @property
    def url(self):
        self._require_file()
        return reverse(self.field.download_view, kwargs={"pk": self.instance.pk})


class PrivateFileField(models.FileField):
    """A FileField in the private storage whose URL is `download_view` (a URL name taking the owner's pk)."""

    attr_class = PrivateFieldFile

    def __init__(self, *args, download_view=None, **kwargs):
        self.download_view = download_view
        kwargs.setdefault("storage", private_storage)
        super().__init__(*args, **kwargs)  # download_view is about URLs: migrations do not record it


def document_response(document, download_name):
    """The stored document as a download (never shown inline, never sniffed into another type): from a private
    bucket, a redirect to a signed URL that expires in OCOP_PRIVATE_URL_SECONDS; from disk, streamed by Django or,
    when OCOP_PRIVATE_MEDIA_ACCEL_REDIRECT is set, by nginx from its internal location."""
    suffix = PurePosixPath(document.name).suffix.lower()
    content_type = CONTENT_TYPES.get(suffix, "application/octet-stream")
    filename = f"{download_name}{suffix}"
    accel_prefix = getattr(settings, "OCOP_PRIVATE_MEDIA_ACCEL_REDIRECT", "")
    if getattr(document.storage, "querystring_auth", False):  # S3Storage that signs its URLs (settings/base.py)
        # the bucket answers with our download name and type, whatever the object was stored as
        response = HttpResponseRedirect(document.storage.url(document.name, parameters={
            "ResponseContentDisposition": content_disposition_header(as_attachment=True, filename=filename),
            "ResponseContentType": content_type}))
    elif accel_prefix:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = f"{accel_prefix.rstrip('/')}/{quote(document.name)}"
        response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    else:
        try:
            handle = document.storage.open(document.name, "rb")
        except (FileNotFoundError, OSError):
            raise Http404("The document's file is missing from the private storage.")
        response = FileResponse(handle, as_attachment=True, filename=filename, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, private=True, no_store=True)
    return response
