"""Write an edition as EPUB 3 with pandoc: shared fonts, the EPUB stylesheet, a cover."""

import uuid
from pathlib import Path

from . import pandoc
from .files import atomic_path
from .html import epub_document
from .model import EditionText, Project

_NAMESPACE = uuid.UUID("6f1c8f0e-3b7a-4d8e-9a51-1c2a6e5f7b90")


def write_epub(project: Project, text: EditionText, path: Path, cover_png: Path) -> list[str]:
    """Write the edition's e-book to `path` atomically; return pandoc's warnings."""
    doc = epub_document(text)
    doc["meta"]["identifier"] = {"t": "MetaString", "c": f"urn:uuid:{book_id(text)}"}
    fonts = sorted((project.styles / "fonts").glob("*.ttf"))
    args = [f"--css={project.styles / 'epub.css'}", f"--epub-cover-image={cover_png}",
            "--split-level=1", "--toc", "--toc-depth=1",
            *[f"--epub-embed-font={font}" for font in fonts]]
    with atomic_path(path) as tmp:
        return pandoc.to_epub(doc, tmp, text.issue.path, args)


def book_id(text: EditionText) -> uuid.UUID:
    """Return a stable identifier for one edition of one issue."""
    return uuid.uuid5(_NAMESPACE, f"infocluster/{text.issue.id}/{text.edition.tag}")
