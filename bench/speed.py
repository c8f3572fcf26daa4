"""Speed and memory of the cleaner against trafilatura, all measured in one run on the same pages.

Pages are loaded into memory first (wcxb_dev and trafilatura_eval from ../shared/corpora, read in place).
Single core: our clean_page in-process, trafilatura.extract with library defaults and with fast=True,
lxml.html.fromstring alone as the floor; methods take turns every 20 pages within each round, and each
figure is the median of the rounds. Then all cores: parallel_results with 1 and 2 workers, and the peak RSS of the whole
process tree for N pages vs the same pages repeated 10 times (lazily: the list is not copied).

    .venv/bin/python bench/speed.py [--sample N] [--rounds 3] [--memory-pages 400] [--profile 200]
"""
from __future__ import annotations

import argparse
import cProfile
import gzip
import io
import itertools
import json
import logging
import os
import platform
import pstats
import random
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import lxml.html  # noqa: E402
import psutil  # noqa: E402
import trafilatura  # noqa: E402

from cleaners.pipeline import clean_page  # noqa: E402
from cleaners.trafilatura_patch import trafilatura_as_published  # noqa: E402
from cleaners.records import RawPage  # noqa: E402
from scraper.workers import parallel_results  # noqa: E402

CORPORA = ROOT.parent / "shared" / "corpora"
CORPUS_DIRS = [CORPORA / "wcxb_dev" / "html", CORPORA / "trafilatura_eval" / "html"]
RESULTS = ROOT / "bench" / "results" / "speed.json"
TARGETS = {"ours_vs_trafilatura": 1.5, "two_vs_one_worker": 1.8, "memory_10x_vs_1x": 1.2}


def load_pages(sample: int | None, seed: int = 1) -> list[RawPage]:
    paths = sorted(p for d in CORPUS_DIRS for p in d.iterdir() if p.is_file())
    if sample and sample < len(paths):
        paths = sorted(random.Random(seed).sample(paths, sample))
    pages = []
    for p in paths:
        body = gzip.decompress(p.read_bytes()) if p.name.endswith(".gz") else p.read_bytes()
        pages.append(RawPage(body=body, source=str(p)))
    return pages


# --- single core -------------------------------------------------------------------------------

def run_ours(pages):
    errors = 0
    for page in pages:
        try:
            clean_page(page)
        except Exception:
            errors += 1   # counted, not hidden: bench/robustness.py is where these are chased
    return errors


def run_trafilatura(pages):
    with trafilatura_as_published():   # the baseline is trafilatura as published, not with our speed-ups
        for page in pages:
            trafilatura.extract(page.body)


def run_trafilatura_fast(pages):
    with trafilatura_as_published():
        for page in pages:
            trafilatura.extract(page.body, fast=True)


def run_lxml(pages):
    for page in pages:
        try:
            lxml.html.fromstring(page.body)
        except Exception:
            pass


SINGLE = {"ours (1 core, in-process)": run_ours, "trafilatura default": run_trafilatura,
          "trafilatura fast=True": run_trafilatura_fast, "lxml.html.fromstring (floor)": run_lxml}
BASELINE = "trafilatura default"


INTERLEAVE = 20   # pages per turn: this machine's speed drifts by a third within a minute


def time_single(pages, rounds):
    """Wall and CPU seconds per method and round. The methods take turns every INTERLEAVE pages (the
    order rotating), so a slow spell of the machine falls on all of them alike rather than on whichever
    method happened to be running; CPU time is the steadier figure on a shared machine."""
    times = {name: [] for name in SINGLE}
    cpu = {name: [] for name in SINGLE}
    names = list(SINGLE)
    for r in range(rounds):
        wall_sum = dict.fromkeys(names, 0.0)
        cpu_sum = dict.fromkeys(names, 0.0)
        for turn, start in enumerate(range(0, len(pages), INTERLEAVE)):
            chunk = pages[start:start + INTERLEAVE]
            for name in names[turn % len(names):] + names[:turn % len(names)]:
                t0, c0 = time.perf_counter(), time.process_time()
                SINGLE[name](chunk)
                wall_sum[name] += time.perf_counter() - t0
                cpu_sum[name] += time.process_time() - c0
        for name in names:
            times[name].append(wall_sum[name])
            cpu[name].append(cpu_sum[name])
            print(f"  round {r + 1}: {name}: {wall_sum[name]:.1f} s wall, {cpu_sum[name]:.1f} s CPU", file=sys.stderr)
    return times, cpu


