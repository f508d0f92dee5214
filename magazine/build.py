"""The orchestrator: load the issue, compose each edition, render it, write every format."""

import logging
from dataclasses import dataclass
from pathlib import Path

from . import pandoc
from .compose import compose_edition
from .editions import select_editions, select_formats
from .epub import write_epub
from .errors import CatalogError, RenderError
from .files import write_if_changed
from .html import print_document
from .issue import load_issue
from .model import EditionText, Fallback, Issue, Output, Project
from .pdf import first_page_png, layout, write_pdf

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BuildResult:
    """What a build wrote, and which blocks each edition printed in the source language."""

    issue: Issue
    outputs: tuple[Output, ...]
    fallbacks: dict


def output_name(issue_id: str, edition: str, fmt: str) -> str:
    """Return the file name DESIGN.md gives an edition in a format."""
    suffix = ".epub" if fmt == "epub" else f"-{fmt}.pdf"
    return f"infocluster-{issue_id}-{edition}{suffix}"


def build_issue(project: Project, issue_id: str | None = None, editions=(), formats=(),
                strict: bool = False, out_dir: Path | None = None) -> BuildResult:
    """Build the chosen editions and formats of an issue (all of them by default). Every
    edition is composed before anything is written, so a strict build that fails writes
    nothing."""
    chosen_editions = select_editions(editions)
    chosen_formats = select_formats(formats)
    issue = load_issue(project, issue_id)
    out_dir = out_dir or project.build / issue.id
    texts = [compose_edition(project, issue, edition) for edition in chosen_editions]
    fallbacks = {text.edition.tag: edition_fallbacks(text) for text in texts}
    if strict and any(fallbacks.values()):
        raise_missing(project, fallbacks)
    outputs = []
    for text in texts:
        outputs += write_edition(project, text, chosen_formats, out_dir, strict)
    return BuildResult(issue, tuple(outputs), fallbacks)


def edition_fallbacks(text: EditionText) -> tuple[Fallback, ...]:
    """Return the blocks an edition prints in the source language."""
    return tuple(f for article in text.articles for f in article.fallbacks)


def raise_missing(project: Project, fallbacks: dict) -> None:
    """Fail a strict build, listing every block whose translation is not ready."""
    unique = {}
    for found in fallbacks.values():
        for f in found:
            unique.setdefault((f.catalog, f.segment), f)
    details = [f"{_where(project, f)}: {f.state}: {_excerpt(f.segment.text)} ({f.reason})"
               for f in unique.values()]
    raise CatalogError(f"a strict build needs every block translated; not ready: {len(unique)} "
                       "(fill them in your PO editor, or build without --strict for a draft)",
                       project.translations, details=details)


def _where(project: Project, fallback: Fallback) -> str:
    path = fallback.catalog.relative_to(project.root)
    return f"{path}:{fallback.catalog_line}" if fallback.catalog_line else str(path)


def _excerpt(text: str, length: int = 60) -> str:
    return text if len(text) <= length else text[:length - 1] + "…"


def write_edition(project: Project, text: EditionText, formats: list[str], out_dir: Path,
                  strict: bool) -> list[Output]:
    """Write one edition in the chosen formats."""
    outputs = []
    work = project.build / text.issue.id / ".work"
    for fmt in formats:
        path = out_dir / output_name(text.issue.id, text.edition.tag, fmt)
        log.info("writing %s", path.name)
        if fmt == "epub":
            cover = work / f"cover-{text.edition.tag}.png"
            write_if_changed(cover, render_cover(project, text))
            warnings = write_epub(project, text, path, cover)
            pages = None
        else:
            document, warnings = render_pdf_layout(project, text, fmt)
            if strict and warnings:
                raise RenderError(f"{len(warnings)} warnings in a strict build: {warnings[0]}",
                                  path)
            variant = "pdf/ua-1" if fmt == "screen" else None
            warnings += write_pdf(document, path, variant)
            pages = len(document.pages)
        if strict and warnings:
            raise RenderError(f"{len(warnings)} warnings in a strict build: {warnings[0]}", path)
        outputs.append(Output(path, text.edition.tag, fmt, pages, path.stat().st_size,
                              tuple(warnings)))
    return outputs


def edition_html(project: Project, text: EditionText, cover_only: bool = False):
    """Return the edition as the HTML the PDFs are laid out from, and pandoc's warnings."""
    cover = text.issue.cover.relative_to(text.issue.path.resolve()).as_posix() \
        if text.issue.cover else None
    return pandoc.to_html(print_document(text, cover, cover_only),
                          project.styles / "templates" / "magazine.html")


def render_pdf_layout(project: Project, text: EditionText, fmt: str, cover_only=False):
    """Lay out the edition for print or screen; return the document and warnings."""
    html, warnings = edition_html(project, text, cover_only)
    styles = [project.styles / "fonts.css", project.styles / "magazine.css",
              project.styles / f"{fmt}.css"]
    allowed = [text.issue.path, project.styles, project.build]
    document, layout_warnings = layout(html, text.issue.path, styles, allowed,
                                       text.issue.path / "issue.yaml")
    return document, warnings + layout_warnings


def render_cover(project: Project, text: EditionText) -> bytes:
    """Return the edition's cover page as a PNG, for the e-book."""
    document, _ = render_pdf_layout(project, text, "screen", cover_only=True)
    return first_page_png(document)
