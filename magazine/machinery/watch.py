"""Notice when a designer or editor saves a file: compare snapshots of modification times."""

import time
from pathlib import Path


def snapshot(folders: list[Path]) -> dict:
    """Return {path: (mtime, size)} for every file under the folders."""
    found = {}
    for folder in folders:
        for path in folder.rglob("*") if folder.is_dir() else ():
            if path.is_file() and not path.name.startswith("."):
                stat = path.stat()
                found[path] = (stat.st_mtime_ns, stat.st_size)
    return found


def changed(before: dict, after: dict) -> list[Path]:
    """Return the files added, removed or modified between two snapshots."""
    return sorted(path for path in before.keys() | after.keys()
                  if before.get(path) != after.get(path))


def wait_for_change(folders: list[Path], since: dict, interval: float = 0.5) -> tuple:
    """Block until a file under the folders changes; return the changed files and the new
    snapshot."""
    while True:
        time.sleep(interval)
        now = snapshot(folders)
        if changed(since, now):
            return changed(since, now), now
