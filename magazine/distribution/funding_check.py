"""The EU programme's rules, checked in the finished files: the cover and the back cover of
each PDF paint the EU emblem and print the statement in the edition's language; the e-book's
imprint holds the emblem, the statement and the disclaimer."""

import re
import zipfile

from pypdf import PdfReader

from magazine.distribution.pdfx_check import scan_page
from magazine.languages import EDITIONS
from magazine.model import EditionText, Issue, Output
from magazine.typeset.document import funding_text

# the emblem's blue, as each PDF paints it: the press's CMYK (magazine.css --eu-blue-cmyk)
# or the screen's sRGB (#003399)
EMBLEM_BLUE = {"print": (b"scn", (1.0, 0.8, 0.0, 0.0)), "screen": (b"rg", (0.0, 0.2, 0.6))}


def funding_problems(issue: Issue, out: Output) -> list[str]:
    """Return what an output lacks of the EU emblem, the statement and the disclaimer."""
    edition = EditionText(issue, EDITIONS[out.edition], ())
    statement = funding_text(edition, "statement")
    if out.format == "epub":
        return _ebook_problems(out, statement, funding_text(edition, "disclaimer"))
    reader = PdfReader(out.path)
    problems = []
    for name, page in (("cover", reader.pages[0]), ("back cover", reader.pages[-1])):
        if statement not in _words(page.extract_text() or ""):
            problems.append(f"the {name} lacks the statement {statement!r}")
        if EMBLEM_BLUE[out.format] not in scan_page(page).colours:
            problems.append(f"the {name} lacks the EU emblem")
    return problems


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00ad", "").replace("\u2010 ", ""))


def _ebook_problems(out: Output, statement: str, disclaimer: str) -> list[str]:
    with zipfile.ZipFile(out.path) as book:
        pages = [book.read(name).decode("utf-8") for name in book.namelist()
                 if name.endswith(".xhtml")]
    imprint = next((page for page in pages if 'id="imprint"' in page), None)
    if imprint is None:
        return ["the e-book has no imprint (the emblem, the statement and the disclaimer)"]
    problems = []
    words = _words(re.sub(r"<[^>]+>", " ", imprint))
    for what, wanted in (("statement", statement), ("disclaimer", disclaimer)):
        if _words(wanted) not in words:
            problems.append(f"the e-book's imprint lacks the {what}")
    if 'class="eu-emblem"' not in imprint:
        problems.append("the e-book's imprint lacks the EU emblem")
    return problems
