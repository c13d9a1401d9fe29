"""The thumbnails the shop shows of a product image, made by a task when the image is uploaded in the dashboard,
so neither the producer saving the product nor the first buyer to see it waits for them (sorl-thumbnail makes a
missing one on the page that asks for it).

THUMBNAILS lists each {% oscar_thumbnail image.original ... %} of the storefront's templates (ours and Oscar's
gallery), with the same geometry and options: sorl names a thumbnail by both, so any difference would make
another file. tests/unit/catalogue/test_thumbnail_sizes.py keeps the list and the templates in step."""

from django_tasks import task
from oscar.core.loading import get_model
from oscar.core.thumbnails import get_thumbnailer

THUMBNAILS = [
    ("400x400", {"crop": "center", "upscale": False}),  # product cards (catalogue/partials/product.html)
    ("240x240", {"crop": "center", "upscale": False}),  # CMS buy boxes
    ("96x96", {"crop": "center", "upscale": False}),  # fair booths
    ("100x100", {"upscale": False}),  # basket and checkout
    ("440x400", {"upscale": False}),  # the product page's gallery (Oscar's)
    ("65x55", {"crop": "center"}),  # the gallery's strip (Oscar's)
    ("1200x630", {"crop": "center"}),  # Open Graph image (cms/includes/product_head.html)
    ("400x300", {"crop": "center", "upscale": False}),  # the export catalogue (export_catalogue/catalogue.html)
]


@task()
def make_thumbnails(image_id):
    """Every THUMBNAILS size of one product image; those made already are found in sorl's store and kept."""
    ProductImage = get_model("catalogue", "ProductImage")
    image = ProductImage.objects.filter(pk=image_id).first()
    if image is None or not image.original:
        return 0  # deleted since: nothing to do
    thumbnailer = get_thumbnailer()
    for size, options in THUMBNAILS:
        thumbnailer.generate_thumbnail(image.original, size=size, **options)
    return len(THUMBNAILS)


def make_thumbnails_after_commit(image):
    """For an image uploaded or changed in the dashboard (not for every save: `load_demo` and bulk imports leave
    their thumbnails to the first page that shows them)."""
    from storefront.background.enqueue import enqueue_on_commit

    enqueue_on_commit(make_thumbnails, image.pk)
