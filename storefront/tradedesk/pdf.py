"""Printable PDFs with reportlab, in Vietnamese: the helpers every document of the trade desk builds on (the fair's
exhibitor list; catalogues). ReportLab's built-in fonts have no Vietnamese letters (ư, ơ, ạ, ế ...), so the
documents embed DejaVu Sans (Debian's fonts-dejavu-core, which `make install` adds when missing) from
OCOP_PDF_FONT_DIR.
"""

from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

FONT, BOLD = "DejaVuSans", "DejaVuSans-Bold"
FONT_FILES = {FONT: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
GREEN = colors.HexColor("#1b5e20")  # the site's OCOP green


def register_fonts():
    """Registers the embedded fonts once per process (reportlab keeps a registry of its own)."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    folder = Path(settings.OCOP_PDF_FONT_DIR)
    for name, filename in FONT_FILES.items():
        path = folder / filename
        if not path.is_file():
            raise ImproperlyConfigured(
                f"PDFs need {path} for Vietnamese letters: install Debian's fonts-dejavu-core "
                "(apt-get install fonts-dejavu-core) or point OCOP_PDF_FONT_DIR at a folder holding DejaVu Sans.")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)


def styles():
    register_fonts()
    return {
        "title": ParagraphStyle("title", fontName=BOLD, fontSize=16, leading=20, textColor=GREEN, spaceAfter=4),
        "subtitle": ParagraphStyle("subtitle", fontName=FONT, fontSize=10, leading=13, spaceAfter=8),
        "cell": ParagraphStyle("cell", fontName=FONT, fontSize=8.5, leading=10.5),
        "head": ParagraphStyle("head", fontName=BOLD, fontSize=8.5, leading=10.5, textColor=colors.white),
        "small": ParagraphStyle("small", fontName=FONT, fontSize=7.5, leading=9, textColor=colors.grey),
    }


def text(value, style):
    """A paragraph of plain text (escaped: names may hold & or <); line breaks kept."""
    return Paragraph(escape(str(value)).replace("\n", "<br/>"), style)


def table(header, rows, widths):
    """A full-width table with a repeated green header row and light banding."""
    sheet = styles()
    data = [[text(cell, sheet["head"]) for cell in header]]
    data += [[text(cell, sheet["cell"]) for cell in row] for row in rows]
    grid = Table(data, colWidths=widths, repeatRows=1)
    grid.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), GREEN),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f1f8e9")]),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#c5d6c0")),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return grid


def render(story, *, title, author="", pagesize=landscape(A4), footer=""):
    """The PDF's bytes: `story` (reportlab flowables) on pages numbered "footer · page n" at the bottom."""
    register_fonts()
    buffer = BytesIO()

    def decorate(canvas, document):
        canvas.saveState()
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(colors.grey)
        label = _("page %(number)s") % {"number": document.page}
        canvas.drawRightString(pagesize[0] - 12 * mm, 8 * mm, f"{footer} · {label}" if footer else label)
        canvas.restoreState()

    document = SimpleDocTemplate(buffer, pagesize=pagesize, title=title, author=author, creator=author,
                                 leftMargin=12 * mm, rightMargin=12 * mm, topMargin=12 * mm, bottomMargin=14 * mm)
    document.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return buffer.getvalue()


def usable_width(pagesize=landscape(A4)):
    return pagesize[0] - 24 * mm
