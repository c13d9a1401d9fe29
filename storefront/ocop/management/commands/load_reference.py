from django.core.management.base import BaseCommand

from storefront.ocop.loading import load_all


class Command(BaseCommand):
    help = "Load or update the OCOP reference data: provinces and communes, taxonomy, rule sets (idempotent)."

    def handle(self, *args, **options):
        load_all(stdout=self.stdout)
