"""Public pages under load, side by side with Oscar's own sandbox (issue 12). See bench/README.md.

    .venv/bin/python bench/pages.py [--oscar] [--rounds 2] [--duration 15] [--url http://host:port]

Without --url it brings up everything itself, on bench ports, and leaves the data for the next run:
  * PostgreSQL (tests/services/postgres.sh, data kept in --pg-data) holding a 50,000-product catalogue, built once
    with `load_demo --products 50000` (which ends with ANALYZE);
  * Elasticsearch (tests/services/elasticsearch.sh) with the products indexed once under --index;
  * OUR site under production settings with gunicorn (2 sync workers), first searching Elasticsearch, then a
    second server with no Elasticsearch for the database fallback row.
With --oscar, Oscar's sandbox (django-oscar's repository at the tag of the installed version, fetched into
--oscar-dir, never into this project) in its own virtualenv, also under gunicorn with 2 sync workers.

wrk (Debian's package) runs `-t2 -c8 -d<duration>s` against each page, ours then Oscar's, in interleaved rounds;
the table shows the best round's requests per second, its p50 and p95, the ratio to the sandbox and the goal.
Worker RSS is read from /proc after the run. Numbers on a shared machine are noisy: say so when quoting them.
"""

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
PY = ROOT / ".venv" / "bin" / "python"

# (label, our path, the sandbox's path for the same kind of page or None, goal req/s, goal p95 ms or None)
PAGES = [
    ("home /", "/", None, 60, None),  # the sandbox's home redirects to its catalogue
    ("/catalogue/", "/catalogue/", "/en-gb/catalogue/", 40, 250),
    ("search “trà”", "/search/?q=tr%C3%A0", "/en-gb/search/?q=book", 40, 250),
    ("search “tra”", "/search/?q=tra", "/en-gb/search/?q=book", 40, 250),
    ("faceted (stars + province)", "/search/?stars=4,5&province=01",
     "/en-gb/search/?q=book&selected_facets=product_class%3Abook&selected_facets=rating%3ANone", 40, None),
    ("product page", None, None, 90, None),  # paths found at run time
    ("/api/search/?q=tra", "/api/search/?q=tra", None, 150, 60),
]
FALLBACK = ("DB fallback /catalogue/", "/catalogue/", None, 15, None)

LUA = """
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
    + summary.errors.timeout
  io.write(string.format("BENCH %d %d %.2f %.2f %d\\n", summary.requests, summary.duration,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, errors))
end
"""


def log(message):
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def run(command, env=None, **kwargs):
    log(" ".join(str(part) for part in command))
    return subprocess.run(command, env={**os.environ, **(env or {})}, check=True, cwd=ROOT, **kwargs)


