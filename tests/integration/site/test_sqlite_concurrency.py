"""The embedded default (`make demo`: SQLite, database search) serves parallel clients without a 500.

A real server process (`manage.py runserver`, threaded, dev settings) on a throw-away SQLite file with the demo
loaded; 8 clients start together and each browses, searches and adds to its basket a fixed number of times.
Before the SQLite options in storefront/settings/base.py, writers met "database is locked" here.
"""

import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[3]
CLIENTS = 8
ROUNDS = 3
REQUEST_TIMEOUT = 60  # seconds a single request may take before the client gives up (a failure, not a skip)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def sqlite_server(tmp_path_factory):
    """http://127.0.0.1:<free port> on dev settings and a fresh SQLite file; stopped after the module."""
    home = tmp_path_factory.mktemp("sqlite-demo")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "storefront.settings.dev", "DEBUG": "False",
           "DATABASE_URL": f"sqlite:///{home / 'db.sqlite3'}", "MEDIA_ROOT": str(home / "media"),
           "ELASTICSEARCH_URL": "", "CACHE_URL": "locmemcache://", "ALLOWED_HOSTS": "127.0.0.1"}
    for command in (["migrate", "--noinput"], ["load_demo", "--no-images"]):
        result = subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, capture_output=True,
                                text=True, timeout=900)
        assert result.returncode == 0, f"manage.py {' '.join(command)} failed:\n{result.stderr[-3000:]}"
    port = free_port()
    log_path = home / "server.log"
    with open(log_path, "w") as log:
        server = subprocess.Popen([sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
                                  cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while True:
            try:
                requests.get(base + "/verify/", timeout=5)
                break
            except requests.ConnectionError:
                assert server.poll() is None and time.monotonic() < deadline, \
                    f"the SQLite server did not start:\n{log_path.read_text()[-3000:]}"
                time.sleep(0.5)
        yield type("SqliteServer", (), {"url": base, "log": log_path, "database": home / "db.sqlite3"})
        server.terminate()
        server.wait(timeout=30)


def shop(base, start, index):
    """One buyer: home, catalogue pages, a search, a product page, add it to the basket; ROUNDS times. Returns
    the status counts, the titles added and the basket page at the end."""
    session = requests.Session()
    statuses, titles = Counter(), []

    def get(path):
        response = session.get(base + path, timeout=REQUEST_TIMEOUT)
        statuses[response.status_code] += 1
        return response

    start.wait()
    for round_ in range(ROUNDS):
        for path in ("/", "/search/?q=tra", f"/catalogue/?page={round_ + 1}"):
            get(path)
        links = re.findall(r'<a href="(/catalogue/[^"/]+_\d+/)"', get("/catalogue/").text)
        for offset in range(len(links)):  # the next product this buyer can put in a basket
            product = get(links[(index * ROUNDS + round_ + offset) % len(links)])
            action = re.search(r'action="(/basket/add/\d+/)"', product.text)
            if action:
                break
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', product.text).group(1)
        added = session.post(base + action.group(1), data={"csrfmiddlewaretoken": token, "quantity": "1"},
                             allow_redirects=False, timeout=REQUEST_TIMEOUT)
        statuses[added.status_code] += 1
        statuses["added"] += added.status_code == 302
        titles.append(re.search(r"<h1[^>]*>\s*([^<]+?)\s*</h1>", product.text).group(1))
    return statuses, titles, get("/basket/").text


def test_eight_parallel_buyers_on_the_sqlite_demo_meet_no_server_error(sqlite_server):
    start = threading.Barrier(CLIENTS)
    results, errors = {}, []

    def buyer(index):
        try:
            results[index] = shop(sqlite_server.url, start, index)
        except Exception as error:  # noqa: BLE001  reported below with the server's log
            errors.append(f"client {index}: {error!r}")

    threads = [threading.Thread(target=buyer, args=(index,)) for index in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    log = sqlite_server.log.read_text()
    assert not errors, "\n".join(errors) + "\n" + log[-3000:]
    statuses = sum((counts for counts, _titles, _basket in results.values()), Counter())
    assert not [status for status in statuses if isinstance(status, int) and status >= 500], (statuses, log[-3000:])
    assert "database is locked" not in log
    assert statuses["added"] == CLIENTS * ROUNDS, statuses  # every add to basket went through (a redirect)
    for _counts, titles, basket_page in results.values():
        assert all(title in basket_page for title in titles), titles


def test_the_sqlite_demo_runs_in_wal_mode(sqlite_server):
    import sqlite3

    with sqlite3.connect(sqlite_server.database) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
