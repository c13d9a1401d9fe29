"""Any insight Table as a download: CSV (UTF-8 with a byte order mark, so Excel reads Vietnamese) or an Excel
workbook (openpyxl), with money as numbers in đồng and months as dates, so a spreadsheet can sum and sort them."""

import csv
import io
from datetime import date
from decimal import Decimal

from django.http import HttpResponse
from django.utils.translation import gettext as _

from storefront.params import BadParameter, choice, shown, single

FORMATS = ("csv", "xlsx")
CONTENT_TYPES = {"csv": "text/csv; charset=utf-8",
                 "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
NUMBER_FORMATS = {"money": '#,##0 "₫"', "count": "#,##0", "percent": "0.0%", "date": "dd/mm/yyyy",
                  "month": "mm/yyyy"}
SHEET_TITLE_LENGTH = 31  # Excel's limit


def plain(value, kind):
    """A cell as CSV writes it: whole đồng, ISO dates (a month as 2026-11), percentages as numbers."""
    if value is None:
        return ""
    if kind == "money":
        return int(value)
    if kind == "month":
        return f"{value:%Y-%m}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def csv_bytes(table) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([column.label for column in table.columns])
    for row in table.rows:
        writer.writerow([plain(value, column.kind) for value, column in zip(row, table.columns)])
    return "\ufeff".encode() + out.getvalue().encode()


def xlsx_bytes(table) -> bytes:
    # imported here: about 10 MB that every web worker would hold for the few who download a workbook
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=table.slug[:SHEET_TITLE_LENGTH])
    bold = Font(bold=True)
    header = []
    for column in table.columns:
        cell = WriteOnlyCell(sheet, value=str(column.label))
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in table.rows:
        cells = []
        for value, column in zip(row, table.columns):
            if column.kind == "money" and value is not None:
                value = int(value)
            elif column.kind == "percent" and value is not None:
                value = float(value) / 100
            elif isinstance(value, Decimal):
                value = float(value)
            cell = WriteOnlyCell(sheet, value=value)
            if column.kind in NUMBER_FORMATS:
                cell.number_format = NUMBER_FORMATS[column.kind]
            cells.append(cell)
        sheet.append(cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def export_response(table, fmt, filename=None) -> HttpResponse:
    """The download of `table` as `fmt` ("csv" or "xlsx"); another format is a BadParameter (400)."""
    fmt = choice(fmt, "format", FORMATS)
    body = csv_bytes(table) if fmt == "csv" else xlsx_bytes(table)
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename or table.slug}.{fmt}"'
    return response


def export_from_query(tables, querydict, filename_prefix=""):
    """The response to `?export=<slug>&format=csv|xlsx` over a page's `tables`, or None when the query asks for
    no export. An unknown slug or format is a BadParameter (400)."""
    slug = single(querydict, "export")
    if not slug:
        if single(querydict, "format"):
            raise BadParameter(_("format goes with export=<table>; there is no export here."))
        return None
    table = next((table for table in tables if table.slug == slug), None)
    if table is None:
        raise BadParameter(_("No such table to export: %(slug)s. Use one of: %(slugs)s.")
                           % {"slug": shown(slug), "slugs": ", ".join(t.slug for t in tables)})
    return export_response(table, single(querydict, "format") or "csv", filename=f"{filename_prefix}{slug}")