def wait_for(url, seconds=120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status < 500:
                    return
        except Exception:  # noqa: BLE001  not up yet
            time.sleep(1)
    raise SystemExit(f"{url} did not answer within {seconds} s")


# --- services ------------------------------------------------------------------------------------------
def postgres(port, data):
    """Start (or reuse) the bench cluster; postgres.sh wipes a stopped cluster, so a kept one starts here."""
    url = f"postgres://postgres@127.0.0.1:{port}/ocop"
    pg_ctl = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    running = subprocess.run(["pg_isready", "-h", "127.0.0.1", "-p", str(port)], capture_output=True).returncode == 0
    if running:
        return url
    if (Path(data) / "PG_VERSION").exists() and pg_ctl:
        as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        run([*as_postgres, str(pg_ctl[-1]), "-D", data, "-l", f"{data}/server.log", "-w", "start", "-o",
             f"-p {port} -k /tmp -c listen_addresses=127.0.0.1"])
        return url
    run(["bash", "tests/services/postgres.sh", "start"], env={"OCOP_PG_PORT": str(port), "OCOP_PG_DATA": data})
    run(["psql", f"postgres://postgres@127.0.0.1:{port}/postgres", "-c", "create database ocop"])
    return url


def elasticsearch(port):
    out = subprocess.run(["bash", "tests/services/elasticsearch.sh", "start"],
                         env={**os.environ, "OCOP_ES_PORT": str(port)}, cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout
    return out.strip().splitlines()[-1].split("=", 1)[1]


def manage(env, *args):
    run([str(PY), "manage.py", *args], env={"DJANGO_SETTINGS_MODULE": "storefront.settings.dev", **env})


def product_count(env):
    count = "from oscar.core.loading import get_model; print(get_model('catalogue', 'Product').objects.count())"
    out = subprocess.run([str(PY), "manage.py", "shell", "-c", count],
                         env={**os.environ, "DJANGO_SETTINGS_MODULE": "storefront.settings.dev", **env}, cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    return int(out.strip().splitlines()[-1])


def prepare_catalogue(env, products, index_alias):
    manage(env, "migrate", "--noinput")
    if product_count(env) < products:
        manage(env, "load_demo", "--products", str(products))
    else:
        run(["psql", env["DATABASE_URL"], "-c", "ANALYZE"])
    if env.get("ELASTICSEARCH_URL"):
        try:
            with urllib.request.urlopen(f"{env['ELASTICSEARCH_URL']}/{index_alias}/_count", timeout=10) as response:
                indexed = int(re.search(rb'"count":(\d+)', response.read()).group(1))
        except Exception:  # noqa: BLE001  no index yet
            indexed = 0
        if indexed < products:
            manage(env, "search_index", "--rebuild")


def gunicorn(python, app, port, env, cwd):
    server = subprocess.Popen(
        [str(python), "-m", "gunicorn", app, "--workers", "2", "--worker-class", "sync", "--bind",
         f"127.0.0.1:{port}", "--access-logfile", "-" if os.environ.get("BENCH_ACCESS_LOG") else "/dev/null"],
        env={**os.environ, **env}, cwd=cwd, stdout=subprocess.DEVNULL,
        stderr=open(f"/tmp/bench-gunicorn-{port}.log", "w"),
        start_new_session=True)
    return server


def stop(server):
    if server and server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(30)


def worker_rss_mb(server):
    """RSS of the master's worker processes, in MB."""
    sizes = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        if re.search(rf"^PPid:\s+{server.pid}$", text, re.M):
            sizes.append(int(re.search(r"^VmRSS:\s+(\d+)", text, re.M).group(1)) / 1024)
    return sorted(sizes)


def cpu_seconds(server):
    """User + system CPU time of a gunicorn master and its workers so far, in seconds: the live workers' own, and
    the master's with that of the workers it has reaped (a worker replaced after --max-requests takes its time
    with it otherwise)."""
    if server is None:
        return 0.0
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(stat.parent.name), int(fields[1])
        if pid == server.pid:
            total += sum(int(field) for field in fields[11:15])  # utime, stime, cutime, cstime
        elif ppid == server.pid:
            total += int(fields[11]) + int(fields[12])
    return total / ticks


def production_env(database_url, elasticsearch_url, index_alias):
    return {
        "DJANGO_SETTINGS_MODULE": "storefront.settings.production",
        "SECRET_KEY": "bench-only-" + "x" * 40, "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SITE_URL": "http://127.0.0.1", "SECURE_SSL_REDIRECT": "False", "DATABASE_URL": database_url,
        "ELASTICSEARCH_URL": elasticsearch_url, "SEARCH_INDEX_ALIAS": index_alias, "CONN_MAX_AGE": "60",
        "LOG_LEVEL": "WARNING", "MEDIA_ROOT": os.environ.get("MEDIA_ROOT", str(ROOT / "var" / "media")),
    }


# --- Oscar's sandbox --------------------------------------------------------------------------------------
def oscar_sandbox(directory, port):
    """Oscar's sandbox in its own virtualenv, built once: its catalogue, under gunicorn."""
    directory = Path(directory)
    venv = directory / "venv"
    python = venv / "bin" / "python"
    if not python.exists():
        run([sys.executable, "-m", "venv", str(venv)])
        run([str(python), "-m", "pip", "install", "-q", "django-oscar[sorl-thumbnail,easy-thumbnails]==4.2.1",
             "django-haystack", "whoosh", "django-environ", "gunicorn", "pycountry", "whitenoise"])
    sandbox = directory / "sandbox"
    if not (sandbox / "manage.py").exists():
        mirror = os.environ.get("OSCAR_REPO", "/work/.mirror/django-oscar+django-oscar/repo")
        tag = os.environ.get("OSCAR_TAG", "4.2")
        archive = subprocess.run(["git", "--git-dir", mirror, "archive", tag, "sandbox"], check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(directory)], input=archive, check=True)
    # The sandbox's settings, with Django's cached template loader as in any production setup (it lists the
    # uncached loaders explicitly)
    (directory / "bench_settings.py").write_text(
        "from sandbox.settings import *  # noqa\n"
        "TEMPLATES[0]['OPTIONS']['loaders'] = [('django.template.loaders.cached.Loader',"
        " TEMPLATES[0]['OPTIONS']['loaders'])]\n")
    env = {"DJANGO_SETTINGS_MODULE": "sandbox.settings", "DEBUG": "False", "ALLOWED_HOSTS": "127.0.0.1,localhost",
           "PYTHONPATH": f"{directory}:{directory / 'sandbox'}"}
    if not (sandbox / "db.sqlite").exists():
        manage_sandbox = [str(python), str(sandbox / "manage.py")]
        for args in (["migrate", "--noinput"], ["loaddata", "sandbox/fixtures/child_products.json"],
                     ["oscar_import_catalogue", *sorted(str(p) for p in (sandbox / "fixtures").glob("*.csv"))],
                     ["oscar_import_catalogue_images", "sandbox/fixtures/images.tar.gz"],
                     ["oscar_populate_countries", "--initial-only"],
                     ["loaddata", "sandbox/fixtures/pages.json", "sandbox/fixtures/ranges.json",
                      "sandbox/fixtures/offers.json"],
                     ["update_index", "catalogue"], ["collectstatic", "--noinput"]):
            subprocess.run([*manage_sandbox, *args], env={**os.environ, **env}, cwd=directory, check=True)
    return gunicorn(python, "sandbox.wsgi", port, {**env, "DJANGO_SETTINGS_MODULE": "bench_settings"}, directory)


# --- load -----------------------------------------------------------------------------------------------
def wrk(url, duration, threads, connections):
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(LUA)
    out = subprocess.run(["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "10s",
                          "-s", script.name, url],
                         capture_output=True, text=True).stdout
    os.unlink(script.name)
    found = re.search(r"BENCH (\d+) (\d+) ([\d.]+) ([\d.]+) (\d+)", out)
    if not found:
        raise SystemExit(f"wrk said:\n{out}")
    requests, micros, p50, p95, errors = found.groups()
    return {"rps": int(requests) / (int(micros) / 1e6), "p50": float(p50), "p95": float(p95),
            "errors": int(errors)}


def check(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        body = response.read()
        return response.status, len(body)


def first_product_path(base, api_path="/api/search/?q=tra"):
    import json

    with urllib.request.urlopen(base + api_path, timeout=30) as response:
        url = json.loads(response.read())["results"][0]["url"]
    return "/" + url.split("/", 3)[3]


def measure(rows, servers, args, processes=None):
    """Interleaved rounds: each page on each server in turn, `rounds` times; the best round is kept. With the
    servers' processes, also their CPU time per request: on a machine shared with other work, req/s says how
    much CPU the site got, CPU ms per request what it needs (2 cores ÷ that = the req/s it could serve alone,
    its database and search node aside)."""
    processes = processes or {}
    results = {}
    for round_number in range(args.rounds):
        for label, paths in rows:
            for name, base in servers.items():
                path = paths.get(name)
                if not path:
                    continue
                cpu_before = cpu_seconds(processes.get(name))
                result = wrk(base + path, args.duration, args.threads, args.connections)
                requests = result["rps"] * args.duration
                result["cpu_ms"] = ((cpu_seconds(processes.get(name)) - cpu_before) * 1000 / requests
                                    if processes.get(name) and requests else None)
                log(f"round {round_number + 1} {name:6} {label:28} {result['rps']:7.1f} req/s  "
                    f"p50 {result['p50']:7.1f} ms  p95 {result['p95']:7.1f} ms  errors {result['errors']}  "
                    f"CPU {result['cpu_ms'] or 0:6.1f} ms/request")
                best = results.get((label, name))
                if best is None or result["rps"] > best["rps"]:
                    results[(label, name)] = result
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", help="measure a running site (make prod) instead of starting one")
    parser.add_argument("--fallback-url", help="with --url: a running site without Elasticsearch")
    parser.add_argument("--pid", type=int, help="with --url: its gunicorn master's pid (var/prod/web.pid), for the "
                                                "CPU per request and the workers' RSS")
    parser.add_argument("--oscar", action="store_true", help="also start and measure Oscar's sandbox")
    parser.add_argument("--oscar-url", help="measure a running Oscar sandbox")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--duration", type=int, default=15)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--products", type=int, default=50_000)
    parser.add_argument("--port", type=int, default=int(os.environ.get("OCOP_BENCH_PORT", 8604)))
    parser.add_argument("--oscar-port", type=int, default=int(os.environ.get("OCOP_BENCH_OSCAR_PORT", 8605)))
    parser.add_argument("--pg-port", type=int, default=int(os.environ.get("OCOP_BENCH_PG_PORT", 56404)))
    parser.add_argument("--pg-data", default=os.environ.get("OCOP_BENCH_PG_DATA", "/tmp/ocop-bench-pg"))
    parser.add_argument("--es-port", type=int, default=int(os.environ.get("OCOP_BENCH_ES_PORT", 9604)))
    parser.add_argument("--index", default="bench-products")
    parser.add_argument("--oscar-dir", default="/tmp/ocop-bench-oscar")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk")

    started = []
    try:
        if args.url:
            ours = args.url.rstrip("/")
            fallback = (args.fallback_url or "").rstrip("/")
            server = SimpleNamespace(pid=args.pid) if args.pid else None  # read from /proc, never stopped here
        else:
            database_url = postgres(args.pg_port, args.pg_data)
            es_url = elasticsearch(args.es_port)
            data_env = {"DATABASE_URL": database_url, "ELASTICSEARCH_URL": es_url, "SEARCH_INDEX_ALIAS": args.index,
                        "MEDIA_ROOT": os.environ.get("MEDIA_ROOT", str(ROOT / "var" / "media"))}
            prepare_catalogue(data_env, args.products, args.index)
            server = gunicorn(PY, "storefront.wsgi", args.port, production_env(database_url, es_url, args.index), ROOT)
            started.append(server)
            ours = f"http://127.0.0.1:{args.port}"
            fallback = None
        wait_for(ours + "/healthz")
        oscar = args.oscar_url.rstrip("/") if args.oscar_url else None
        oscar_server = None
        if args.oscar and not oscar:
            oscar_server = oscar_sandbox(args.oscar_dir, args.oscar_port)
            started.append(oscar_server)
            oscar = f"http://127.0.0.1:{args.oscar_port}"
            wait_for(oscar + "/en-gb/catalogue/", 180)

        product = first_product_path(ours)
        oscar_product = None
        if oscar:
            with urllib.request.urlopen(oscar + "/en-gb/catalogue/", timeout=30) as response:
                oscar_product = re.search(rb'href="(/en-gb/catalogue/[^"/]+_\d+/)"', response.read()).group(1).decode()
        rows = []
        for label, path, oscar_path, goal, goal_p95 in PAGES:
            if label == "product page":
                path, oscar_path = product, oscar_product
            rows.append((label, {"ours": path, "oscar": oscar_path if oscar else None}))
        servers = {"ours": ours, **({"oscar": oscar} if oscar else {})}
        for label, paths in rows:  # every page answers before it is timed; also warms each worker's caches
            for name, base in servers.items():
                if paths.get(name):
                    for _ in range(4):
                        status, size = check(base + paths[name])
                    log(f"{name:6} {label:28} {status} {size} bytes")
        results = measure(rows, servers, args, {"ours": server, "oscar": oscar_server})
        rss = worker_rss_mb(server) if server else []

        if not args.url:  # the database fallback: the same site with no search node
            stop(server)
            started.remove(server)
            env = production_env(database_url, "", args.index)
            server = gunicorn(PY, "storefront.wsgi", args.port, env, ROOT)
            started.append(server)
            fallback = ours
            wait_for(fallback + "/healthz")
        if fallback:
            for _ in range(4):
                check(fallback + FALLBACK[1])
            results.update(measure([(FALLBACK[0], {"ours": FALLBACK[1]})], {"ours": fallback}, args,
                                   {"ours": None if args.url else server}))
        print_table(results, rss, args, bool(oscar))
    finally:
        for server in started:
            stop(server)


def cpu(result):
    # none when a worker was replaced during the run (gunicorn's max-requests): its CPU left with it
    return f"{result['cpu_ms']:.1f}" if (result.get("cpu_ms") or 0) > 0 else "—"


def print_table(results, rss, args, with_oscar):
    print(f"\nwrk -t{args.threads} -c{args.connections} -d{args.duration}s, best of {args.rounds} interleaved rounds; "
          + (f"ours: the running site at {args.url}" if args.url else "ours: gunicorn 2 sync workers, production settings")
          + ("; Oscar's sandbox: gunicorn 2 sync workers" if with_oscar else "") + "\n")
    header = "| page | ours req/s | p50 ms | p95 ms | CPU ms/req |"
    if with_oscar:
        header += " Oscar sandbox req/s | p50 ms | CPU ms/req | ours ÷ Oscar (req/s, CPU) |"
    header += " goal | met |"
    print(header)
    print("|" + "---|" * (header.count("|") - 1))
    for label, _path, _oscar, goal, goal_p95 in [*PAGES, FALLBACK]:
        ours = results.get((label, "ours"))
        if not ours:
            continue
        line = f"| {label} | {ours['rps']:.1f} | {ours['p50']:.0f} | {ours['p95']:.0f} | {cpu(ours)} |"
        if with_oscar:
            theirs = results.get((label, "oscar"))
            if theirs and theirs["rps"]:
                ratio = f"{ours['rps'] / theirs['rps']:.1f}×"
                if ours.get("cpu_ms") and theirs.get("cpu_ms"):
                    ratio += f", {theirs['cpu_ms'] / ours['cpu_ms']:.1f}×"
                line += f" {theirs['rps']:.1f} | {theirs['p50']:.0f} | {cpu(theirs)} | {ratio} |"
            else:
                line += " — | — | — | — |"
        met = ours["rps"] >= goal and (goal_p95 is None or ours["p95"] <= goal_p95) and not ours["errors"]
        goal_text = f"≥ {goal}" + (f", p95 ≤ {goal_p95} ms" if goal_p95 else "")
        line += f" {goal_text} | {'yes' if met else 'no'}{' (errors)' if ours['errors'] else ''} |"
        print(line)
    if rss:
        print(f"\nworker RSS after the run: {', '.join(f'{size:.0f} MB' for size in rss)} (goal ≤ 150 MB)")


if __name__ == "__main__":
    main()
