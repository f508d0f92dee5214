"""Write an edition as EPUB 3 with pandoc: fonts cut to the edition's characters, the EPUB
stylesheet, a cover, series and accessibility metadata, and the same bytes every time."""

import calendar
import hashlib
import os
import uuid
from contextlib import contextmanager
from pathlib import Path

from magazine.formats import EPUB_STYLES
from magazine.languages import word
from magazine.machinery.files import atomic_path, write_if_changed
from magazine.model import EditionText, Project
from magazine.pandoc import ast, convert
from magazine.pandoc.ast import MetaString, map_nodes
from magazine.typeset.document import epub_document
from magazine.typeset.fontcut import cut_font
from magazine.typeset.press import RASTER, Press

_NAMESPACE = uuid.UUID("6f1c8f0e-3b7a-4d8e-9a51-1c2a6e5f7b90")
# kept in every font whatever the text holds: what a reader's search box or note may need
_ALWAYS = {chr(c) for c in range(0x20, 0x7F)} | set("\u00a0\u00ad‘’‚“”„–—…•€«»№©°×")


def write_epub(project: Project, text: EditionText, path: Path,
               cover_png: Path) -> tuple[list[str], list[str]]:
    """Write the edition's e-book to `path` atomically; return pandoc's warnings, and notes
    for the editor (how much the fonts were cut)."""
    work = project.build / text.issue.id / ".work"
    doc = srgb_pictures(project, text, epub_document(text), work / f"pictures-{text.edition.tag}")
    meta = doc["meta"]
    meta["identifier"] = MetaString(f"urn:uuid:{book_id(text)}")
    meta["belongs-to-collection"] = MetaString("INFOCLUSTER")
    meta["group-position"] = MetaString(str(text.issue.number))
    meta["accessibilitySummary"] = MetaString(word(text.edition, "accessibility"))
    cut = work / f"fonts-{text.edition.tag}"
    named = " ".join((project.styles / name).read_text(encoding="utf-8") for name in EPUB_STYLES)
    fonts, note = subset_fonts(project.styles / "fonts", _characters(doc), cut, named)
    args = [*(f"--css={project.styles / name}" for name in EPUB_STYLES),
            f"--epub-cover-image={cover_png}",
            "--split-level=1", "--toc", "--toc-depth=1",
            *[f"--epub-embed-font={font}" for font in fonts]]
    with atomic_path(path) as tmp, source_date(text):
        return convert.to_epub(doc, tmp, text.issue.path, args), [note]


def srgb_pictures(project: Project, text: EditionText, doc: dict, folder: Path) -> dict:
    """Return the book with each photo that came in CMYK or with its own ICC profile
    replaced by an sRGB copy in `folder` (press.py): a reader's screen shows only sRGB
    right."""
    press = Press.of(project.styles)

    def retarget(node):
        if node["t"] != "Image":
            return None
        path = text.issue.path / ast.target(node)
        if path.suffix.lower() not in RASTER or not path.is_file():
            return node
        converted = press.to_srgb(path.read_bytes(), str(path))
        if converted is None:
            return node
        copy = folder / f"{hashlib.sha256(converted).hexdigest()[:16]}.jpg"
        write_if_changed(copy, converted)
        return ast.with_target(node, copy.as_posix())
    return {**doc, "blocks": map_nodes(doc["blocks"], retarget)}


def book_id(text: EditionText) -> uuid.UUID:
    """Return a stable identifier for one edition of one issue."""
    return uuid.uuid5(_NAMESPACE, f"infocluster/{text.issue.id}/{text.edition.tag}")


@contextmanager
def source_date(text: EditionText):
    """Within the block, SOURCE_DATE_EPOCH is set (to the issue's date unless it was set
    already): pandoc takes the book's modification date and the archive's dates from it."""
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    if saved is None:
        os.environ["SOURCE_DATE_EPOCH"] = str(calendar.timegm(text.issue.date.timetuple()))
    try:
        yield
    finally:
        if saved is None:
            del os.environ["SOURCE_DATE_EPOCH"]


def _characters(node, found=None) -> set[str]:
    """Return every character of an AST's text and metadata."""
    found = set() if found is None else found
    if isinstance(node, str):
        found.update(node)
    elif isinstance(node, list):
        for item in node:
            _characters(item, found)
    elif isinstance(node, dict):
        for value in node.values():
            _characters(value, found)
    return found


def subset_fonts(folder: Path, characters: set[str], out: Path,
                 stylesheet: str) -> tuple[list[Path], str]:
    """Cut each font of `folder` that the e-book's stylesheet names to the characters (and
    what any text needs) into `out`; return the cut fonts and a note of the sizes before and
    after."""
    wanted = sorted(characters | _ALWAYS)
    paths, before, after = [], 0, 0
    for font_path in sorted(p for p in folder.glob("*.ttf") if p.name in stylesheet):
        data = font_path.read_bytes()
        cut = cut_font(data, wanted)
        write_if_changed(out / font_path.name, cut)
        paths.append(out / font_path.name)
        before, after = before + len(data), after + len(cut)
    return paths, f"fonts cut to the text: {before / 2**20:.1f} MB -> {after / 2**20:.2f} MB"
