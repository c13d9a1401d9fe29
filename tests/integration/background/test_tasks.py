"""Background work as tasks on the database backend: enqueued when the transaction commits (not before, not in the
request), run by a real worker, idempotent, retried with growing delays, and left for staff when they keep
failing."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus
from oscar.core.loading import get_model

from search import tasks as search_tasks
from search.models import StaleProduct
from storefront.checkout import notifications
from storefront.ocop.models import RenewalNotice
from storefront.ocop.tasks import send_renewal_notices
from tests import factories
from tests.integration.checkout.journey import GUEST_EMAIL, place_order, to_preview
from tests.task_rows import rows

Order = get_model("order", "Order")
LOCAL = ZoneInfo("Asia/Ho_Chi_Minh")
NOWHERE = "http://127.0.0.1:9"  # nothing listens there

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_producers():
    first = factories.producer(name="HTX Chè nền thử", email="che-nen@example.vn")
    second = factories.producer(name="HTX Mắm nền thử", email="mam-nen@example.vn")
    return (factories.product(first, title="Chè nền thử", price=200000, stock=7),
            factories.product(second, title="Mắm nền thử", price=150000, stock=9))


# --- order e-mails -------------------------------------------------------------------------------------------
def test_a_cod_order_queues_its_emails_at_commit_and_the_worker_sends_them(client, two_producers, run_worker,
                                                                          django_capture_on_commit_callbacks):
    tea, sauce = two_producers
    to_preview(client, [(tea, 1), (sauce, 1)])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = place_order(client)
    assert response.status_code == 302
    assert rows(notifications.send_order_placed_email) == [] and rows(notifications.notify_producer) == []
    for callback in callbacks:  # the order's transaction commits
        callback()
    assert mail.outbox == []  # the page has answered; nothing is sent yet
    order = Order.objects.get(lines__product=tea)
    [buyer_task] = rows(notifications.send_order_placed_email)
    producer_tasks = rows(notifications.notify_producer)
    assert buyer_task.status == TaskResultStatus.READY and buyer_task.args_kwargs["args"] == [order.pk, "vi"]
    assert sorted(task.args_kwargs["args"][1] for task in producer_tasks) == sorted(
        [tea.producer.pk, sauce.producer.pk])

    run_worker()

    assert {message.to[0] for message in mail.outbox} == {GUEST_EMAIL, "che-nen@example.vn", "mam-nen@example.vn"}
    tea_mail = next(m for m in mail.outbox if m.to == ["che-nen@example.vn"])
    assert "Chè nền thử" in tea_mail.body and "Mắm nền thử" not in tea_mail.body
    assert all(task.status == TaskResultStatus.SUCCESSFUL
               for task in rows(notifications.send_order_placed_email) + rows(notifications.notify_producer))


def test_the_order_placed_email_goes_once_however_often_its_task_runs(client, two_producers, database_tasks,
                                                                     django_capture_on_commit_callbacks):
    tea, _ = two_producers
    to_preview(client, [(tea, 1)])
    with django_capture_on_commit_callbacks(execute=True):
        place_order(client)
    order = Order.objects.get(lines__product=tea)
    for _ in range(3):
        notifications.send_order_placed_email.call(order.pk, "vi")
    assert [message.to for message in mail.outbox] == [[GUEST_EMAIL]]
    assert order.communication_events.filter(event_type__code="ORDER_PLACED").count() == 1


# --- search indexing -----------------------------------------------------------------------------------------
def test_saving_a_producer_enqueues_one_index_task_with_its_product_ids(settings, database_tasks,
                                                                        django_capture_on_commit_callbacks):
    settings.ELASTICSEARCH_URL = NOWHERE  # indexing is on; the request itself must never reach the node
    owner = factories.producer(name="HTX Chỉ mục thử", email="chimuc@example.vn")
    products = [factories.product(owner, title=f"Sản phẩm chỉ mục {n}") for n in range(3)]
    with django_capture_on_commit_callbacks(execute=True):
        owner.name = "HTX Chỉ mục thử (đổi tên)"
        owner.save()
    [task] = rows(search_tasks.index_products)
    assert task.status == TaskResultStatus.READY
    assert task.args_kwargs["args"] == [sorted(product.pk for product in products)]
    assert not StaleProduct.objects.filter(product_id__in=[p.pk for p in products]).exists()  # none tried here


def test_a_failed_index_update_notes_the_products_for_the_sync_and_is_retried(settings, run_worker,
                                                                              django_capture_on_commit_callbacks):
    settings.ELASTICSEARCH_URL = NOWHERE
    with django_capture_on_commit_callbacks(execute=True):
        item = factories.product(title="Sản phẩm không tới được chỉ mục")
    tasks = rows(search_tasks.index_products)  # the product's save, then its stock record's
    assert tasks and all(task.args_kwargs["args"] == [[item.pk]] for task in tasks)
    run_worker()
    assert StaleProduct.objects.filter(product_id=item.pk).exists()
    for task in rows(search_tasks.index_products):
        assert task.status == TaskResultStatus.READY and task.run_after > timezone.now()  # queued again, later
        assert task.exception_class_path.endswith("ConnectionError")  # with the error that sent it back


# --- renewal notices -----------------------------------------------------------------------------------------
def test_the_renewal_notice_task_sends_each_notice_once(database_tasks):
    owner = factories.producer(name="HTX Gia hạn thử", email="giahan@example.vn")
    certificate = factories.certificate(factories.product(owner))  # renewal window: 3 Dec 2028 – 1 Feb 2029
    with time_machine.travel(datetime(2028, 12, 10, 9, tzinfo=LOCAL), tick=False):
        send_renewal_notices.call()
        assert send_renewal_notices.call() == 0  # the second run finds every notice recorded
    to_owner = [message for message in mail.outbox if message.to == ["giahan@example.vn"]]
    assert len(to_owner) == 1 and certificate.number in to_owner[0].subject + to_owner[0].body
    assert RenewalNotice.objects.filter(certificate=certificate).count() == 1


# --- retries, then staff -------------------------------------------------------------------------------------
@pytest.fixture
def broken_mail_server(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2  # refused at once
    return settings


def test_a_failing_task_is_retried_with_growing_delays_then_left_failed_for_staff(
        client, two_producers, run_worker, broken_mail_server, django_capture_on_commit_callbacks):
    broken_mail_server.TASK_MAX_ATTEMPTS, broken_mail_server.TASK_RETRY_DELAY = 3, 30
    tea, _ = two_producers
    to_preview(client, [(tea, 1)])
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        with django_capture_on_commit_callbacks(execute=True):
            place_order(client)
        delays = []
        for _ in range(3):
            run_worker()
            [task] = rows(notifications.send_order_placed_email)
            if task.status == TaskResultStatus.READY:
                delays.append(round((task.run_after - timezone.now()).total_seconds()))
                run_worker()  # not due yet: nothing runs
                assert len(rows(notifications.send_order_placed_email)[0].worker_ids) == len(delays)
                clock.shift(timedelta(seconds=delays[-1]))
    assert delays == [30, 120]  # 30 s, then four times as long
    [task] = rows(notifications.send_order_placed_email)
    assert task.status == TaskResultStatus.FAILED and len(task.worker_ids) == 3
    assert task.exception_class_path.endswith("ConnectionRefusedError")
    assert not [message for message in mail.outbox if message.to == [GUEST_EMAIL]]

    staff = get_user_model().objects.create_user("tasks-staff", "tasks-staff@example.vn", "pw", is_staff=True)
    client.force_login(staff)
    page = client.get(reverse("dashboard:failed-task-list")).content.decode()
    assert "send_order_placed_email" in page and "ConnectionRefusedError" in page

    broken_mail_server.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the cause is fixed
    response = client.post(reverse("dashboard:failed-task-retry", kwargs={"pk": task.pk}))
    assert response.status_code == 302
    assert rows(notifications.send_order_placed_email)[0].status == TaskResultStatus.READY
    run_worker()
    assert rows(notifications.send_order_placed_email)[0].status == TaskResultStatus.SUCCESSFUL
    assert [message.to for message in mail.outbox if message.to == [GUEST_EMAIL]] == [[GUEST_EMAIL]]
    assert "send_order_placed_email" not in client.get(reverse("dashboard:failed-task-list")).content.decode()


def test_only_staff_see_the_failed_tasks(client, database_tasks):
    producer_user = get_user_model().objects.create_user("tasks-nonstaff", "nonstaff@example.vn", "pw")
    client.force_login(producer_user)
    response = client.get(reverse("dashboard:failed-task-list"))
    assert response.status_code in (302, 403)
    assert "failed-task-list" not in response.content.decode()
