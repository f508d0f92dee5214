"""The orchestrator: load the issue, compose each edition, render it, write every format."""

import logging
import os
import re
import time
from dataclasses import dataclass
from html import unescape
from pathlib import Path

from magazine.errors import CatalogError, RenderError
from magazine.languages import select_editions, select_formats
from magazine.machinery.files import issue_lock, remove_partial_files, write_if_changed
from magazine.machinery.graph import (
    BuildCache,
    cached_fallbacks,
    cached_output,
    output_inputs,
    pipeline_digest,
)
from magazine.machinery.workers import run_jobs
from magazine.model import EditionText, Fallback, Issue, Output, Project
from magazine.pandoc import convert
from magazine.serbian.mixedscript import issue_mixed_script
from magazine.sources.issue import load_issue, newest_issue_id
from magazine.translation.catalog import refuse_orphans
from magazine.typeset import preflight
from magazine.typeset.compose import compose_edition
from magazine.typeset.document import print_document
from magazine.typeset.epub import write_epub
from magazine.typeset.pdf import (
    first_page_png,
    layout,
    pages_for_print,
    pages_for_screen,
    pdf_bytes,
    write_pdf,
)
from magazine.typeset.proofs import write_proofs

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BuildResult:
    """What a build wrote, and which blocks each edition printed in the source language."""

    issue: str
    outputs: tuple[Output, ...]
    fallbacks: dict
    mixed_script: tuple[str, ...] = ()


def output_name(issue_id: str, edition: str, fmt: str) -> str:
    """Return the file name DESIGN.md gives an edition in a format."""
    suffix = ".epub" if fmt == "epub" else f"-{fmt}.pdf"
    return f"infocluster-{issue_id}-{edition}{suffix}"


def build_issue(project: Project, issue_id: str | None = None, editions=(), formats=(),
                strict: bool = False, out_dir: Path | None = None, force: bool = False,
                jobs: int | None = None) -> BuildResult:
    """Build the chosen editions and formats of an issue (all of them by default), skipping
    every output whose inputs did not change (graph.py) unless `force`. Stale editions are
    composed first, so a strict build that fails writes nothing; then they are written in
    parallel processes, as many as there are cores (or `jobs`): each edition's PDFs (one
    layout) in one, its e-book in another. Articles and catalogs that did not change are not
    parsed again (convert.cached_in)."""
    issue_id = issue_id or newest_issue_id(project)
    manifest = project.issues / issue_id / "issue.yaml"
    if not manifest.is_file():
        load_issue(project, issue_id)                   # says clearly what is missing
    with issue_lock(manifest, "build"), \
            convert.cached_in(project.build / issue_id / ".cache" / "pandoc") as conversions:
        remove_partial_files(project.build / issue_id)
        if out_dir:
            remove_partial_files(out_dir, ".infocluster-*.part")
        result = _build(project, issue_id, editions, formats, strict, out_dir, force, jobs)
        conversions.prune()
    return result


def _build(project: Project, issue_id: str, editions, formats, strict: bool,
           out_dir: Path | None, force: bool, jobs: int | None) -> BuildResult:
    chosen_editions = select_editions(editions)
    chosen_formats = select_formats(formats)
    out_dir = out_dir or project.build / issue_id
    cache = BuildCache(project.build / issue_id / ".cache" / "graph.json")
    options = {"strict": strict, "out_dir": str(out_dir), "pipeline": pipeline_digest()}
    plan, outputs, fallbacks = [], [], {}
    for edition in chosen_editions:
        inputs = {fmt: output_inputs(project, issue_id, edition, fmt, options)
                  for fmt in chosen_formats}
        records = {fmt: None if force else cache.fresh(
            out_dir / output_name(issue_id, edition.tag, fmt), inputs[fmt])
            for fmt in chosen_formats}
        stale = [fmt for fmt, record in records.items() if record is None]
        outputs += [cached_output(record) for record in records.values() if record]
        if stale:
            plan.append((edition, stale, inputs))
        else:
            fallbacks[edition.tag] = cached_fallbacks(next(iter(records.values())))
    issue = load_issue(project, issue_id) if plan else None     # parsed only when needed
    if issue:
        refuse_orphans(project, issue)
    composed = run_jobs([(project, issue, edition) for edition, _, _ in plan], jobs,
                        _compose_job)
    texts = {text.edition.tag: text for text in composed}
    for tag, text in texts.items():
        fallbacks[tag] = edition_fallbacks(text)
    fallbacks = {e.tag: fallbacks[e.tag] for e in chosen_editions}
    if strict and any(fallbacks.values()):
        raise_missing(project, fallbacks)
    for out in outputs:
        _fail_if_strict(strict, list(out.warnings), out.path)
    work = [(edition, inputs, group) for edition, stale, inputs in plan
            for group in ([f for f in stale if f != "epub"], [f for f in stale if f == "epub"])
            if group]                          # the PDFs and the e-book of an edition in parallel
    work.sort(key=lambda job: "epub" in job[2])    # the long PDF jobs first, then e-books
    jobs_list = [(project, texts[e.tag], group, out_dir, strict, jobs) for e, _, group in work]
    for (edition, inputs, _), written in zip(work, run_jobs(jobs_list, jobs, _write_job)):
        for out in written:
            cache.remember(out, inputs[out.format], fallbacks[edition.tag])
        outputs += written
    order = {(e.tag, f): n for n, (e, f) in enumerate(
        (e, f) for e in chosen_editions for f in chosen_formats)}
    outputs.sort(key=lambda out: order[(out.edition, out.format)])
    mixed = cache.checked_text(project, issue_id, lambda: issue_mixed_script(
        project, issue or load_issue(project, issue_id)))
    cache.save()
    return BuildResult(issue_id, tuple(outputs), fallbacks, tuple(mixed))


