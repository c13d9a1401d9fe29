"""python manage.py make_documents_private [--dry-run]: run once after upgrading; safe to run again."""

from django.core.files.storage import storages
from django.core.management.base import BaseCommand

from ...documents import private_storage, unguessable_name
from ...models import Certificate, CertificationRequest

#: Requests first: a certificate entered from a request shares the request's file, which then moves once.
DOCUMENT_MODELS = [(CertificationRequest, "certification-requests"), (Certificate, "certificates")]


class Command(BaseCommand):
    help = ("Move certificate documents stored in the public media storage (uploaded before documents became "
            "private) to the private storage under random names, then delete the public copies. Documents "
            "already private are left alone, so running it again does nothing.")

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="say what would move, change nothing")

    def handle(self, *args, dry_run=False, **options):
        public, private = storages["default"], private_storage()
        moved = {}  # public name -> private name
        already_private = missing = updated = 0
        for model, folder in DOCUMENT_MODELS:
            label = model._meta.model_name
            for pk, name in model.objects.exclude(document="").order_by("pk").values_list("pk", "document"):
                if name not in moved:
                    if private.exists(name):
                        already_private += 1
                        continue
                    if not public.exists(name):
                        missing += 1
                        self.stdout.write(f"  {label} {pk}: {name} is in neither storage; upload it again "
                                          f"from the dashboard")
                        continue
                    new_name = unguessable_name(folder, name)
                    if not dry_run:
                        with public.open(name, "rb") as handle:
                            new_name = private.save(new_name, handle)
                    moved[name] = new_name
                if not dry_run:
                    # update(), not save(): a certificate's save() re-derives stars, which is not this job's.
                    updated += model.objects.filter(pk=pk, document=name).update(document=moved[name])
                self.stdout.write(f"  {label} {pk}: {name} -> private storage")
        deleted = 0
        if not dry_run:
            for name in moved:
                if not any(model.objects.filter(document=name).exists() for model, _ in DOCUMENT_MODELS):
                    public.delete(name)  # only once no row points at the public copy any more
                    deleted += 1
        verb = "would move" if dry_run else "moved"
        self.stdout.write(self.style.SUCCESS(
            f"Certificate documents: {verb} {len(moved)} file(s) ({updated} record(s) updated, {deleted} public "
            f"copies deleted), {already_private} already private, {missing} missing."))
