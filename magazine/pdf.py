"""A thin wrapper around WeasyPrint: lay out HTML with the shared styles and write PDFs,
reading nothing but the issue's, the styles' and the build's own files."""

from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher

from .errors import RenderError
from .files import atomic_path
from .logs import collected_warnings


class ProjectFetcher(URLFetcher):
    """Fetch only files inside the allowed folders, and data: URIs; refuse everything else."""

    def __init__(self, allowed: list[Path]):
        super().__init__(allowed_protocols={"file", "data"}, fail_on_errors=True)
        self.allowed = [folder.resolve() for folder in allowed]

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        if url.startswith("file:"):
            path = Path(unquote(urlsplit(url).path)).resolve()
            if any(path.is_relative_to(folder) for folder in self.allowed):
                return super().fetch(url, headers)
        raise FatalURLFetchingError(f"refused to read {url}: only the issue's, the styles' "
                                    "and the build's files may be used")


def layout(html: str, base: Path, stylesheets: list[Path], allowed: list[Path], where):
    """Lay out an HTML document; return WeasyPrint's document and its warnings."""
    with collected_warnings("weasyprint") as warnings:
        document = _render(html, base, stylesheets, allowed, where)
    return document, warnings


def _render(html, base, stylesheets, allowed, where):
    try:
        fetcher = ProjectFetcher(allowed)
        fonts = FontConfiguration()
        css = [CSS(filename=str(s), font_config=fonts, url_fetcher=fetcher) for s in stylesheets]
        document = HTML(string=html, base_url=f"{base.resolve().as_uri()}/",
                        url_fetcher=fetcher).render(stylesheets=css, font_config=fonts)
    except FatalURLFetchingError as exc:
        raise RenderError(str(exc.__cause__ or exc), where) from None
    return document


def write_pdf(document, path: Path, variant: str | None = None) -> list[str]:
    """Write a laid-out document to `path` atomically; return WeasyPrint's warnings."""
    with collected_warnings("weasyprint") as warnings:
        try:
            with atomic_path(path) as tmp:
                document.write_pdf(str(tmp), pdf_variant=variant)
        except OSError as exc:
            raise RenderError(f"cannot write PDF: {exc.strerror}", path) from None
    return warnings


def first_page_png(document, width_px: int = 1400) -> bytes:
    """Render the first page of a laid-out document to PNG bytes."""
    import io

    import pypdfium2

    pdf = pypdfium2.PdfDocument(document.copy(document.pages[:1]).write_pdf())
    page = pdf[0]
    image = page.render(scale=width_px / page.get_width()).to_pil()
    out = io.BytesIO()
    image.convert("RGB").save(out, format="PNG", optimize=True)
    return out.getvalue()