def _compose_job(args: tuple) -> EditionText:
    project, issue, edition = args
    log.info("composing %s", edition.tag)
    return compose_edition(project, issue, edition)


def _write_job(args: tuple) -> list[Output]:
    return write_edition(*args)


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
                  strict: bool, jobs: int | None = None) -> list[Output]:
    """Write one edition in the chosen formats: both PDFs from one layout, then the e-book."""
    outputs = []
    pdf_formats = [fmt for fmt in formats if fmt != "epub"]
    if pdf_formats:
        outputs += write_pdfs(project, text, pdf_formats, out_dir, strict, jobs)
    if "epub" in formats:
        start = time.perf_counter()
        path = out_dir / output_name(text.issue.id, text.edition.tag, "epub")
        log.info("%s epub: writing %s", text.edition.tag, path.name)
        cover = project.build / text.issue.id / ".work" / f"cover-{text.edition.tag}.png"
        write_if_changed(cover, render_cover(project, text))
        warnings, notes = write_epub(project, text, path, cover)
        _fail_if_strict(strict, warnings, path)
        outputs.append(Output(path, text.edition.tag, "epub", None, path.stat().st_size,
                              tuple(warnings), tuple(notes), time.perf_counter() - start))
    return outputs


def write_pdfs(project: Project, text: EditionText, formats: list[str], out_dir: Path,
               strict: bool, jobs: int | None = None) -> list[Output]:
    """Lay the edition out once, preflight it, and write from that layout the print PDF
    (bleed, crop marks, padded to a multiple of four pages) and the screen PDF (cut to the
    trim, tagged), at once in two processes when there are two cores."""
    start = time.perf_counter()
    log.info("%s: laying out the pages", text.edition.tag)
    document, html, warnings = render_pdf_layout(project, text)
    warnings += preflight.low_resolution_images(document) + \
        preflight.overflowing_text(document) + \
        preflight.missing_glyphs(html_text(html), project.styles / "fonts")
    families = preflight.shipped_families(project.styles / "fonts")
    laid_out = time.perf_counter() - start

    def write(fmt: str) -> Output:
        start = time.perf_counter()
        path = out_dir / output_name(text.issue.id, text.edition.tag, fmt)
        _fail_if_strict(strict, warnings, path)
        log.info("%s %s: writing %s", text.edition.tag, fmt, path.name)
        notes = []
        if fmt == "print":
            pages, padded = pages_for_print(document)
            written = write_pdf(pages, path)
            notes.append(_padding_note(len(pages.pages), padded))
        else:
            pages = pages_for_screen(document)
            written = write_pdf(pages, path, "pdf/ua-1", trim=True)
        written += preflight.foreign_fonts(pages, families)
        _fail_if_strict(strict, written, path)
        seconds = time.perf_counter() - start + (laid_out if fmt == formats[0] else 0)
        return Output(path, text.edition.tag, fmt, len(pages.pages), path.stat().st_size,
                      tuple(warnings + written), tuple(notes), seconds)

    return run_jobs(formats, jobs, write)


