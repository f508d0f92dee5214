"""The three formats every edition is written in, the file name each output gets, and the
stylesheets of styles/ each is made with: the one list the layout, the preview and the build
graph read."""

from magazine.errors import EditionError

FORMATS = ("print", "screen", "epub")

PDF_STYLES = ("fonts.css", "magazine.css", "print.css")        # the print and screen PDFs
PRESS_STYLES = ("press.css",)            # and the print PDF's press colours and output profile
PRINT_STYLES = PDF_STYLES + PRESS_STYLES
# The e-book's cover is drawn without print.css, so a change to the printed pages does not
# touch the e-books.
COVER_STYLES = ("fonts.css", "magazine.css")
EPUB_STYLES = ("epub.css",)                                   # given to pandoc
EBOOK_STYLES = COVER_STYLES + EPUB_STYLES                     # all an e-book is made with


def select_formats(names) -> list[str]:
    """Return the formats named; all three when none is named."""
    if not names:
        return list(FORMATS)
    unknown = [n for n in names if n not in FORMATS]
    if unknown:
        raise EditionError(
            f"unknown format {unknown[0]!r}; choose from {', '.join(FORMATS)}", "command line")
    return [n for n in FORMATS if n in names]


def output_name(issue_id: str, edition: str, fmt: str) -> str:
    """Return the file name DESIGN.md gives an edition in a format."""
    suffix = ".epub" if fmt == "epub" else f"-{fmt}.pdf"
    return f"infocluster-{issue_id}-{edition}{suffix}"
