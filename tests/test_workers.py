"""Jobs on every core: each in a process of its own, results in order, failures told."""

import os
import signal
import threading
import time

import pytest

from magazine.errors import ArticleError, RenderError
from magazine.machinery.diskcache import DiskCache
from magazine.machinery.workers import run_jobs


def test_jobs_run_in_processes_of_their_own_and_return_in_order():
    lock = threading.Lock()                       # cannot be pickled: the job sees it by fork
    results = run_jobs([3, 1, 2], 2, lambda n: (n * 10, os.getpid(), lock.locked()))
    assert [value for value, _, _ in results] == [30, 10, 20]
    pids = {pid for _, pid, _ in results}
    assert len(pids) == 3 and os.getpid() not in pids


def test_one_job_at_a_time_runs_here():
    assert run_jobs([1, 2], 1, lambda n: os.getpid()) == [os.getpid()] * 2


def test_a_failed_job_lets_the_running_ones_finish_and_starts_no_more(tmp_path):
    def job(n):
        if n == 0:
            raise ArticleError("bad front matter", "articles/x.md", 3)
        time.sleep(0.5 if n == 1 else 0)
        (tmp_path / f"done-{n}").write_text("ok")

    with pytest.raises(ArticleError) as failed:
        run_jobs([0, 1, 2], 2, job)
    assert str(failed.value) == "articles/x.md:3: bad front matter"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["done-1"]


def test_a_killed_job_is_reported_not_hung():
    with pytest.raises(RenderError, match="ended without a result"):
        run_jobs([1, 2], 2, lambda n: os.kill(os.getpid(), signal.SIGKILL) if n == 2 else n)


def test_disk_cache_returns_only_what_was_kept_for_that_key(tmp_path):
    cache = DiskCache(tmp_path)
    cache.put("a", "Привет, Ниш")
    cache.put("b", "Sofia")
    assert (cache.get("a"), cache.get("b"), cache.get("c")) == ("Привет, Ниш", "Sofia", None)
    [a, b] = sorted(tmp_path.glob("*/*"), key=lambda p: p.read_bytes())
    a_bytes, b_bytes = a.read_bytes(), b.read_bytes()
    a.write_bytes(b_bytes)                               # entries swapped
    b.write_bytes(a_bytes[:-3])                          # and truncated
    assert (cache.get("a"), cache.get("b")) == (None, None)


def test_disk_cache_forgets_what_nobody_used_for_two_weeks(tmp_path):
    cache = DiskCache(tmp_path)
    cache.put("old", "x")
    cache.put("new", "y")
    [old] = [p for p in tmp_path.glob("*/*") if p.read_bytes().endswith(b"x")]
    os.utime(old, (time.time() - 15 * 86400,) * 2)
    cache.prune()
    assert (cache.get("old"), cache.get("new")) == (None, "y")