# --- all cores ---------------------------------------------------------------------------------

class TreePeakRSS:
    """Peak of the summed RSS of this process and all its descendants, sampled every 50 ms."""

    def __init__(self, interval=0.05):
        self.interval, self.peak, self._stop = interval, 0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def sample(self) -> int:
        me = psutil.Process()
        total = 0
        for proc in [me, *me.children(recursive=True)]:
            try:
                total += proc.memory_info().rss
            except psutil.Error:
                pass
        return total

    def _run(self):
        while not self._stop.is_set():
            self.peak = max(self.peak, self.sample())
            self._stop.wait(self.interval)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def run_parallel(pages, workers, repeat=1):
    items = itertools.chain.from_iterable(itertools.repeat(pages, repeat))   # lazy: no copies
    count = 0
    for result in parallel_results(items, workers, timeout=30):
        count += 1
    return count


def time_parallel(pages, rounds):
    times = {1: [], 2: []}
    for r in range(rounds):
        for workers in (1, 2):
            start = time.perf_counter()
            run_parallel(pages, workers)
            times[workers].append(time.perf_counter() - start)
            print(f"  round {r + 1}: parallel_results workers={workers}: {times[workers][-1]:.1f} s", file=sys.stderr)
    return times


def peak_memory(pages, repeat, workers=2):
    before = TreePeakRSS().sample()
    with TreePeakRSS() as meter:
        start = time.perf_counter()
        n = run_parallel(pages, workers, repeat)
        seconds = time.perf_counter() - start
    return {"pages": n, "seconds": seconds, "rss_before": before, "peak_rss": meter.peak,
            "growth": meter.peak - before}


# --- profile -----------------------------------------------------------------------------------

