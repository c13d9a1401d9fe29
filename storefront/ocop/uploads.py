"""Checks every uploaded image and document before anything is stored.

Pillow decides what a file is (never its name or the browser's content type); images are re-encoded, which
drops EXIF metadata (GPS positions, camera serials) and anything hidden after the image data. Limits come from
settings so an operator can tune them: OCOP_UPLOAD_MAX_BYTES, OCOP_UPLOAD_MAX_PIXELS.
"""

from io import BytesIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

IMAGE_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
PDF_MAGIC = b"%PDF-"


def max_bytes():
    return getattr(settings, "OCOP_UPLOAD_MAX_BYTES", 10 * 1024 * 1024)


def max_pixels():
    return getattr(settings, "OCOP_UPLOAD_MAX_PIXELS", 40_000_000)


def check_size(upload):
    if upload.size is not None and upload.size > max_bytes():
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s. Please upload a smaller file.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(max_bytes())},
            code="too_large",
        )


def _read(upload):
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return data


def clean_image(upload, formats=IMAGE_FORMATS):
    """A cleaned copy of an uploaded image (JPEG/PNG/WebP, within the limits, without metadata);
    raises ValidationError with a sentence the uploader can act on."""
    check_size(upload)
    data = _read(upload)
    try:
        with Image.open(BytesIO(data)) as probe:
            kind = probe.format
            width, height = probe.size  # read from the header: nothing decoded yet
    except Image.DecompressionBombError:
        width, height = max_pixels() + 1, 1  # far beyond Pillow's own guard: reported like any oversized image
        kind = None
    except (UnidentifiedImageError, OSError):
        raise ValidationError(_("This file is not an image we can read. Upload a JPEG, PNG or WebP photo."),
                              code="not_an_image")
    if kind not in formats and width * height <= max_pixels():
        raise ValidationError(_("Images must be JPEG, PNG or WebP (this file is %(kind)s).") % {"kind": kind},
                              code="bad_format")
    if width * height > max_pixels():
        raise ValidationError(
            _("The image is %(width)s×%(height)s pixels, more than the limit of %(limit)s megapixels. "
              "Please resize it and upload again.")
            % {"width": width, "height": height, "limit": max(1, max_pixels() // 1_000_000)},
            code="too_many_pixels",
        )
    try:
        with Image.open(BytesIO(data)) as image:
            image.load()
            image = ImageOps.exif_transpose(image)  # keep the photo upright once its EXIF orientation is gone
            out = BytesIO()
            save_kwargs = {"quality": 90} if kind in ("JPEG", "WEBP") else {"optimize": True}
            if kind == "JPEG" and image.mode not in ("RGB", "L"):
                image = image.convert("RGB")
            image.save(out, format=kind, **save_kwargs)  # no exif= argument: metadata is not written
    except (OSError, ValueError, Image.DecompressionBombError, SyntaxError):
        raise ValidationError(_("This image is damaged or incomplete. Please export it again and upload it."),
                              code="damaged")
    stem = (getattr(upload, "name", "") or "image").rsplit("/", 1)[-1].rsplit(".", 1)[0][:80] or "image"
    return SimpleUploadedFile(f"{stem}.{formats[kind]}", out.getvalue(), content_type=f"image/{formats[kind]}")


def clean_document(upload):
    """A certificate scan: a PDF (checked by its magic bytes and size) or an image checked like any image."""
    check_size(upload)
    head = _read(upload)[:len(PDF_MAGIC)]
    if head == PDF_MAGIC:
        upload.seek(0)
        return upload
    try:
        return clean_image(upload, formats={"JPEG": "jpg", "PNG": "png"})
    except ValidationError as error:
        if error.code in ("not_an_image", "bad_format"):
            raise ValidationError(_("The certificate document must be a PDF, JPEG or PNG file."), code="bad_format")
        raise


def make_thumbnail(image_field, size="400x400"):
    """Renders the thumbnail the shop shows, so a file sorl cannot read fails here and not on a public page."""
    from oscar.core.thumbnails import get_thumbnailer

    return get_thumbnailer().generate_thumbnail(image_field, size=size, upscale=False)
