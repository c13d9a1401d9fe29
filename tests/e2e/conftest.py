"""Browser journeys: a real server process on its own PostgreSQL database with the demo loaded, driven by
Debian's Chromium through Playwright. Nothing here shares the test process's database or transactions."""

import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from playwright.sync_api import expect

from tests.demo_clock import DEMO_DAY

ROOT = Path(__file__).resolve().parents[2]
PORT = int(os.environ.get("OCOP_E2E_PORT", "8765"))
ADMIN_PASSWORD = "e2e-admin-password"
PRODUCER_PASSWORD = "e2e-demo-producer-password"  # the demo's producer1@… and producer2@… (storefront/demo/accounts.py)
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]


def e2e_database_url():
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        pytest.fail("Browser journeys need PostgreSQL: run them through `make test` (it sets DATABASE_URL).")
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/ocop_e2e")), urlunsplit(parts._replace(path="/postgres"))


def recreate_database(admin_url):
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute("DROP DATABASE IF EXISTS ocop_e2e WITH (FORCE)")
        connection.execute("CREATE DATABASE ocop_e2e")


@pytest.fixture(scope="session")
def e2e_server(tmp_path_factory):
    """http://127.0.0.1:PORT serving the demo from a fresh database; stopped at the end of the session."""
    database_url, admin_url = e2e_database_url()
    recreate_database(admin_url)
    media = tmp_path_factory.mktemp("e2e-media")
    mail = tmp_path_factory.mktemp("e2e-mail")
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "storefront.settings.dev",
           "DEBUG": "True", "MEDIA_ROOT": str(media), "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
           "EMAIL_FILE_PATH": str(mail), "DEMO_ADMIN_PASSWORD": ADMIN_PASSWORD,
           "DEMO_PRODUCER_PASSWORD": PRODUCER_PASSWORD,
           "DEMO_TODAY": DEMO_DAY.isoformat(),  # the same demo calendar as the journeys expect
           # tasks (e-mails, indexing) run in the server right after its commit; the task journey runs a worker
           # (tests/e2e/test_task_journey.py)
           "TASKS_BACKEND": "immediate"}
    commands = [["migrate", "--noinput"], ["load_demo"]]
    if os.environ.get("OCOP_TEST_ELASTICSEARCH_URL"):
        # the journeys search through Elasticsearch, under an alias of their own (docs/search.md)
        # and wait for the index refresh on writes, so a journey finds what it just saved (no sleeps)
        env.update(ELASTICSEARCH_URL=os.environ["OCOP_TEST_ELASTICSEARCH_URL"],
                   SEARCH_INDEX_ALIAS=f"e2e-{PORT}-products", SEARCH_REFRESH_WAIT="True")
        commands.append(["search_index", "--rebuild", "--no-progress"])
    for command in commands:
        result = subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, capture_output=True,
                                text=True)
        if result.returncode:
            pytest.fail(f"manage.py {' '.join(command)} failed for the browser journeys:\n{result.stderr[-3000:]}")
    log = open(tmp_path_factory.mktemp("e2e-log") / "server.log", "w")
    server = subprocess.Popen([sys.executable, "manage.py", "runserver", f"127.0.0.1:{PORT}", "--noreload"],
                              cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{PORT}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/", timeout=2)
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail(f"The e2e server did not start; its log is {log.name}.")
            time.sleep(0.5)
    yield type("E2EServer", (), {"url": base, "mail_dir": Path(mail), "admin_email": "admin@ocop.example.vn",
                                 "admin_password": ADMIN_PASSWORD, "producer_email": "producer1@ocop.example.vn",
                                 "producer_password": PRODUCER_PASSWORD, "env": env})
    server.terminate()
    server.wait(timeout=20)
    log.close()


# --- Content-Security-Policy: a journey fails on any violation the browser reports ------------------------
CSP_VIOLATIONS = []  # of the test running now
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => console.error(
  `Content Security Policy violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline code"}`
  + ` at ${event.documentURI} (${event.sourceFile || ""}:${event.lineNumber}) ${event.sample || ""}`));
"""


class CspWatchedBrowser:
    """The browser, whose every context (the fixtures' and the journeys' own) reports CSP violations."""

    def __init__(self, browser):
        self._browser = browser

    def new_context(self, **options):
        context = self._browser.new_context(**options)
        context.add_init_script(REPORT_CSP_VIOLATIONS)
        context.on("console", lambda message: CSP_VIOLATIONS.append(message.text)
                   if "Content Security Policy" in message.text else None)
        return context

    def __getattr__(self, name):
        return getattr(self._browser, name)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    CSP_VIOLATIONS.clear()
    result = yield
    if CSP_VIOLATIONS:
        raise AssertionError("The page broke its Content-Security-Policy:\n" + "\n".join(CSP_VIOLATIONS))
    return result


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if not executable:
        pytest.fail("Chromium is not installed: run tests/services/browser.sh (make test does).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield CspWatchedBrowser(browser)
        browser.close()


@pytest.fixture
def page(browser, e2e_server):
    context = browser.new_context(locale="vi-VN", base_url=e2e_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone(browser, e2e_server):
    """A phone-sized page: most OCOP buyers shop on phones."""
    context = browser.new_context(locale="vi-VN", base_url=e2e_server.url, viewport={"width": 390, "height": 844},
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    yield page
    context.close()


def mail_to(mail_dir, email, *containing, timeout=20):
    """The one e-mail in the journeys' mail folder to `email` holding every text in `containing`. The server may
    write it a moment after the page answers (after commit), so wait for it, within `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        found = [text for text in (path.read_text() for path in sorted(mail_dir.iterdir()))
                 if f"To: {email}" in text and all(part in text for part in containing)]
        if found or time.monotonic() > deadline:
            assert len(found) == 1, f"expected one e-mail to {email} holding {containing}, found {len(found)}"
            return found[0]
        time.sleep(0.2)


def sign_in_to_dashboard(page, e2e_server):
    """The admin signs in on Oscar's dashboard login and lands on the dashboard."""
    page.goto("/dashboard/login/")
    page.fill("#id_username", e2e_server.admin_email)
    page.fill("#id_password", e2e_server.admin_password)
    page.locator("#dashboard_login_form [type=submit]").click()
    expect(page).to_have_url(re.compile(r"/dashboard/$"))
