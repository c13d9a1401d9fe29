"""python manage.py load_demo [--products N] [--no-images]"""

import os

from django.core.management.base import BaseCommand, CommandError

from storefront.ocop.loading import load_all

from ...accounts import ensure_admin, ensure_producer_users
from ...catalogue import CatalogueLoader, DemoDataError
from ...content import ensure_home_page, ensure_site_content


class Command(BaseCommand):
    help = ("Load believable demo data: reference data, producers, products with certificates and images, the "
            "home page and an admin account. Safe to run again. --products N adds N synthetic products in bulk "
            "(for benchmarks).")

    def add_arguments(self, parser):
        parser.add_argument("--products", type=int, default=0, metavar="N",
                            help="also add N synthetic products (bulk insert, with a progress bar)")
        parser.add_argument("--no-images", action="store_true", help="skip drawing product images (faster)")
        parser.add_argument("--admin-password", default=os.environ.get("DEMO_ADMIN_PASSWORD", ""),
                            help="the admin's password (default: DEMO_ADMIN_PASSWORD, else a random one)")
        parser.add_argument("--producer-password", default=os.environ.get("DEMO_PRODUCER_PASSWORD", ""),
                            help="the demo producer users' password (default: DEMO_PRODUCER_PASSWORD, else random)")

    def handle(self, *args, **options):
        if options["products"] < 0:
            raise CommandError("--products must be 0 or more.")
        load_all(stdout=self.stdout)
        self.stdout.write("Demo catalogue: producers, products, certificates, images …")
        try:
            stats = CatalogueLoader(stdout=self.stdout, with_images=not options["no_images"]).run()
        except DemoDataError as error:
            raise CommandError(f"{error} Fix fixtures/demo/catalogue.json and run load_demo again.") from error
        home = ensure_home_page()
        stats.update(ensure_site_content(home, stdout=self.stdout))
        if options["products"]:
            from ...synthetic import add_synthetic_products

            created = add_synthetic_products(options["products"], stdout=self.stdout)
            stats["synthetic products created"] = created
        user, password = ensure_admin(password=options["admin_password"] or None)
        summary = ", ".join(f"{count} {label}" for label, count in sorted(stats.items()))
        self.stdout.write(self.style.SUCCESS(f"Demo data ready: {summary}; home page “{home.title}”."))
        self.stdout.write(self.style.WARNING(
            f"Admin sign-in: {user.email} / password {password}  (Oscar dashboard /dashboard/, Wagtail /cms/)"))
        for producer_user, partner, secret in ensure_producer_users(password=options["producer_password"] or None):
            self.stdout.write(self.style.WARNING(
                f"Producer sign-in ({partner.name}): {producer_user.email} / password {secret}  (/dashboard/)"))
