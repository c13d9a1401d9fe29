"""The task journey: a buyer pays cash on delivery on a server whose e-mails are tasks in the database (as in
production). The order page answers while no e-mail has gone and the e-mail waits in the queue; then a real
worker process (`manage.py db_worker`) starts, picks the task up and sends it."""

import re
import socket
import subprocess
import sys
import time
import urllib.request

import psycopg
import pytest
from playwright.sync_api import expect

from .conftest import ROOT, e2e_database_url, mail_to

pytestmark = pytest.mark.e2e

ORDER_PLACED_TASK = "storefront.checkout.notifications.send_order_placed_email"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(command, env, log):
    return subprocess.Popen([sys.executable, "manage.py", *command], cwd=ROOT, env=env, stdout=log,
                            stderr=subprocess.STDOUT)


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture
def queued_site(e2e_server, tmp_path):
    """A second server on the journeys' database, with the database task backend and a mail folder of its own;
    no worker runs until the journey starts one."""
    port = free_port()
    mail = tmp_path / "mail"
    mail.mkdir()
    env = {**e2e_server.env, "TASKS_BACKEND": "database", "EMAIL_FILE_PATH": str(mail)}
    log = open(tmp_path / "server.log", "w")
    server = start(["runserver", f"127.0.0.1:{port}", "--noreload"], env, log)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(url + "/healthz", timeout=2)
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                stop(server)
                pytest.fail(f"The queued-tasks server did not start; its log is {log.name}.")
            time.sleep(0.3)
    site = type("QueuedSite", (), {"url": url, "env": env, "mail_dir": mail, "log_dir": tmp_path})
    yield site
    stop(server)
    log.close()


def order_placed_tasks(order_id):
    """(status, attempts) of the order's "order placed" task rows, read from the journeys' database."""
    with psycopg.connect(e2e_database_url()[0]) as connection:
        return connection.execute(
            "SELECT status, jsonb_array_length(worker_ids) FROM django_tasks_database_dbtaskresult "
            "WHERE task_path = %s AND args_kwargs->'args'->0 = to_jsonb(%s::int)", [ORDER_PLACED_TASK, order_id],
        ).fetchall()


def order_id(number):
    with psycopg.connect(e2e_database_url()[0]) as connection:
        return connection.execute("SELECT id FROM order_order WHERE number = %s", [number]).fetchone()[0]


def test_the_order_page_answers_before_the_email_which_the_worker_then_sends(browser, queued_site):
    buyer = f"khach-hang-doi-{time.time_ns()}@example.vn"
    context = browser.new_context(locale="vi-VN", base_url=queued_site.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto("/search/?q=nuoc+mam")
    page.locator(".product_pod .product-title a").first.click()
    page.locator("#add_to_basket_form button[type=submit]").click()
    page.goto("/checkout/")
    page.fill("#id_username", buyer)
    page.locator("#id_options_0").check()
    page.locator("form button[type=submit]").first.click()
    page.fill("#id_first_name", "Lê Thị Hàng Đợi")
    page.fill("#id_phone_number", "0987 111 222")
    page.select_option("#id_province", page.locator("#id_province option", has_text="Hà Nội").get_attribute("value"))
    expect(page.locator("#id_commune option")).not_to_have_count(1)
    page.locator("#id_commune").select_option(index=1)
    page.fill("#id_line1", "7 Phố Hàng Buồm")
    page.locator("#new_shipping_address button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/checkout/(payment-method|preview)/$"))
    if page.url.endswith("/payment-method/"):  # card payment is offered when the Stripe peers are configured
        page.locator("input[name=method][value=cod]").check()
        page.locator("#choose-payment").click()
    expect(page.locator("#chosen-payment-method")).to_contain_text("Thanh toán khi nhận hàng")
    page.locator("#place-order").click()
    expect(page).to_have_url(re.compile(r"/checkout/thank-you/$"))
    number = re.search(r"\d{6,}", page.locator("h1").inner_text()).group(0)
    context.close()

    # The buyer has the confirmation page; the e-mail is a queued task and nothing has been sent.
    assert list(queued_site.mail_dir.iterdir()) == []
    assert order_placed_tasks(order_id(number)) == [("READY", 0)]

    log = open(queued_site.log_dir / "worker.log", "w")
    worker = start(["db_worker", "--queue-name", "*", "--interval", "0.2", "--no-startup-delay", "--no-reload"],
                   queued_site.env, log)
    try:
        message = mail_to(queued_site.mail_dir, buyer, number, timeout=60)
        assert "Subject:" in message
        deadline = time.monotonic() + 30  # the worker records the success just after the send
        while order_placed_tasks(order_id(number)) != [("SUCCESSFUL", 1)] and time.monotonic() < deadline:
            time.sleep(0.2)
        assert order_placed_tasks(order_id(number)) == [("SUCCESSFUL", 1)]
    finally:
        stop(worker)
        log.close()
