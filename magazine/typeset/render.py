"""Lay out an edition with WeasyPrint: its HTML through the pandoc template, the stylesheets
of its format, and nothing outside the issue, the styles and the build."""

import re
from html import unescape

from magazine.formats import COVER_STYLES, PDF_STYLES
from magazine.model import EditionText, Project
from magazine.pandoc import convert
from magazine.typeset.document import print_document
from magazine.typeset.pdf import first_page_png, layout

# the cover page alone, for the e-book: the page is the trim, with no margin
COVER_PAGE = "@page { size: var(--trim-width) var(--trim-height); margin: 0 }"


def edition_html(project: Project, text: EditionText, cover_only: bool = False):
    """Return the edition as the HTML the PDFs are laid out from, and pandoc's warnings."""
    cover = text.issue.cover.relative_to(text.issue.path.resolve()).as_posix() \
        if text.issue.cover else None
    return convert.to_html(print_document(text, cover, cover_only),
                           project.styles / "templates" / "magazine.html")


def render_pdf_layout(project: Project, text: EditionText, cover_only=False):
    """Lay out the edition's pages (or only its cover); return the document, its HTML and
    the warnings."""
    html, warnings = edition_html(project, text, cover_only)
    allowed = [text.issue.path, project.styles, project.build]
    sheets = [project.styles / name for name in PDF_STYLES] if not cover_only else \
        [*(project.styles / name for name in COVER_STYLES), COVER_PAGE]
    document, layout_warnings = layout(html, text.issue.path, sheets, allowed,
                                       text.issue.path / "issue.yaml")
    return document, html, warnings + layout_warnings


def render_cover(project: Project, text: EditionText) -> bytes:
    """Return the edition's cover page as a PNG, for the e-book."""
    document, _, _ = render_pdf_layout(project, text, cover_only=True)
    return first_page_png(document)


def html_text(html: str) -> str:
    """Return the words of an HTML document, without tags."""
    body = html.split("<body", 1)[-1]
    return unescape(re.sub(r"<[^>]+>", " ", body))
