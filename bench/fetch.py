"""Benchmark `scrape fetch` against the local fake world: N hosts x M pages, a latency per response.

Prints the run's wall time beside the politeness bound (the busiest host's requests x its delay)
as a ratio, and the crawler's peak RSS for two values of M (memory should stay flat as M grows).

    .venv/bin/python bench/fetch.py                 # 20 hosts x 50 pages, delay 0.05 s, latency 0.01 s, 5 rounds
    .venv/bin/python bench/fetch.py --hosts 5 --pages 200 --memory-pages 50 400
"""
from __future__ import annotations

import argparse
import statistics
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests"))

from fakeworld import FakeWorld, config_text  # noqa: E402


def run_fetch(hosts: int, pages: int, delay: float, latency: float) -> dict:
    world = FakeWorld()
    try:
        sites = []
        for h in range(hosts):
            site = world.add_site(f"host{h:02d}", pages)
            site.latency = latency
            sites.append(dict(name=site.name, sitemaps=[site.url("/sitemap.xml")], max_pages=pages + 10))
        with tempfile.TemporaryDirectory() as tmp:
            config = os.path.join(tmp, "sites.toml")
            with open(config, "w") as fh:
                fh.write(config_text(os.path.join(tmp, "data"), sites, delay=delay, workers=max(hosts, 1)))
            start = time.monotonic()
            proc = subprocess.Popen([sys.executable, "-m", "scraper.cli", "fetch", "--config", config], cwd=ROOT,
                                    env={**os.environ, "PYTHONPATH": ROOT}, stderr=subprocess.PIPE)
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.monotonic() - start
            err = proc.stderr.read().decode()
            proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            raise SystemExit(f"scrape fetch failed ({proc.returncode}): {err}")
        per_host = {}
        for r in world.log:
            per_host[r.site] = per_host.get(r.site, 0) + 1
        run_seconds = float(re.search(r"([\d.]+) s$", err.strip()).group(1))
        busiest = max(per_host.values())
        return {"wall": wall, "run": run_seconds, "busiest_requests": busiest,
                "bound": (busiest - 1) * delay, "pages_bound": pages * delay,
                "rss_mib": usage.ru_maxrss / 1024, "summary": err.strip()}
    finally:
        world.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hosts", type=int, default=20)
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--delay", type=float, default=0.05, help="per-host delay (1 s scaled down)")
    parser.add_argument("--latency", type=float, default=0.01, help="server time per response")
    parser.add_argument("--memory-pages", type=int, nargs=2, default=[50, 400], metavar=("M1", "M2"))
    parser.add_argument("--memory-hosts", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=5, help="fetch runs; the median ratio is the figure")
    args = parser.parse_args()

    print(f"fetch {args.hosts} hosts x {args.pages} pages, delay {args.delay} s, latency {args.latency} s, "
          f"{args.rounds} rounds (the crawler and the fake server share this machine's cores)")
    ratios, wall_ratios = [], []
    for i in range(args.rounds):
        r = run_fetch(args.hosts, args.pages, args.delay, args.latency)
        ratios.append(r["run"] / r["bound"])
        wall_ratios.append(r["wall"] / r["bound"])
        if i == 0:
            print(f"  {r['summary']}")
            print(f"  politeness bound: busiest host {r['busiest_requests']} requests (robots.txt, sitemap, pages) "
                  f"-> {r['bound']:.2f} s  (pages x delay alone: {r['pages_bound']:.2f} s)")
        print(f"  round {i + 1}: crawl time {r['run']:.2f} s -> ratio {ratios[-1]:.3f}   "
              f"(process wall time incl. interpreter start and imports: {r['wall']:.2f} s, "
              f"ratio {wall_ratios[-1]:.3f})")
    print(f"  median ratio {statistics.median(ratios):.3f} (min {min(ratios):.3f}, max {max(ratios):.3f}); "
          f"with interpreter start and imports {statistics.median(wall_ratios):.3f}")
    for m in args.memory_pages:
        r = run_fetch(args.memory_hosts, m, 0.0, 0.0)
        print(f"  memory: {args.memory_hosts} hosts x {m} pages: peak RSS {r['rss_mib']:.0f} MiB "
              f"({r['run']:.1f} s)")


if __name__ == "__main__":
    main()
