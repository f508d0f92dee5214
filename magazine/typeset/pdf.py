"""A thin wrapper around WeasyPrint: lay out HTML with the shared styles and write PDFs,
reading nothing but the issue's, the styles' and the build's own files."""

import hashlib
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from magazine.errors import RenderError
from magazine.machinery.files import atomic_path, disk_advice
from magazine.machinery.logs import collected_warnings
from magazine.typeset.hyphenation import use_shipped_dictionaries
from magazine.typeset.press import PICTURES, Press


class ProjectFetcher(URLFetcher):
    """Fetch only files inside the allowed folders, and data: URIs; refuse everything else.
    Pictures come in the colours of the output (press.py): for the press in its CMYK, for
    the screen in sRGB."""

    def __init__(self, allowed: list[Path], colours: Press | None = None, press: bool = False):
        super().__init__(allowed_protocols={"file", "data"}, fail_on_errors=True)
        self.allowed = [folder.resolve() for folder in allowed]
        self.colours, self.press = colours, press

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            response = super().fetch(url, headers)
            kind = response.content_type
            if kind == "image/svg+xml" or kind in RASTER_TYPES:
                data = response.read()
                response.close()
                converted = self._converted(url, data, kind, "a picture inside a picture")
                return converted or _Converted(url, data, {"Content-Type": kind})
            return response
        if url.startswith("file:"):
            path = Path(unquote(urlsplit(url).path)).resolve()
            if any(path.is_relative_to(folder) for folder in self.allowed):
                kind = PICTURES.get(path.suffix.lower())
                converted = self._converted(url, path.read_bytes(), kind, str(path)) \
                    if kind and path.is_file() else None
                return converted or super().fetch(url, headers)
        raise FatalURLFetchingError(f"refused to read {url}: only the issue's, the styles' "
                                    "and the build's files may be used")

    def _converted(self, url: str, data: bytes, kind: str,
                   where: str) -> URLFetcherResponse | None:
        """Return a picture converted for the output (answering for `url`, so that what it
        names relatively still resolves), None when it goes as it is."""
        if self.colours is None or kind == "image/svg+xml" and not self.press:
            return None
        key = (hashlib.sha256(data).hexdigest(), self.press, self.colours.key())
        if key not in _CONVERTED:
            if len(_CONVERTED) > 256:           # a long preview --watch: keep it bounded
                _CONVERTED.clear()
            converted: bytes | None
            if kind == "image/svg+xml":
                converted, kind = self.colours.svg(data, where), "image/svg+xml"
            else:
                converted = self.colours.raster(data, where) if self.press else \
                    self.colours.to_srgb(data, where)
                kind = "image/jpeg"
            _CONVERTED[key] = None if converted is None else (converted, kind)
        found = _CONVERTED[key]
        return None if found is None else _Converted(url, found[0],
                                                     {"Content-Type": found[1]})


# pictures converted in this process, by their content's hash
_CONVERTED: dict[tuple, tuple[bytes, str] | None] = {}
RASTER_TYPES = {kind for kind in PICTURES.values() if kind != "image/svg+xml"}


class _Converted(URLFetcherResponse):
    """A picture converted in memory: WeasyPrint must not read the file it came from."""

    @property
    def path(self):
        return None


def layout(html: str, base: Path, stylesheets: list, fetcher: ProjectFetcher, where,
           rewrite=None):
    """Lay out an HTML document with stylesheets (files, or CSS text), reading through
    `fetcher`; return WeasyPrint's document and its warnings. `rewrite` may change the
    parsed document (its root element) before it is laid out."""
    with collected_warnings("weasyprint") as warnings:
        document = _render(html, base, stylesheets, fetcher, where, rewrite)
    return document, warnings


def _render(html, base, stylesheets, fetcher, where, rewrite):
    use_shipped_dictionaries()                  # Bulgarian breaks from TeX's hyph-bg patterns
    try:
        fonts = FontConfiguration()
        profiles: dict = {}                     # @color-profile rules (press.css)
        css = [CSS(string=s, base_url=f"{base.resolve().as_uri()}/", font_config=fonts,
                   url_fetcher=fetcher, color_profiles=profiles) if isinstance(s, str) else
               CSS(filename=str(s), font_config=fonts, url_fetcher=fetcher,
                   color_profiles=profiles) for s in stylesheets]
        parsed = HTML(string=html, base_url=f"{base.resolve().as_uri()}/",
                      url_fetcher=fetcher)
        if rewrite is not None:
            rewrite(parsed.etree_element)
        document = parsed.render(stylesheets=css, font_config=fonts, color_profiles=profiles)
    except FatalURLFetchingError as exc:
        raise RenderError(str(exc.__cause__ or exc), where) from None
    except OSError as exc:                  # WeasyPrint copies the fonts to a temporary file
        raise RenderError(f"cannot write {exc.filename or 'a temporary file'}: "
                          f"{exc.strerror}{disk_advice(exc)}", where) from None
    return document


