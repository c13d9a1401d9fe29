"""manage.py search_index --rebuild | --sync"""

import time

from django.core.management.base import BaseCommand, CommandError

from search import indexing


class Command(BaseCommand):
    help = ("Elasticsearch index of products: --rebuild builds a new index and swaps the alias to it; "
            "--sync indexes what changed since the last successful sync (or failed to reach the index).")

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--rebuild", action="store_true", help="build a new index, swap the alias atomically")
        group.add_argument("--sync", action="store_true", help="catch up with changes since the last sync")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args, rebuild, sync, no_progress, **options):
        if not indexing.enabled():
            raise CommandError("ELASTICSEARCH_URL is not set: the site searches the database, nothing to index.")
        progress = not no_progress and options["verbosity"] > 0
        started = time.monotonic()
        try:
            if rebuild:
                name, count = indexing.rebuild(progress=progress)
                message = f"Indexed {count} products into {name}; alias {indexing.alias()} now points to it"
            else:
                count = indexing.sync(progress=progress)
                message = f"Synced {count} products into {indexing.alias()}"
        except Exception as error:  # noqa: BLE001  a command line wants the reason, not a traceback
            raise CommandError(f"Indexing failed: {error}") from error
        self.stdout.write(self.style.SUCCESS(f"{message} in {time.monotonic() - started:.1f} s."))
