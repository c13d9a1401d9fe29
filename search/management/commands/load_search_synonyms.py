from django.core.management.base import BaseCommand

from search import synonyms


class Command(BaseCommand):
    help = ("Load fixtures/search_synonyms.json into the synonym list staff edit (Wagtail admin > Snippets > "
            "Search synonyms). Adds the rows that are missing; --replace also overwrites rows staff changed. "
            "Searches see the change at once: no reindex.")

    def add_arguments(self, parser):
        parser.add_argument("--replace", action="store_true",
                            help="overwrite rows whose key is in the file with the file's words")

    def handle(self, *args, replace=False, **options):
        version, created, updated = synonyms.load_fixture(replace=replace)
        synonyms.forget()
        self.stdout.write(f"Search synonyms version {version}: {created} added, {updated} replaced.")
