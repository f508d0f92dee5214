"""Write an edition as EPUB 3 with pandoc: fonts cut to the edition's characters, the EPUB
stylesheet, a cover, series and accessibility metadata, and the same bytes every time."""

import base64
import calendar
import hashlib
import io
import json
import os
import uuid
from contextlib import contextmanager
from pathlib import Path

import fontTools
from fontTools import subset
from fontTools.ttLib import TTFont

from . import pandoc
from .diskcache import DiskCache
from .editions import word
from .files import atomic_path, write_if_changed
from .html import epub_document
from .model import EditionText, Project

_NAMESPACE = uuid.UUID("6f1c8f0e-3b7a-4d8e-9a51-1c2a6e5f7b90")
# kept in every font whatever the text holds: the alphabets of the three languages in both
# scripts and common punctuation, so that the four editions (and the next issue) mostly share
# one cut of each font, made once and kept in build/<ISSUE>/.cache/fonts/
_ALWAYS = ({chr(c) for c in range(0x20, 0x7F)} | set("\u00a0\u00ad‘’‚“”„–—…•€«»№©°×")
           | set("ČĆĐŠŽčćđšž") | {chr(c) for c in range(0x400, 0x460)})


def write_epub(project: Project, text: EditionText, path: Path,
               cover_png: Path) -> tuple[list[str], list[str]]:
    """Write the edition's e-book to `path` atomically; return pandoc's warnings, and notes
    for the editor (how much the fonts were cut)."""
    doc = epub_document(text)
    meta = doc["meta"]
    meta["identifier"] = {"t": "MetaString", "c": f"urn:uuid:{book_id(text)}"}
    meta["belongs-to-collection"] = {"t": "MetaString", "c": "INFOCLUSTER"}
    meta["group-position"] = {"t": "MetaString", "c": str(text.issue.number)}
    meta["accessibilitySummary"] = {"t": "MetaString", "c": word(text.edition, "accessibility")}
    work = project.build / text.issue.id
    fonts, note = subset_fonts(project.styles / "fonts", _characters(doc) | issue_characters(
                                   project, text.issue),
                               work / ".work" / f"fonts-{text.edition.tag}",
                               DiskCache(work / ".cache" / "fonts"))
    args = [f"--css={project.styles / 'epub.css'}", f"--epub-cover-image={cover_png}",
            "--split-level=1", "--toc", "--toc-depth=1",
            *[f"--epub-embed-font={font}" for font in fonts]]
    with atomic_path(path) as tmp, source_date(text):
        return pandoc.to_epub(doc, tmp, text.issue.path, args), [note]


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


def issue_characters(project: Project, issue) -> set[str]:
    """Return every character of the issue's articles and catalogs, in all languages: one
    cut of the fonts serves every edition."""
    found = set()
    for path in sorted(issue.path.rglob("*.md")) + \
            sorted((project.translations / issue.id).rglob("*.po")):
        found.update(path.read_text(encoding="utf-8", errors="ignore"))
    return found


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
                 cache: DiskCache) -> tuple[list[Path], str]:
    """Cut each font of `folder` to the characters (and the alphabets) into `out`; return
    the cut fonts and a note of the sizes before and after."""
    wanted = sorted(characters | _ALWAYS)
    paths, before, after = [], 0, 0
    for font_path in sorted(folder.glob("*.ttf")):
        data = font_path.read_bytes()
        key = json.dumps([hashlib.sha256(data).hexdigest(), fontTools.version, "".join(wanted)])
        kept = cache.get(key)
        cut = base64.b64decode(kept) if kept else _cut(data, wanted)
        if not kept:
            cache.put(key, base64.b64encode(cut).decode("ascii"))
        write_if_changed(out / font_path.name, cut)
        paths.append(out / font_path.name)
        before, after = before + len(data), after + len(cut)
    return paths, f"fonts cut to the text: {before / 2**20:.1f} MB -> {after / 2**20:.2f} MB"


def _cut(data: bytes, characters: list[str]) -> bytes:
    font = TTFont(io.BytesIO(data), recalcTimestamp=False)
    options = subset.Options()                     # the usual features: kerning, ligatures,
    options.name_IDs = ["*"]                       # local forms (Serbian Cyrillic б, г, д)
    options.notdef_outline = True
    options.drop_tables += ["meta"]                # font-wide language tags; not for a cut
    cutter = subset.Subsetter(options)
    cutter.populate(unicodes=[ord(c) for c in characters])
    cutter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()
