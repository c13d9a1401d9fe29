"""The one shape every insight figure has: a titled table whose columns say how to show their values, drawn as
a chart when it names one. Templates, exports and charts read only this."""

from dataclasses import dataclass

KINDS = ("text", "money", "count", "percent", "date", "month")
#: A table with more rows than this is a long list: its chart lies down and it takes the page's whole width.
LONG_LIST = 12
CHARTS = ("", "bar", "line", "doughnut", "stacked-bar")


@dataclass(frozen=True)
class Column:
    label: str
    kind: str = "text"  # text | money (whole đồng) | count | percent | date | month (a date, its 1st day)

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"Unknown column kind {self.kind!r}; use one of {', '.join(KINDS)}.")


@dataclass(frozen=True)
class Table:
    slug: str  # unique on its page: the HTML id and ?export=<slug>
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple, ...]
    chart: str = ""
    label_column: int = 0
    series_columns: tuple[int, ...] = (1,)
    links: tuple[str, ...] = ()  # one drill-down URL per row, in the rows' order
    note: str = ""

    def __post_init__(self):
        if self.chart not in CHARTS:
            raise ValueError(f"Unknown chart {self.chart!r}; use one of {', '.join(CHARTS)}.")
        if self.links and len(self.links) != len(self.rows):
            raise ValueError(f"Table {self.slug!r} has {len(self.rows)} rows but {len(self.links)} links.")

    @property
    def is_long(self):
        return len(self.rows) > LONG_LIST

    def column(self, index):
        return self.columns[index]

    def linked_rows(self):
        """(row, link) pairs; the link is "" where the table has none."""
        return tuple(zip(self.rows, self.links or ("",) * len(self.rows)))


def find(tables, slug):
    """The table called `slug` among `tables`, or None."""
    return next((table for table in tables if table.slug == slug), None)
