"""Template loaders that translate the few English words Oscar's and Wagtail's templates hard-code outside
{% translate %}: labels a screen reader reads out (about ninety Oscar templates name their breadcrumb trail
aria-label="breadcrumb") and a hidden search button. Rewriting them as the templates are read keeps those
templates unforked; the i18n tags are builtins in settings, so a template needs no {% load i18n %} for it.
Each replacement uses an existing msgid, translated in locale/vi/LC_MESSAGES/django.po."""

from django.template.loaders import app_directories, filesystem

# (the attribute as the template writes it, the msgid that replaces its English value)
HARD_CODED = [
    ('aria-label="breadcrumb"', "Breadcrumb"),  # Oscar, ~90 templates
    ('aria-label="Toggle navigation"', "Toggle navigation"),  # Oscar's dashboard layout
    ('aria-label="Close"', "Close"),  # Oscar's dashboard dialogs
    ('aria-label="Actions"', "Actions"),  # Wagtail's page header
    ('value="Search"', "Search"),  # Wagtail's header search button (for screen readers)
]


def translated(contents):
    for written, msgid in HARD_CODED:
        if written in contents:
            attribute = written.split("=", 1)[0]
            contents = contents.replace(written, f'{attribute}="{{% translate "{msgid}" %}}"')
    return contents


class TranslatedLabelsMixin:
    def get_contents(self, origin):
        return translated(super().get_contents(origin))


class FilesystemLoader(TranslatedLabelsMixin, filesystem.Loader):
    pass


class AppDirectoriesLoader(TranslatedLabelsMixin, app_directories.Loader):
    pass
