"""kill -9 at random moments of `scrape run`, then run again: no record lost, none written
twice, no torn line. The run is a real subprocess; kill points are chosen by progress (the
number of requests the fake world has seen), so they land all over the run, commits included."""
from __future__ import annotations

import glob
import json
import os
import random
import signal
import subprocess
import sys
import time

import pytest

from scraper.cli import main

from fakeworld import FakeWorld, config_text

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TRIALS = 10


def count_records(data_dir: str) -> tuple[dict, int]:
    """(id, content_hash) -> times written, and the number of torn lines."""
    seen: dict = {}
    torn = 0
    for path in glob.glob(os.path.join(data_dir, "clean", "*.jsonl")):
        with open(path, "rb") as fh:
            raw = fh.read()
        if raw and not raw.endswith(b"\n"):
            torn += 1
        for line in raw.splitlines():
            try:
                record = json.loads(line)
            except ValueError:
                torn += 1
                continue
            key = (record["id"], record["content_hash"])
            seen[key] = seen.get(key, 0) + 1
    return seen, torn


def uncommitted_record_files(data_dir: str) -> list[str]:
    """Records files that appeared but whose batch the killed run never committed (reconcile absorbs them)."""
    import sqlite3
    names = [os.path.basename(p)[:-6] for p in glob.glob(os.path.join(data_dir, "clean", "crawl-*.jsonl"))]
    db_path = os.path.join(data_dir, "state.sqlite")
    if not os.path.exists(db_path):
        return names
    db = sqlite3.connect(db_path)
    try:
        committed = {row[0] for row in db.execute("SELECT name FROM batches")}
    except sqlite3.OperationalError:
        committed = set()
    finally:
        db.close()
    return [n for n in names if n not in committed]


def test_kill_9_at_random_points_then_rerun(tmp_path, capsys):
    world = FakeWorld()
    try:
        sites = []
        for name in ("north", "south", "east"):
            site = world.add_site(name, 6)
            site.latency = 0.01
            sites.append(dict(name=name, start_urls=[site.url("/")], feeds=[site.url("/feed/")],
                              follow=[r"/20\d\d/"]))
        # reference: an undisturbed run says what every trial must end with
        reference = tmp_path / "reference"
        (tmp_path / "reference.toml").write_text(config_text(str(reference), sites, batch_pages=2))
        assert main(["run", "--config", str(tmp_path / "reference.toml")]) == 0
        expected, _ = count_records(str(reference))
        expected_ids = {key[0] for key in expected}
        assert len(expected_ids) == 18
        requests_per_run = len(world.log)

        rng = random.Random(20240501)
        totals = {"trials": 0, "killed": 0, "uncommitted_files": 0, "lost": 0, "duplicated": 0, "torn": 0}
        env = {**os.environ, "PYTHONPATH": ROOT}
        for trial in range(TRIALS):
            data = tmp_path / f"trial{trial}"
            config = tmp_path / f"trial{trial}.toml"
            config.write_text(config_text(str(data), sites, batch_pages=rng.choice([1, 2, 3])))
            kill_after = rng.randint(1, requests_per_run + 2)   # past the end: the import or the final commit
            start_count = len(world.log)
            proc = subprocess.Popen([sys.executable, "-m", "scraper.cli", "run", "--config", str(config)],
                                    cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            deadline = time.monotonic() + 60
            while proc.poll() is None and time.monotonic() < deadline:
                if len(world.log) - start_count >= kill_after:
                    time.sleep(rng.uniform(0, 0.03))
                    break
                time.sleep(0.002)
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
                totals["killed"] += 1
            proc.wait(timeout=30)
            totals["uncommitted_files"] += len(uncommitted_record_files(str(data)))
            # then cron starts it again, twice: the second must find nothing left to do
            assert main(["run", "--config", str(config)]) == 0
            assert main(["run", "--config", str(config)]) == 0
            written, torn = count_records(str(data))
            ids = {key[0] for key in written}
            totals["trials"] += 1
            totals["lost"] += len(expected_ids - ids)
            totals["duplicated"] += sum(n - 1 for n in written.values()) + (len(written) - len(ids))
            totals["torn"] += torn
            leftovers = [n for sub in ("raw", "clean") for n in os.listdir(data / sub) if n.endswith(".tmp")]
            assert leftovers == []
        capsys.readouterr()
        print(f"kill -9 trials: {totals}", file=sys.stderr)
        with capsys.disabled():
            print(f"\nkill -9: {totals}")
        assert totals["lost"] == totals["duplicated"] == totals["torn"] == 0
        assert totals["killed"] >= TRIALS // 2     # most trials really were killed mid-run
    finally:
        world.close()


class Killed(BaseException):
    """Stands for kill -9: nothing after it runs, no except clause catches it."""


@pytest.mark.parametrize("batch_pages", [1, 3])
def test_death_between_records_file_and_state_commit_is_absorbed(tmp_path, capsys, monkeypatch, batch_pages):
    """The narrowest window, hit on purpose: the records file is in place, its state commit never ran."""
    from scraper.state import State
    world = FakeWorld()
    try:
        site = world.add_site("window", 5)
        config = tmp_path / "sites.toml"
        config.write_text(config_text(str(tmp_path / "data"), [dict(name="window", feeds=[site.url("/feed/")])],
                                      batch_pages=batch_pages))
        real_commit = State.commit_batch
        calls = []

        def dying_commit(self, name, when, url_updates, records, how="run", site_runs=None):
            if how == "run" and records:
                calls.append(name)
                raise Killed()
            return real_commit(self, name, when, url_updates, records, how, site_runs)

        monkeypatch.setattr(State, "commit_batch", dying_commit)
        with pytest.raises(Killed):
            main(["run", "--config", str(config)])
        monkeypatch.setattr(State, "commit_batch", real_commit)
        assert len(uncommitted_record_files(str(tmp_path / "data"))) == 1
        assert main(["run", "--config", str(config)]) == 0
        assert main(["run", "--config", str(config)]) == 0
        written, torn = count_records(str(tmp_path / "data"))
        assert torn == 0
        assert sorted(written.values()) == [1] * 5          # every article once: none lost, none twice
        assert uncommitted_record_files(str(tmp_path / "data")) == []
    finally:
        world.close()
