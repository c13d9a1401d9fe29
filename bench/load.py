"""Load test of the production stack (issue 11): Locust, headless, against a running site; prints the table for
bench/README.md and draws its chart.

    python3 -m venv var/bench-venv && var/bench-venv/bin/pip install -r bench/requirements.txt
    OCOP_PROD_DEMO_ARGS="--products 50000" make prod          # the stack, with the 50,000-product catalogue
    var/bench-venv/bin/python bench/load.py --url http://127.0.0.1:8080 --users 40 --duration 300

Locust runs in its own virtualenv: it is a tool of this benchmark, not of the site (gevent has no business in
the app's environment). The visitors are bench/locustfile.py's. The chart (requests per second, p50/p95 response
time and failures over the run) goes to bench/results/<name>.png; the raw CSVs next to it.
"""

import argparse
import csv
import os
import subprocess
import sys
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent


def run_locust(args, prefix):
    command = [sys.executable, "-m", "locust", "-f", str(HERE / "locustfile.py"), "--headless",
               "--host", args.url, "--users", str(args.users), "--spawn-rate", str(args.spawn_rate),
               "--run-time", f"{args.duration}s", "--csv", str(prefix), "--csv-full-history", "--only-summary",
               "--stop-timeout", "10", "--loglevel", "WARNING"]
    print("$", " ".join(command), flush=True)
    # Locust exits 1 when any request failed; the failures are in the table, so that is not an error here.
    completed = subprocess.run(command)
    if completed.returncode not in (0, 1):
        sys.exit(f"locust failed with exit code {completed.returncode}")


def read_rows(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def number(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def table(stats_rows):
    lines = ["| step | requests | failures | req/s | p50 ms | p95 ms | p99 ms | max ms |",
             "|---|---|---|---|---|---|---|---|"]
    for row in stats_rows:
        name = "**all**" if row["Name"] == "Aggregated" else row["Name"]
        lines.append(f"| {name} | {int(number(row['Request Count']))} | {int(number(row['Failure Count']))} "
                     f"| {number(row['Requests/s']):.1f} | {number(row['50%']):.0f} | {number(row['95%']):.0f} "
                     f"| {number(row['99%']):.0f} | {number(row['Max Response Time']):.0f} |")
    return "\n".join(lines)


def chart(history_rows, path, title):
    import matplotlib
    matplotlib.use("Agg")
    from matplotlib import pyplot

    rows = [row for row in history_rows if row["Name"] == "Aggregated"]
    if not rows:
        return None
    start = number(rows[0]["Timestamp"])
    seconds = [number(row["Timestamp"]) - start for row in rows]
    figure, (throughput, latency) = pyplot.subplots(2, 1, figsize=(9, 6), sharex=True)
    throughput.plot(seconds, [number(row["Requests/s"]) for row in rows], label="requests/s")
    throughput.plot(seconds, [number(row["Failures/s"]) for row in rows], label="failures/s", color="tab:red")
    throughput.plot(seconds, [number(row["User Count"]) for row in rows], label="users", color="tab:gray",
                    linestyle="--")
    throughput.set_ylabel("per second / users")
    throughput.legend(loc="upper left")
    throughput.set_title(title)
    latency.plot(seconds, [number(row["50%"]) for row in rows], label="p50")
    latency.plot(seconds, [number(row["95%"]) for row in rows], label="p95")
    latency.set_ylabel("response time (ms)")
    latency.set_xlabel("seconds into the run")
    latency.legend(loc="upper left")
    figure.tight_layout()
    figure.savefig(path, dpi=100)
    return path


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://127.0.0.1:8080", help="the running site (make prod's by default)")
    parser.add_argument("--users", type=int, default=40)
    parser.add_argument("--spawn-rate", type=float, default=2.0, help="users started per second")
    parser.add_argument("--duration", type=int, default=300, help="seconds")
    parser.add_argument("--name", default="load-50k", help="file name of the results under bench/results/")
    args = parser.parse_args()

    with urllib.request.urlopen(args.url.rstrip("/") + "/readyz", timeout=10) as response:
        print("readyz:", response.status, response.read().decode()[:300], flush=True)
    results = HERE / "results"
    results.mkdir(exist_ok=True)
    prefix = results / args.name
    run_locust(args, prefix)
    stats = read_rows(f"{prefix}_stats.csv")
    print()
    print(f"Locust, {args.users} users (4 browsers : 1 buyer), {args.duration} s, against {args.url}; "
          f"load average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(table(stats))
    drawn = chart(read_rows(f"{prefix}_stats_history.csv"), f"{prefix}.png",
                  f"{args.users} users against {args.url}")
    if drawn:
        print(f"chart: {Path(drawn).relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
