"""The thumbnails a task makes when a product image is saved are exactly those the storefront's templates ask for
(sorl names a thumbnail by its geometry and options, so any difference would be a miss on the page)."""

import re
from pathlib import Path

from django.template import engines

from storefront.catalogue.thumbnails import THUMBNAILS

THEME = Path(__file__).resolve().parents[3] / "themes" / "ocop" / "templates"
TAG = re.compile(r'{%\s*oscar_thumbnail\s+image\.original\s+"([^"]+)"(.*?)\s+as\s+\w+\s*%}')
OPTION = re.compile(r'(\w+)=("[^"]*"|\w+)')


def asked_for(source):
    for geometry, options in TAG.findall(source):
        yield geometry, {name: {"True": True, "False": False}.get(value, value.strip('"'))
                         for name, value in OPTION.findall(options)}


def storefront_templates():
    engine = engines["django"].engine
    ours = [path.read_text() for path in THEME.rglob("*.html") if "dashboard" not in path.parts]
    # Oscar's product gallery, which our product page keeps
    return [*ours, engine.find_template("oscar/catalogue/partials/gallery.html")[0].source]


def key(geometry, options):
    return geometry, tuple(sorted(options.items()))


def test_every_storefront_thumbnail_is_made_in_advance_and_nothing_else():
    wanted = {key(geometry, options) for source in storefront_templates() for geometry, options in asked_for(source)}
    assert wanted == {key(geometry, options) for geometry, options in THUMBNAILS}
