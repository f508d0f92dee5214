"""Results of pure, slow computations kept on disk by the hash of what they were made from."""

import hashlib
import os
import time
from pathlib import Path

from magazine.errors import MagazineError
from magazine.machinery.files import atomic_path

KEEP_DAYS = 14          # entries no build has used for this long are removed


class DiskCache:
    """Text values in one folder, a file per key (named by the key's SHA-256). Each file
    starts with the SHA-256 of its name and value, so a damaged, truncated or misplaced
    entry reads as missing, never as a wrong value."""

    def __init__(self, folder: Path):
        self.folder = folder

    def _path(self, key: str) -> Path:
        name = hashlib.sha256(key.encode("utf-8")).hexdigest()
        return self.folder / name[:2] / name

    def get(self, key: str) -> str | None:
        """Return the value kept for `key`, or None."""
        path = self._path(key)
        try:
            check, _, value = path.read_bytes().partition(b"\n")
        except OSError:
            return None
        if _check(path, value) != check:
            return None
        try:
            os.utime(path)                           # used: kept by prune()
            return value.decode("utf-8")
        except (OSError, UnicodeDecodeError):
            return None

    def put(self, key: str, value: str) -> None:
        """Keep `value` for `key`; a cache that cannot be written is only slower."""
        data, path = value.encode("utf-8"), self._path(key)
        try:
            with atomic_path(path) as tmp:
                tmp.write_bytes(_check(path, data) + b"\n" + data)
        except MagazineError:
            pass

    def prune(self, days: float = KEEP_DAYS) -> None:
        """Remove the entries nobody used in the last `days` days."""
        oldest = time.time() - days * 86400
        for path in self.folder.glob("*/*"):
            try:
                if path.stat().st_mtime < oldest:
                    path.unlink()
            except OSError:
                pass


def _check(path: Path, value: bytes) -> bytes:
    return hashlib.sha256(path.name.encode() + b"\n" + value).hexdigest().encode()
