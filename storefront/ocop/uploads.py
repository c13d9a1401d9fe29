"""Checks every uploaded image and document before anything is stored.

Pillow decides what a file is (never its name or the browser's content type); images are re-encoded, which
drops EXIF metadata (GPS positions, camera serials) and anything hidden after the image data. PDFs are parsed
by pypdf and refused when they are unreadable, encrypted, scripted or carry files inside. Limits come from
settings so an operator can tune them: OCOP_UPLOAD_MAX_BYTES, OCOP_UPLOAD_MAX_PIXELS, OCOP_UPLOAD_MAX_PDF_PAGES.
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
#: Keys that make a viewer run code or act on its own: JavaScript anywhere, additional (event) actions, XFA
#: forms (which carry their own scripts).
PDF_SCRIPT_KEYS = {"/JS", "/JavaScript", "/AA", "/XFA"}
#: Action types that run code or open other programs, wherever the action sits (/OpenAction, links, outlines).
PDF_SCRIPT_ACTIONS = {"/JavaScript", "/Launch"}
PDF_EMBEDDED_KEYS = {"/EmbeddedFiles", "/EF"}
PDF_EMBEDDED_TYPES = {"/EmbeddedFile", "/FileAttachment", "/RichMedia"}
#: A certificate scan has a few dozen objects; far more is a crafted file, and walking it costs time.
PDF_MAX_OBJECTS = 50_000


def max_bytes():
    return getattr(settings, "OCOP_UPLOAD_MAX_BYTES", 10 * 1024 * 1024)


def max_pixels():
    return getattr(settings, "OCOP_UPLOAD_MAX_PIXELS", 40_000_000)


def max_pdf_pages():
    return getattr(settings, "OCOP_UPLOAD_MAX_PDF_PAGES", 20)


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


class _PdfTooComplex(Exception):
    pass


def _pdf_objects(reader):
    """Every dictionary in the file: the ones reachable from the trailer and every object the cross-reference
    tables list (a viewer repairing a damaged file may find those too), each indirect object once."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    pending = [reader.trailer]
    pending += [IndirectObject(number, generation, reader)
                for generation, numbers in reader.xref.items() for number in numbers]
    pending += [IndirectObject(number, 0, reader) for number in reader.xref_objStm]
    seen, visited = set(), 0
    while pending:
        item = pending.pop()
        if isinstance(item, IndirectObject):
            if (item.idnum, item.generation) in seen:
                continue
            seen.add((item.idnum, item.generation))
            item = item.get_object()
        visited += 1
        if visited > PDF_MAX_OBJECTS:
            raise _PdfTooComplex
        if isinstance(item, DictionaryObject):  # streams too: their dictionaries carry /Type and /Subtype
            yield item
            pending.extend(dict.values(item))  # raw values: references stay references, visited once
        elif isinstance(item, ArrayObject):
            pending.extend(list.__iter__(item))


def _name(dictionary, key):
    """The PDF name stored under `key` (following a reference), or None when it is absent or not a name."""
    from pypdf.generic import IndirectObject, NameObject

    value = dictionary.get(key)
    value = value.get_object() if isinstance(value, IndirectObject) else value
    return value if isinstance(value, NameObject) else None


def _pdf_problem(dictionary):
    """What is wrong with one PDF dictionary: "scripts", "embedded" or None."""
    keys = set(dictionary.keys())
    if keys & PDF_SCRIPT_KEYS or _name(dictionary, "/S") in PDF_SCRIPT_ACTIONS:
        return "scripts"
    kinds = {_name(dictionary, "/Type"), _name(dictionary, "/Subtype")}
    if keys & PDF_EMBEDDED_KEYS or kinds & PDF_EMBEDDED_TYPES:
        return "embedded"
    return None


def _inspect_pdf(data):
    """(pages, problem) of a PDF file; problem is None, "encrypted", "scripts", "embedded" or "complex"."""
    # imported here: pypdf costs every web worker ~10 MB, and only document uploads read PDFs
    from pypdf import PdfReader

    reader = PdfReader(BytesIO(data), strict=False)
    if reader.is_encrypted:
        return 0, "encrypted"
    try:
        for dictionary in _pdf_objects(reader):
            problem = _pdf_problem(dictionary)
            if problem:
                return 0, problem
    except _PdfTooComplex:
        return 0, "complex"
    return len(reader.pages), None


def clean_pdf(upload):
    """The uploaded PDF, once pypdf has read it and found nothing a viewer would run or unpack; raises
    ValidationError with a sentence the uploader can act on."""
    data = _read(upload)
    try:
        pages, problem = _inspect_pdf(data)
    except Exception:  # noqa: BLE001  a hostile file can make any parser raise anything: it is simply unreadable
        pages, problem = 0, "unreadable"
    messages = {
        "unreadable": _("This PDF cannot be read. Save or export it again as a PDF, or upload a JPEG or PNG scan."),
        "encrypted": _("This PDF is password-protected. Upload a copy without a password."),
        "scripts": _("This PDF contains scripts or automatic actions, which are not accepted. Print it to a new "
                     "PDF or upload a JPEG or PNG scan."),
        "embedded": _("This PDF has other files attached inside it, which are not accepted. Upload the "
                      "certificate on its own."),
        "complex": _("This PDF is too complex to check. Print it to a new PDF or upload a JPEG or PNG scan."),
    }
    if problem:
        raise ValidationError(messages[problem], code=f"pdf_{problem}")
    if pages == 0:
        raise ValidationError(messages["unreadable"], code="pdf_unreadable")
    if pages > max_pdf_pages():
        raise ValidationError(
            _("The PDF has %(pages)s pages; the limit is %(limit)s. Upload only the certificate's pages.")
            % {"pages": pages, "limit": max_pdf_pages()},
            code="pdf_too_many_pages",
        )
    stem = (getattr(upload, "name", "") or "document").rsplit("/", 1)[-1].rsplit(".", 1)[0][:80] or "document"
    return SimpleUploadedFile(f"{stem}.pdf", data, content_type="application/pdf")


def clean_document(upload):
    """A certificate scan: a PDF that passes `clean_pdf`, or a JPEG/PNG image checked like any image."""
    check_size(upload)
    if _read(upload)[:len(PDF_MAGIC)] == PDF_MAGIC:
        return clean_pdf(upload)
    try:
        return clean_image(upload, formats={"JPEG": "jpg", "PNG": "png"})
    except ValidationError as error:
        if error.code in ("not_an_image", "bad_format"):
            raise ValidationError(_("The certificate document must be a PDF, JPEG or PNG file."), code="bad_format")
        raise