def page_name(page) -> str | None:
    """Return the CSS named page (`page: back`) a laid-out page was made from."""
    return page._page_box.page_type.name             # WeasyPrint keeps it only there


def walk_boxes(box):
    """Yield a laid-out box and every box inside it, in document order."""
    yield box
    for child in getattr(box, "children", None) or ():
        yield from walk_boxes(child)


def _is_blank_pad(page) -> bool:
    """Say whether a page is one of the template's padding pages with nothing on it (a
    footnote pushed off the last article's page may have landed on the first)."""
    return page_name(page) == "pad" and not any(
        (getattr(box, "text", None) or "").strip("\u200b \n")
        for box in walk_boxes(page._page_box))


def pages_for_print(document) -> tuple[Any, int | None]:
    """Return the document for print: blank padding pages before the back cover so that the
    page count is a multiple of four, and how many were added (None when the layout has no
    blank pad page and back cover to do it with)."""
    pages = document.pages
    blank = [page for page in pages if _is_blank_pad(page)]
    if not blank or page_name(pages[-1]) != "back":
        return document, None
    body = [page for page in pages[:-1] if not _is_blank_pad(page)]
    missing = -(len(body) + 1) % 4
    return document.copy([*body, *[blank[0]] * missing, pages[-1]]), missing


def pages_for_screen(document):
    """Return the document for the screen: no blank padding pages."""
    return document.copy([page for page in document.pages if not _is_blank_pad(page)])


@contextmanager
def _cut_to_trim(document, trim: bool):
    """Within the block, the document's pages have no bleed and no crop marks (WeasyPrint
    would still draw the marks, invisibly, on the trim's edge)."""
    saved = [(page, page.bleed, page._page_box.style["marks"]) for page in document.pages]
    if trim:
        for page in document.pages:
            page.bleed = dict.fromkeys(page.bleed, 0)
            page._page_box.style["marks"] = ()        # WeasyPrint reads them only there
    try:
        yield document
    finally:
        for page, bleed, marks in saved:
            page.bleed = bleed
            page._page_box.style["marks"] = marks


def write_pdf(document, path: Path, variant: str | None = None,
              trim: bool = False, finisher=None) -> list[str]:
    """Write a laid-out document to `path` atomically; return WeasyPrint's warnings. With
    `trim`, the pages are cut to their trim size: no bleed, crop marks outside the page;
    `finisher` may change the PDF before it is written (pdfx.py). The PDF is dated by the
    issue's date, never by the clock: the same edition is the same file."""
    metadata = document.metadata
    metadata.modified = metadata.modified or metadata.created
    with collected_warnings("weasyprint") as warnings, _cut_to_trim(document, trim):
        try:
            with atomic_path(path) as tmp:
                document.write_pdf(str(tmp), pdf_variant=variant, finisher=finisher)
        except OSError as exc:
            raise RenderError(f"cannot write PDF: {exc.strerror}", path) from None
    return warnings


def pdf_bytes(document, trim: bool = False) -> bytes:
    """Return a laid-out document as PDF bytes (cut to the trim with `trim`)."""
    with _cut_to_trim(document, trim):
        return document.write_pdf()


def first_page_png(document, width_px: int = 1400) -> bytes:
    """Render the first page of a laid-out document to PNG bytes."""
    import io

    import pypdfium2

    pdf = pypdfium2.PdfDocument(pdf_bytes(document.copy(document.pages[:1]), trim=True))
    page = pdf[0]
    image = page.render(scale=width_px / page.get_width()).to_pil()
    out = io.BytesIO()
    image.convert("RGB").save(out, format="PNG", optimize=True)
    return out.getvalue()


def text_width(text: str, style) -> float:
    """Return the width WeasyPrint gives `text` on one line in a laid-out box's style."""
    from weasyprint.text.line_break import create_layout, line_size
    layout = create_layout(text, style, None, None, 0)
    width, _ = line_size(layout.get_first_line()[0], style)
    return width
