"""The database search on PostgreSQL (docs/search.md, "The database backend"): the unaccent, pg_trgm extensions, a
'simple' text search configuration that also unaccents, a GIN index on the words of Product.search_text, and the
vocabulary of those words (SearchWord) with a trigram index, kept by a trigger. Nothing of this runs on SQLite,
whose database search keeps matching with LIKE."""

from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations, models

# The words of a product, as search/backends/database.py queries them (`product_words`): the folded text's ASCII
# letters and digits, everything else a separator, the same split as search/matching.py's `words`.
WORDS = "to_tsvector('vi_folded'::regconfig, regexp_replace(search_text, '[^a-z0-9]+', ' ', 'g'))"

FORWARDS = f"""
CREATE TEXT SEARCH CONFIGURATION vi_folded (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION vi_folded
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, simple;

CREATE INDEX catalogue_product_search_words ON catalogue_product USING gin (({WORDS}));

CREATE INDEX search_searchword_trigram ON search_searchword USING gin (word gin_trgm_ops);

-- `search_index --sync` reads the certificates changed since the last sync (search/indexing.py, changed_since)
CREATE INDEX search_certificate_updated_at ON ocop_certificate (updated_at);

CREATE FUNCTION search_note_product_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_searchword (word)
    SELECT DISTINCT lexeme FROM changed_products, unnest(to_tsvector(
        'vi_folded'::regconfig, regexp_replace(changed_products.search_text, '[^a-z0-9]+', ' ', 'g')))
    WHERE length(lexeme) <= 100
    ORDER BY lexeme
    ON CONFLICT (word) DO NOTHING;
    RETURN NULL;
END
$$;
CREATE TRIGGER search_words_of_new_products AFTER INSERT ON catalogue_product
    REFERENCING NEW TABLE AS changed_products FOR EACH STATEMENT EXECUTE FUNCTION search_note_product_words();
CREATE TRIGGER search_words_of_changed_products AFTER UPDATE ON catalogue_product
    REFERENCING NEW TABLE AS changed_products FOR EACH STATEMENT EXECUTE FUNCTION search_note_product_words();

INSERT INTO search_searchword (word)
SELECT DISTINCT lexeme FROM catalogue_product, unnest({WORDS}) WHERE length(lexeme) <= 100 ORDER BY lexeme
ON CONFLICT (word) DO NOTHING;
"""

BACKWARDS = """
DROP TRIGGER IF EXISTS search_words_of_changed_products ON catalogue_product;
DROP TRIGGER IF EXISTS search_words_of_new_products ON catalogue_product;
DROP FUNCTION IF EXISTS search_note_product_words();
DROP INDEX IF EXISTS search_certificate_updated_at;
DROP INDEX IF EXISTS search_searchword_trigram;
DROP INDEX IF EXISTS catalogue_product_search_words;
DROP TEXT SEARCH CONFIGURATION IF EXISTS vi_folded;
"""


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
        ("search", "0002_synonyms_and_search_records"),
        ("catalogue", "0034_english_source_strings"),
        ("ocop", "0006_vietnamese_order"),
    ]

    operations = [
        UnaccentExtension(),
        TrigramExtension(),
        migrations.CreateModel(
            name="SearchWord",
            fields=[
                ("id", models.AutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("word", models.CharField(max_length=100, unique=True)),
            ],
            options={"verbose_name": "word in the catalogue"},
        ),
        OnPostgreSQL(FORWARDS, BACKWARDS),
    ]
