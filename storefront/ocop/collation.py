"""Vietnamese alphabetical order (a ă â b c d đ e ê … u ư v x y), the one owner of how names are sorted.

The rules are ICU's (CLDR's "vi" tailoring), never a hand-written table: in Python through PyICU, in SQL through
PostgreSQL's ICU collation "vi-x-icu", and on SQLite (the demo) through the same PyICU collator registered on
each connection under the name "vi". A code-point sort puts "Huế" before "Hà Nội" and "Điện Biên" after "Yên Bái".
"""
import icu
from django.db.models.functions import Collate

LOCALE = "vi"
POSTGRESQL_COLLATION = "vi-x-icu"   # predefined when PostgreSQL is built with ICU (Debian's is)
SQLITE_COLLATION = "vi"             # registered by register_sqlite_collation() on every new connection

_collator = icu.Collator.createInstance(icu.Locale(LOCALE))


def sort_key(text):
    """A key for sorted()/list.sort() that puts text in Vietnamese order."""
    return _collator.getSortKey(str(text or ""))


def sort_vietnamese(items, key=str):
    """A new list of items in Vietnamese order of key(item) (by default the item's text)."""
    return sorted(items, key=lambda item: sort_key(key(item)))


def compare(left, right):
    """-1, 0 or 1 as left sorts before, with or after right (SQLite's collation callback)."""
    return _collator.compare(left or "", right or "")


class Vietnamese(Collate):
    """A text column in Vietnamese order, for order_by() and Meta.ordering on PostgreSQL and SQLite alike."""

    def __init__(self, expression):
        super().__init__(expression, SQLITE_COLLATION)

    def as_postgresql(self, compiler, connection, **extra_context):
        extra_context["collation"] = connection.ops.quote_name(POSTGRESQL_COLLATION)
        return self.as_sql(compiler, connection, **extra_context)


def register_sqlite_collation(sender=None, connection=None, **kwargs):
    """connection_created receiver: teach each new SQLite connection the "vi" collation."""
    if connection is not None and connection.vendor == "sqlite":
        connection.connection.create_collation(SQLITE_COLLATION, compare)

