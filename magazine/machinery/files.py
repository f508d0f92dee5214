"""Writing files so that nobody ever sees half of one, and unchanged files keep their bytes."""

import errno
import fcntl
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

from magazine.errors import MagazineError

PARTIAL = ".*.part"        # atomic_path's temporary files: left behind only by a killed run


@contextmanager
def atomic_path(path: Path):
    """Yield a temporary path beside `path`; rename it over `path` only if the block succeeds."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise MagazineError(f"cannot write here: {exc.strerror}", path) from None
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, 0o666 & ~_umask())            # as readable as any other file written here
        os.replace(tmp, path)
    except OSError as exc:
        raise MagazineError(f"cannot write: {exc.strerror}{disk_advice(exc)}", path) from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def disk_advice(exc: OSError) -> str:
    """Return what to do about a write error when the disk (or a quota) is full, else ""."""
    full = exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT)
    return "; free some disk space and try again (the last good file is kept)" if full else ""


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write `data` atomically unless the file already holds exactly it; say if it was written."""
    if path.is_file() and path.read_bytes() == data:
        return False
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
    return True


def remove_partial_files(folder: Path, pattern: str = PARTIAL) -> None:
    """Remove the temporary files a killed run left under `folder` (call it holding the
    issue's lock, so that no running build is writing them)."""
    for path in folder.rglob(pattern) if folder.is_dir() else ():
        try:
            path.unlink()
        except OSError:
            pass


@contextmanager
def issue_lock(manifest: Path, doing: str):
    """Hold the issue's lock (on its issue.yaml) for the block; when another build or update
    of the issue holds it, say so instead of waiting. The system frees it when a process
    ends, however it ends."""
    try:
        handle = open(manifest, "rb")
    except OSError as exc:
        raise MagazineError(f"cannot read: {exc.strerror}", manifest) from None
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise MagazineError(f"another build or translation update of this issue is "
                                f"running; wait for it to finish, then {doing} again",
                                manifest) from None
        yield
