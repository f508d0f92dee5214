"""Run jobs on every core: each job in a fresh process forked from this one."""

import gc
import multiprocessing
import os
import pickle
from multiprocessing.connection import wait
from typing import Any

from magazine.errors import RenderError


def run_jobs(items: list, jobs: int | None, job) -> list:
    """Return [job(item) for item in items], running them in child processes, as many at a
    time as there are cores (or `jobs`); with one, in this process.

    Each job gets a process of its own, forked when it starts: it sees this process's memory
    as it is then (a laid-out document, say, that cannot be sent to another process), and
    what it leaves behind goes back to the system when it ends, so the largest process is
    the size of one job. The results travel back pickled. When a job fails, the ones already
    running finish (no half-written file is left), none is started, and its error is raised."""
    workers = min(len(items), jobs or os.cpu_count() or 1)
    if workers <= 1:
        return [job(item) for item in items]
    context = multiprocessing.get_context("fork")
    results: list = [None] * len(items)
    running: dict[Any, tuple[int, Any]] = {}              # receiving end: (index, process)
    failure: BaseException | None = None
    waiting = list(enumerate(items))
    while running or (waiting and failure is None):
        while waiting and failure is None and len(running) < workers:
            index, item = waiting.pop(0)
            receiver, sender = context.Pipe(duplex=False)
            process = context.Process(target=_run_child, args=(job, item, sender))
            process.start()
            sender.close()
            running[receiver] = (index, process)
        for ready in wait(list(running)):
            index, process = running.pop(ready)
            ok, value = _receive(ready)
            process.join()
            if ok:
                results[index] = value
            elif failure is None:
                failure = value if isinstance(value, BaseException) else RuntimeError(value)
    if failure is not None:
        raise failure
    return results


def _run_child(job, item, sender) -> None:
    try:
        message = (True, job(item))
    except BaseException as exc:                     # sent back and raised by the parent
        message = (False, exc)
    # A child ends without running finalizers: collect what the job left now, so that what
    # cleans up after itself when collected (WeasyPrint's font folders in the temporary
    # directory) does.
    gc.collect()
    try:
        sender.send(message)
    except (pickle.PicklingError, TypeError, AttributeError) as exc:
        sender.send((False, RuntimeError(f"a build process failed: {message[1]!r} ({exc})")))


def _receive(receiver) -> tuple[bool, Any]:
    try:
        return receiver.recv()
    except EOFError:
        return False, RenderError("a build process ended without a result (killed, or out "
                                  "of memory?); run the build again")
