"""A product image uploaded in the dashboard gets every thumbnail the shop shows, made by a task after the save
commits: the producer's page does not wait for them, and the first buyer does not either."""

from django.core.files.storage import default_storage
from django_tasks import TaskResultStatus
from oscar.core.loading import get_model

from storefront.catalogue.thumbnails import THUMBNAILS, make_thumbnails
from tests.task_rows import rows

from .conftest import png_bytes, upload
from .test_producer_dashboard import create_url, form_errors, product_post

Product = get_model("catalogue", "Product")


def cached_thumbnails():
    found, folders = set(), ["cache"]
    while folders:
        folder = folders.pop()
        if not default_storage.exists(folder):
            continue
        subfolders, files = default_storage.listdir(folder)
        folders += [f"{folder}/{name}" for name in subfolders]
        found |= {f"{folder}/{name}" for name in files}
    return found


def test_an_uploaded_image_gets_every_thumbnail_size_from_a_task(as_a, world, run_worker,
                                                                django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = as_a.post(create_url(world), product_post(world, upload("honey.png", png_bytes((900, 700))),
                                                                  title_vi="Mật ong hoa nhãn thử"))
    assert response.status_code == 302, form_errors(response)
    assert cached_thumbnails() == set()  # the save made none
    image = Product.objects.get(title="Mật ong hoa nhãn thử").images.get()
    [task] = rows(make_thumbnails)
    assert task.args_kwargs["args"] == [image.pk] and task.status == TaskResultStatus.READY

    run_worker()

    made = cached_thumbnails()
    assert len(made) == len(THUMBNAILS) and rows(make_thumbnails)[0].status == TaskResultStatus.SUCCESSFUL
    assert make_thumbnails.call(image.pk) == len(THUMBNAILS)  # running it again finds them and makes none
    assert cached_thumbnails() == made
