"""A GIN index on the product's own English text for the database search (search/english.py,
`indexed_database_filter`), the same expression as its `ENGLISH_WORDS_SQL`. PostgreSQL only: SQLite matches English
words with LIKE."""

from django.db import migrations

ENGLISH_WORDS = (
    "to_tsvector('english'::regconfig, COALESCE(title_en, '') || ' ' || COALESCE(description_en, '') || ' ' || "
    "COALESCE(story_en, ''))"
)


class OnPostgreSQL(migrations.RunSQL):
    """RunSQL that does nothing on another database (SQLite, `make demo`)."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):

    dependencies = [
        ("search", "0003_database_search"),
        ("catalogue", "0035_english_next_to_vietnamese"),
    ]

    operations = [
        OnPostgreSQL(f"CREATE INDEX catalogue_product_english ON catalogue_product USING gin (({ENGLISH_WORDS}));",
                     "DROP INDEX IF EXISTS catalogue_product_english;"),
    ]
