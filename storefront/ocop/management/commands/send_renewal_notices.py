"""python manage.py send_renewal_notices [--date YYYY-MM-DD]: safe to run daily or more often."""

from datetime import date

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ...models import today
from ...renewals import due_on, send_notice


class Command(BaseCommand):
    help = ("E-mail each producer once when a current certificate enters its renewal window (180 to 120 days "
            "before expiry). What was sent is recorded, so running it again sends nothing twice.")

    def add_arguments(self, parser):
        parser.add_argument("--date", help="act as if today were this day (YYYY-MM-DD)")

    def handle(self, *args, **options):
        try:
            day = date.fromisoformat(options["date"]) if options["date"] else today()
        except ValueError as error:
            raise CommandError(f"--date must look like 2026-11-23 ({error}).") from error
        site_url = settings.SITE_URL
        sent = unreachable = 0
        for certificate in due_on(day):
            if send_notice(certificate, day, site_url):
                sent += 1
                self.stdout.write(f"  notice sent: {certificate.number} ({certificate.producer.name})")
            else:
                unreachable += 1
                self.stdout.write(f"  no e-mail address for {certificate.producer.name}: add one to the "
                                  f"producer or link a user, then run again ({certificate.number})")
        self.stdout.write(self.style.SUCCESS(
            f"Renewal notices for {day:%d/%m/%Y}: {sent} sent, {unreachable} without an address."))
