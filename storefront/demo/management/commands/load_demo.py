"""python manage.py load_demo [--today YYYY-MM-DD] [--products N] [--orders N] [--searches N] [--no-images]"""

import os

from django.core.management.base import BaseCommand, CommandError

from storefront.bulk import after_bulk_load
from storefront.insight import snapshots
from storefront.ocop.loading import load_all

from ...accounts import ensure_admin, ensure_producer_users
from ...calendar import DemoClockError, demo_today
from ...catalogue import CatalogueLoader, DemoDataError
from ...content import ensure_home_page, ensure_site_content
from ...market import ensure_market_connection, ensure_showroom_manager
from ...orders import add_demo_orders
from ...searches import add_demo_searches
from ...synthetic import add_synthetic_products


class Command(BaseCommand):
    help = ("Load believable demo data: reference data, producers, products with certificates and images, the "
            "home page and an admin account. Safe to run again. --products N adds N synthetic products in bulk "
            "(for benchmarks). Every date is laid out from the demo's today: run it again on a later day to move "
            "the calendar forward.")

    def add_arguments(self, parser):
        parser.add_argument("--today", default="", metavar="YYYY-MM-DD",
                            help="the demo's today (default: DEMO_TODAY, else the date it runs)")
        parser.add_argument("--products", type=int, default=0, metavar="N",
                            help="also add N synthetic products (bulk insert, with a progress bar)")
        parser.add_argument("--orders", type=int, default=0, metavar="N",
                            help="also add past orders until there are N demo orders, placed over the 24 months "
                                 "before the demo's today (bulk insert, for the insight pages)")
        parser.add_argument("--searches", type=int, default=0, metavar="N",
                            help="also add N past searches over the 12 months before the demo's today, each searched "
                                 "for real on the site's backend (once: not when the site has search records)")
        parser.add_argument("--no-images", action="store_true", help="skip drawing product images (faster)")
        parser.add_argument("--admin-password", default=os.environ.get("DEMO_ADMIN_PASSWORD", ""),
                            help="set the admin's password (default: DEMO_ADMIN_PASSWORD; a new admin gets a random "
                                 "one, an existing admin keeps its own)")
        parser.add_argument("--producer-password", default=os.environ.get("DEMO_PRODUCER_PASSWORD", ""),
                            help="set the demo producer users' password (default: DEMO_PRODUCER_PASSWORD; new users "
                                 "get a random one, existing users keep their own)")

    def handle(self, *args, **options):
        if options["products"] < 0:
            raise CommandError("--products must be 0 or more.")
        if options["orders"] < 0:
            raise CommandError("--orders must be 0 or more.")
        if options["searches"] < 0:
            raise CommandError("--searches must be 0 or more.")
        try:
            today = demo_today(options["today"])
        except DemoClockError as error:
            raise CommandError(f"{error} Give --today (or DEMO_TODAY) as e.g. 2027-02-28.") from error
        load_all(stdout=self.stdout)
        self.stdout.write(f"Demo catalogue laid out from {today:%d/%m/%Y}: producers, products, certificates, "
                          "images …")
        try:
            stats = CatalogueLoader(today, stdout=self.stdout, with_images=not options["no_images"]).run()
        except DemoDataError as error:
            raise CommandError(f"{error} Fix fixtures/demo/catalogue.json and run load_demo again.") from error
        home = ensure_home_page()
        stats.update(ensure_site_content(home, today, stdout=self.stdout))
        stats.update(ensure_market_connection(today))  # export details and businesses' inquiries
        # always: synthetic products loaded on an earlier day move forward with the calendar
        created = add_synthetic_products(options["products"], today, stdout=self.stdout)
        if options["products"]:
            stats["synthetic products created"] = created
        if options["orders"]:  # after the products: orders buy from the whole catalogue
            stats["demo orders created"] = add_demo_orders(options["orders"], today, stdout=self.stdout)
            snapshots.forget()  # kept insight figures predate these orders
        after_bulk_load()  # planner statistics for what was just loaded; cached pages forget the old catalogue
        if options["searches"]:  # searched on the finished catalogue, so each records what it finds there
            stats["demo searches created"] = add_demo_searches(options["searches"], today, stdout=self.stdout)
            snapshots.forget()
        user, password = ensure_admin(password=options["admin_password"] or None)
        summary = ", ".join(f"{count} {label}" for label, count in sorted(stats.items()))
        self.stdout.write(self.style.SUCCESS(f"Demo data ready: {summary}; home page “{home.title}”."))
        self.stdout.write(self.style.WARNING(
            f"Admin sign-in: {user.email} / {shown(password)}  (Oscar dashboard /dashboard/, Wagtail /cms/)"))
        for producer_user, partner, secret in ensure_producer_users(password=options["producer_password"] or None):
            self.stdout.write(self.style.WARNING(
                f"Producer sign-in ({partner.name}): {producer_user.email} / {shown(secret)}  (/dashboard/)"))
        manager = ensure_showroom_manager(password=options["producer_password"] or None)
        if manager:
            manager_user, showroom, secret = manager
            self.stdout.write(self.style.WARNING(
                f"Showroom manager sign-in ({showroom.title}): {manager_user.email} / {shown(secret)}  (/cms/)"))


def shown(password):
    if password is None:
        return "password unchanged (--admin-password / --producer-password set a new one)"
    return f"password {password}"
