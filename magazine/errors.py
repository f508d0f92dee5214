"""The one error family: every user-facing failure names the file and, where known, the line."""

from collections.abc import Iterable
from pathlib import Path


class MagazineError(Exception):
    """A problem the user can fix; shown as one line (then any details, one per line),
    exit code 1."""

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None,
                 details: Iterable[str] = ()):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.details = tuple(details)

    def __reduce__(self):                      # travels intact from a worker process
        return (type(self), (self.message, self.path, self.line, self.details))

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"


class ManifestError(MagazineError):
    """issue.yaml is missing, malformed or names something that is not there."""


class ArticleError(MagazineError):
    """An article source cannot be read or has bad front matter or content."""


class CatalogError(MagazineError):
    """A translation catalog cannot be read, or a strict build finds it incomplete."""


class EditionError(MagazineError):
    """An unknown edition or format was asked for."""


class RenderError(MagazineError):
    """pandoc or WeasyPrint failed, or refused a resource."""


class MakeupError(MagazineError):
    """A strict build finds page makeup faults the designer has not accepted."""


class ReleaseError(MagazineError):
    """A release check failed; the details list every problem."""
