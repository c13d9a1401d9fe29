"""How an insight Table shows: each cell by its column's kind (one owner per format: Oscar's currency filter for
đồng, ocop.text.grouped for counts), and the data blob insight-charts.js draws a chart from."""

from decimal import Decimal

from django import template
from oscar.templatetags.currency_filters import currency

from storefront.insight.period import month_label
from storefront.ocop.text import grouped

register = template.Library()
#: A chart with labels longer than this lies down (bars to the right), as a long list's does (Table.is_long).
LONG_LABEL = 24


def percent_label(value) -> str:
    return f"{Decimal(str(value)):.1f}".replace(".", ",") + " %"


@register.filter
def cell(value, column):
    """One table cell as text, by its column's kind."""
    if value is None or value == "":
        return "–"
    kind = column.kind
    if kind == "money":
        return currency(value)
    if kind == "count":
        return grouped(value)
    if kind == "percent":
        return percent_label(value)
    if kind == "month":
        return month_label(value)
    if kind == "date":
        return f"{value:%d/%m/%Y}"
    return str(value)


@register.filter
def with_columns(row, table):
    """(value, column) pairs of one row."""
    return zip(row, table.columns)


def label(value, column):
    return cell(value, column) if column.kind in ("month", "date") else str(value)


def lies_down(table, labels):
    return table.chart != "line" and (table.is_long or max(map(len, labels), default=0) > LONG_LABEL)


@register.filter
def chart_data(table):
    """What insight-charts.js needs to draw `table`: the kind of chart, the x labels and one series per column."""
    label_column = table.columns[table.label_column]
    labels = [label(row[table.label_column], label_column) for row in table.rows]
    return {
        "chart": table.chart,
        "horizontal": lies_down(table, labels),
        "title": str(table.title),
        "label_column": table.label_column,
        "series_columns": list(table.series_columns),
        "labels": labels,
        "series": [{"label": str(table.columns[index].label), "kind": table.columns[index].kind,
                    "values": [float(row[index] or 0) if isinstance(row[index], Decimal) else (row[index] or 0)
                               for row in table.rows]}
                   for index in table.series_columns],
    }


@register.simple_tag
def export_url(query, slug, fmt):
    """The download link of one table, keeping the page's period and filters."""
    return f"?{query}&export={slug}&format={fmt}" if query else f"?export={slug}&format={fmt}"