def profile(pages, n, top=15) -> str:
    subset = pages[:n]
    prof = cProfile.Profile()
    prof.enable()
    run_ours(subset)
    prof.disable()
    out = io.StringIO()
    stats = pstats.Stats(prof, stream=out)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)   # where the time is actually spent, not just passed through
    return out.getvalue()


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sample", type=int, default=0, help="pages drawn at random from the corpora (default all)")
    ap.add_argument("--rounds", type=int, default=3, help="rounds per method; medians are reported (default 3)")
    ap.add_argument("--memory-pages", type=int, default=400,
                    help="pages for the memory comparison, run 1x and 10x (0: all loaded pages)")
    ap.add_argument("--profile", type=int, default=0, metavar="N",
                    help="only profile our cleaner on N pages (cProfile, top 15 cumulative and own time) and exit")
    ap.add_argument("--skip-single", action="store_true", help="skip the single-core comparison")
    ap.add_argument("--skip-parallel", action="store_true", help="skip the workers and memory figures")
    args = ap.parse_args(argv)
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)

    pages = load_pages(args.sample or None)
    megabytes = sum(len(p.body) for p in pages) / 1e6
    print(f"loaded {len(pages)} pages, {megabytes:.0f} MB, {os.cpu_count()} cores, "
          f"python {platform.python_version()}, trafilatura {trafilatura.__version__}", file=sys.stderr)
    if args.profile:
        print(profile(random.Random(2).sample(pages, min(args.profile, len(pages))), args.profile))
        return 0

    report = {"pages": len(pages), "megabytes": round(megabytes, 1), "rounds": args.rounds,
              "cores": os.cpu_count(), "python": platform.python_version(),
              "trafilatura": trafilatura.__version__, "targets": TARGETS,
              "load_average_at_start": os.getloadavg()}   # other work on the machine skews the figures
    lines = []
    if not args.skip_single:
        times, cpu = time_single(pages, args.rounds)
        base = len(pages) / statistics.median(times[BASELINE])
        base_cpu = len(pages) / statistics.median(cpu[BASELINE])
        report["single"] = {}
        lines.append(f"{'single core (median of %d)' % args.rounds:<34}{'pages/s':>10}{'x trafilatura':>15}"
                     f"{'CPU pages/s':>13}{'x trafilatura':>15}")
        for name, ts in times.items():
            rate, rate_cpu = len(pages) / statistics.median(ts), len(pages) / statistics.median(cpu[name])
            report["single"][name] = {"seconds": ts, "cpu_seconds": cpu[name], "pages_per_s": rate,
                                      "ratio_to_trafilatura": rate / base, "cpu_pages_per_s": rate_cpu,
                                      "cpu_ratio_to_trafilatura": rate_cpu / base_cpu}
            lines.append(f"{name:<34}{rate:>10.1f}{rate / base:>15.2f}{rate_cpu:>13.1f}{rate_cpu / base_cpu:>15.2f}")
        ratio = report["single"]["ours (1 core, in-process)"]["ratio_to_trafilatura"]
        report["single"]["target_met"] = ratio >= TARGETS["ours_vs_trafilatura"]
        lines.append(f"target ours >= {TARGETS['ours_vs_trafilatura']}x trafilatura: "
                     f"{'MET' if report['single']['target_met'] else 'NOT MET'} ({ratio:.2f}x)")

    if args.skip_parallel:
        print("\n".join(lines))
        return 0
    ptimes = time_parallel(pages, args.rounds)
    rates = {w: len(pages) / statistics.median(ts) for w, ts in ptimes.items()}
    speedup = rates[2] / rates[1]
    report["parallel"] = {f"workers_{w}": {"seconds": ptimes[w], "pages_per_s": rates[w]} for w in rates}
    report["parallel"].update(speedup=speedup, target_met=speedup >= TARGETS["two_vs_one_worker"])
    lines.append("")
    lines.append(f"{'parallel_results (median of %d)' % args.rounds:<34}{'pages/s':>10}{'x 1 worker':>15}")
    for w in (1, 2):
        lines.append(f"{'workers=%d' % w:<34}{rates[w]:>10.1f}{rates[w] / rates[1]:>15.2f}")
    lines.append(f"target 2 workers >= {TARGETS['two_vs_one_worker']}x 1 worker: "
                 f"{'MET' if report['parallel']['target_met'] else 'NOT MET'} ({speedup:.2f}x)")

    mem_pages = pages[:args.memory_pages] if args.memory_pages else pages
    one, ten = peak_memory(mem_pages, 1), peak_memory(mem_pages, 10)
    mem_ratio = ten["peak_rss"] / one["peak_rss"]
    report["memory"] = {"1x": one, "10x": ten, "ratio": mem_ratio,
                        "target_met": mem_ratio <= TARGETS["memory_10x_vs_1x"]}
    lines.append("")
    lines.append(f"{'peak RSS, process tree, 2 workers':<34}{'pages':>10}{'peak MB':>10}{'growth MB':>11}")
    for label, m in (("1x", one), ("10x", ten)):
        lines.append(f"{label:<34}{m['pages']:>10}{m['peak_rss'] / 1e6:>10.0f}{m['growth'] / 1e6:>11.0f}")
    lines.append(f"target 10x <= {TARGETS['memory_10x_vs_1x']}x 1x: "
                 f"{'MET' if report['memory']['target_met'] else 'NOT MET'} ({mem_ratio:.2f}x)")
    report["load_average_at_end"] = os.getloadavg()
    lines.append(f"\nload average at start {report['load_average_at_start'][0]:.1f}, "
                 f"at end {report['load_average_at_end'][0]:.1f} (on {os.cpu_count()} cores)")
    print("\n".join(lines))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n")
    print(f"\nwrote {RESULTS.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
