"""python manage.py run_scheduler [--list]: the one process that enqueues the periodic tasks (docs/tasks.md)."""

import signal

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from ...schedule import build_scheduler


class Command(BaseCommand):
    help = ("Enqueue the periodic tasks on time (renewal notices daily, search sync every few minutes) for the "
            "workers (`manage.py db_worker`) to run. Run exactly one.")

    def add_arguments(self, parser):
        parser.add_argument("--list", action="store_true", help="print the jobs and their next run, then exit")

    def handle(self, *args, list, **options):
        try:
            if list:
                from apscheduler.schedulers.background import BackgroundScheduler

                scheduler = build_scheduler(BackgroundScheduler)
                scheduler.start(paused=True)  # computes the next run times without running anything
                for job in scheduler.get_jobs():
                    next_run = f"{job.next_run_time:%Y-%m-%d %H:%M %Z}"
                    self.stdout.write(f"{job.id}: {job.name}, {job.trigger}; next at {next_run}")
                scheduler.shutdown(wait=False)
                return
            scheduler = build_scheduler()
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        signal.signal(signal.SIGTERM, lambda *_: scheduler.shutdown(wait=False))
        jobs = ", ".join(f"{job.id} ({job.trigger})" for job in scheduler.get_jobs())
        self.stdout.write(f"Scheduler started: {jobs}. Ctrl-C or SIGTERM stops it.")
        try:
            scheduler.start()
        except (KeyboardInterrupt, SystemExit):
            pass
        self.stdout.write("Scheduler stopped.")
