"""Lay out an edition with WeasyPrint: its HTML through the pandoc template, the stylesheets
of its format, and nothing outside the issue, the styles and the build."""

import re
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from typing import Any

from magazine.formats import COVER_STYLES, PDF_STYLES, PRESS_STYLES
from magazine.model import EditionText, Project
from magazine.pandoc import convert
from magazine.typeset.document import print_document
from magazine.typeset.lines import apply_plans
from magazine.typeset.pdf import ProjectFetcher, first_page_png, layout
from magazine.typeset.press import Press

# the cover page alone, for the e-book: the page is the trim, with no margin
COVER_PAGE = "@page { size: var(--trim-width) var(--trim-height); margin: 0 }"


def edition_html(project: Project, text: EditionText, cover_only: bool = False,
                 fitting: bool = False):
    """Return the edition as the HTML the PDFs are laid out from, and pandoc's warnings."""
    cover = text.issue.cover.relative_to(text.issue.path.resolve()).as_posix() \
        if text.issue.cover else None
    return convert.to_html(print_document(text, cover, cover_only, fitting),
                           project.styles / "templates" / "magazine.html")


@dataclass(frozen=True)
class Layout:
    """An edition's laid-out pages (WeasyPrint's document), the HTML they were laid out
    from, and what pandoc and WeasyPrint warned about on the way."""

    document: Any
    html: str
    warnings: tuple[str, ...]


def lay_out_edition(project: Project, text: EditionText, cover_only: bool = False,
                    css: str = "", fitting: bool = False, lines=(),
                    prepared: tuple[str, list[str]] | None = None,
                    press: bool = False) -> Layout:
    """Lay out the edition's pages (or only its cover), with `css` (the fitter's settings)
    after the stylesheets and the paragraphs `lines` plans set as planned; `fitting` lays
    out the articles alone; `press` lays them out in the press's colours (press.py).
    `prepared` is the edition's HTML and pandoc's warnings when edition_html has already
    made them."""
    html, warnings = prepared or edition_html(project, text, cover_only, fitting)
    colours = Press.of(project.styles)
    fetcher = ProjectFetcher([text.issue.path, project.styles, project.build], colours, press)
    sheets: list[Path | str] = [project.styles / name for name in PDF_STYLES] \
        if not cover_only else [*(project.styles / name for name in COVER_STYLES), COVER_PAGE]
    if press:
        sheets += [project.styles / name for name in PRESS_STYLES] + [colours.css()]
    sheets += [css] if css else []
    document, layout_warnings = layout(html, text.issue.path, sheets, fetcher,
                                       text.issue.path / "issue.yaml",
                                       lambda root: apply_plans(root, list(lines)))
    return Layout(document, html, tuple(warnings + layout_warnings))


def render_cover(project: Project, text: EditionText) -> bytes:
    """Return the edition's cover page as a PNG, for the e-book."""
    return first_page_png(lay_out_edition(project, text, cover_only=True).document)


def html_text(html: str) -> str:
    """Return the words of an HTML document, without tags."""
    body = html.split("<body", 1)[-1]
    return unescape(re.sub(r"<[^>]+>", " ", body))
