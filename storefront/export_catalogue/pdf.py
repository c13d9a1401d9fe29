"""The export catalogue as a PDF, built from live data in the request's language: a cover, then one card per
product with its photo, stars, certificate number and the QR code that verifies it, the producer's contact and
the export details. Fonts and page furniture come from the trade desk's PDF helpers."""

from io import BytesIO

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from PIL import Image as PillowImage
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Image, KeepTogether, PageBreak, Spacer, Table, TableStyle

from storefront.ocop.models import today
from storefront.ocop.qr import qr_png
from storefront.ocop.text import grouped
from storefront.site_url import absolute_url
from storefront.tradedesk import pdf

from .selection import PDF_LIMIT

PHOTO_SIZE = 45 * mm
QR_SIZE = 28 * mm
#: Photos are shrunk to this many pixels on the long side before embedding: sharp in print, small in bytes.
PHOTO_PIXELS = 600


def photo(product):
    """The product's first image as a flowable, or None (no image, or a file the storage cannot give)."""
    images = list(product.images.all())
    if not images:
        return None
    try:
        with images[0].original.open("rb") as source:
            picture = PillowImage.open(source)
            picture.thumbnail((PHOTO_PIXELS, PHOTO_PIXELS))
            buffer = BytesIO()
            picture.convert("RGB").save(buffer, format="JPEG", quality=82)
    except (OSError, ValueError):
        return None
    buffer.seek(0)
    width, height = ImageReader(buffer).getSize()
    buffer.seek(0)
    scale = PHOTO_SIZE / max(width, height)
    return Image(buffer, width=width * scale, height=height * scale)


def qr_code(certificate):
    return Image(BytesIO(qr_png(absolute_url(certificate.get_absolute_url()))), width=QR_SIZE, height=QR_SIZE)


def card(product, sheet, width):
    certificate, producer, details = product.current_certificate, product.producer, product.export_profile
    stars = "★" * certificate.stars
    lines = [
        pdf.text(product.title, sheet["card_title"]),
        pdf.text(f"{stars}  " + _("OCOP %(stars)s stars") % {"stars": certificate.stars}, sheet["stars"]),
        pdf.text(_("Certificate %(number)s, valid until %(date)s")
                 % {"number": certificate.number, "date": certificate.valid_until.strftime("%d/%m/%Y")}, sheet["cell"]),
    ]
    description = strip_tags(product.description or "").strip()
    if description:
        lines.append(pdf.text(Truncator(description).chars(400), sheet["cell"]))
    facts = [
        (_("Packaging"), details.packaging),
        (_("Shelf life"), ngettext("%(count)d month", "%(count)d months", details.shelf_life_months)
         % {"count": details.shelf_life_months}),
        (_("Monthly capacity"), grouped(details.monthly_capacity) + " "
         + details.get_capacity_unit_display()),
        (_("Other certifications"), details.certifications),
        (_("HS code"), details.hs_code),
        (_("Producer"), producer.name),
        (_("Address"), producer.full_address),
        (_("Contact"), " · ".join(part for part in (producer.phone, producer.email) if part)),
    ]
    lines += [pdf.text(f"{label}: {value}", sheet["cell"]) for label, value in facts if value]
    image = photo(product)
    code = [qr_code(certificate), pdf.text(_("Scan to verify"), sheet["small"])]
    grid = Table([[image or "", lines, code]], colWidths=[PHOTO_SIZE + 4 * mm, width - PHOTO_SIZE - QR_SIZE - 12 * mm,
                                                          QR_SIZE + 8 * mm])
    grid.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BOX", (0, 0), (-1, -1), 0.5, colors.HexColor("#c5d6c0")),
        ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return KeepTogether([grid, Spacer(1, 4 * mm)])


def catalogue_pdf(products, selection_words):
    sheet = pdf.styles()
    sheet["card_title"] = sheet["title"].clone("card_title", fontSize=12, leading=15, spaceAfter=2)
    sheet["stars"] = sheet["cell"].clone("stars", textColor=colors.HexColor("#b8860b"), fontSize=10, leading=13)
    sheet["cover"] = sheet["title"].clone("cover", fontSize=26, leading=32, spaceAfter=12)
    total = products.count()
    chosen = list(products[:PDF_LIMIT])
    width = A4[0] - 24 * mm
    title = _("OCOP export catalogue")
    story = [
        Spacer(1, 60 * mm),
        pdf.text(title, sheet["cover"]),
        pdf.text(_("Certified 4 and 5-star OCOP products from Viet Nam, ready for export"), sheet["subtitle"]),
        pdf.text(selection_words or _("All products"), sheet["subtitle"]),
        pdf.text(ngettext("%(count)d product", "%(count)d products", total) % {"count": total}
                 + " · " + today().strftime("%d/%m/%Y"), sheet["subtitle"]),
    ]
    if total > len(chosen):
        story.append(pdf.text(_("This catalogue prints the first %(shown)s; narrow the selection to print the rest.")
                              % {"shown": len(chosen)}, sheet["subtitle"]))
    story.append(pdf.text(_("Every certificate can be checked at %(url)s or with its QR code.")
                          % {"url": absolute_url("/verify/")}, sheet["small"]))
    story.append(PageBreak())
    story += [card(product, sheet, width) for product in chosen]
    if not chosen:
        story.append(pdf.text(_("No product matches this selection."), sheet["subtitle"]))
    return pdf.render(story, title=title, author=settings.OSCAR_SHOP_NAME, pagesize=A4, footer=title)