def preview_edition(project: Project, issue_id: str | None, edition_tag: str) -> list[Path]:
    """Write one edition's screen PDF and an HTML page for the browser (linked to styles/)
    into build/<ISSUE>/preview/; return both paths."""
    [edition] = select_editions([edition_tag])
    issue = load_issue(project, issue_id)
    text = compose_edition(project, issue, edition)
    folder = project.build / issue.id / "preview"
    document, html, _ = render_pdf_layout(project, text)
    pdf = folder / output_name(issue.id, edition.tag, "screen")
    write_pdf(pages_for_screen(document), pdf, trim=True)
    page = folder / f"infocluster-{issue.id}-{edition.tag}.html"
    write_if_changed(page, browser_html(html, project, issue).encode("utf-8"))
    return [pdf, page]


def browser_html(html: str, project: Project, issue: Issue) -> str:
    """Point the HTML at the issue's media and the styles, for a browser opening it from
    build/<ISSUE>/preview/."""
    base = os.path.relpath(issue.path, project.build / issue.id / "preview")
    hrefs = [os.path.relpath(project.styles / name, issue.path) for name in STYLESHEETS]
    links = "".join(f'<link rel="stylesheet" href="{href}">' for href in hrefs)
    return html.replace("<head>", f'<head>\n<base href="{base}/">\n{links}', 1)


def build_proofs(project: Project, issue_id: str | None = None, editions=()) -> list[Path]:
    """Render PNG proofs of each chosen edition's print pages into build/<ISSUE>/proofs/."""
    issue = load_issue(project, issue_id)
    written = []
    for edition in select_editions(editions):
        text = compose_edition(project, issue, edition)
        document, _, _ = render_pdf_layout(project, text)
        pages, _ = pages_for_print(document)
        log.info("proofs of %s", edition.tag)
        written += write_proofs(pdf_bytes(pages, trim=True),
                                project.build / issue.id / "proofs" / edition.tag)
    return written


def _padding_note(count: int, padded: int | None) -> str:
    if padded is None:
        return (f"{count} pages, not padded: the template has no pad page and back cover "
                "(see styles/README.md)")
    if padded:
        blank = "1 blank page" if padded == 1 else f"{padded} blank pages"
        return f"{blank} added before the back cover: {count} pages, a multiple of 4"
    return f"{count} pages, a multiple of 4"


def _fail_if_strict(strict: bool, warnings: list[str], path: Path) -> None:
    if strict and warnings:
        raise RenderError(f"{len(warnings)} warnings in a strict build: {warnings[0]}", path)


def html_text(html: str) -> str:
    """Return the words of an HTML document, without tags."""
    body = html.split("<body", 1)[-1]
    return unescape(re.sub(r"<[^>]+>", " ", body))


def edition_html(project: Project, text: EditionText, cover_only: bool = False):
    """Return the edition as the HTML the PDFs are laid out from, and pandoc's warnings."""
    cover = text.issue.cover.relative_to(text.issue.path.resolve()).as_posix() \
        if text.issue.cover else None
    return convert.to_html(print_document(text, cover, cover_only),
                          project.styles / "templates" / "magazine.html")


STYLESHEETS = ("fonts.css", "magazine.css", "print.css")


# The e-book's cover is drawn without print.css, so a change to the printed pages does not
# touch the e-books (graph.py): the page is the trim, with no margin.
COVER_PAGE = "@page { size: var(--trim-width) var(--trim-height); margin: 0 }"


def render_pdf_layout(project: Project, text: EditionText, cover_only=False):
    """Lay out the edition's pages (or only its cover); return the document, its HTML and
    the warnings."""
    html, warnings = edition_html(project, text, cover_only)
    allowed = [text.issue.path, project.styles, project.build]
    sheets = [project.styles / name for name in STYLESHEETS] if not cover_only else \
        [project.styles / "fonts.css", project.styles / "magazine.css", COVER_PAGE]
    document, layout_warnings = layout(html, text.issue.path, sheets, allowed,
                                       text.issue.path / "issue.yaml")
    return document, html, warnings + layout_warnings


def render_cover(project: Project, text: EditionText) -> bytes:
    """Return the edition's cover page as a PNG, for the e-book."""
    document, _, _ = render_pdf_layout(project, text, cover_only=True)
    return first_page_png(document)
