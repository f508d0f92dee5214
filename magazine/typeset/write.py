"""Write one edition's files: both PDFs from one layout (preflighted), and its e-book."""

import logging
import time

from magazine.errors import RenderError
from magazine.formats import output_name
from magazine.machinery.files import write_if_changed
from magazine.machinery.logs import refuse_warnings
from magazine.machinery.workers import run_jobs
from magazine.model import Output, WriteJob
from magazine.typeset import preflight
from magazine.typeset.epub import write_epub
from magazine.typeset.fit import lay_out_fitted, lay_out_for_press
from magazine.typeset.makeup import measure_makeup
from magazine.typeset.makeup_report import refuse_faults, unused_acceptances
from magazine.typeset.pdf import pages_for_print, pages_for_screen, write_pdf
from magazine.typeset.pdfx import press_finisher, subset_tags
from magazine.typeset.press import Press
from magazine.typeset.render import html_text, render_cover

log = logging.getLogger(__name__)


def write_edition(job: WriteJob) -> list[Output]:
    """Write one edition in the job's formats: both PDFs from one layout, then the e-book."""
    outputs = []
    pdf_formats = [fmt for fmt in job.formats if fmt != "epub"]
    if pdf_formats:
        outputs += write_pdfs(job, pdf_formats)
    if "epub" in job.formats:
        outputs.append(write_ebook(job))
    return outputs


def write_ebook(job: WriteJob) -> Output:
    """Write the edition's e-book, with its cover drawn from the printed cover page."""
    start = time.perf_counter()
    project, text = job.project, job.text
    path = job.out_dir / output_name(text.issue.id, text.edition.tag, "epub")
    log.info("%s epub: writing %s", text.edition.tag, path.name)
    cover = project.build / text.issue.id / ".work" / f"cover-{text.edition.tag}.png"
    write_if_changed(cover, render_cover(project, text))
    warnings, notes = write_epub(project, text, path, cover)
    refuse_warnings(job.strict, warnings, path)
    return Output(path, text.edition.tag, "epub", None, path.stat().st_size,
                  tuple(warnings), tuple(notes), time.perf_counter() - start)


def write_pdfs(job: WriteJob, formats: list[str]) -> list[Output]:
    """Lay the edition out once, preflight it, and write from that layout the print PDF
    (bleed, crop marks, padded to a multiple of four pages) and the screen PDF (cut to the
    trim, tagged), at once in two processes when there are two cores."""
    start = time.perf_counter()
    project, text = job.project, job.text
    log.info("%s: laying out the pages", text.edition.tag)
    fitted = lay_out_fitted(project, text)
    layout = fitted.layout
    document = layout.document
    warnings = [*layout.warnings, *preflight.low_resolution_images(document),
                *preflight.overflowing_text(document),
                *preflight.missing_glyphs(html_text(layout.html), project.styles / "fonts")]
    families = preflight.shipped_families(project.styles / "fonts")
    laid_out = time.perf_counter() - start

    def write(fmt: str) -> Output:
        start = time.perf_counter()
        path = job.out_dir / output_name(text.issue.id, text.edition.tag, fmt)
        refuse_warnings(job.strict, warnings, path)
        log.info("%s %s: writing %s", text.edition.tag, fmt, path.name)
        notes = []
        makeup = None
        if fmt == "print":
            press = lay_out_for_press(project, text, fitted)
            if len(press.document.pages) != len(document.pages):
                raise RenderError(f"laid out in the press's colours, the edition came out on "
                                  f"{len(press.document.pages)} pages instead of "
                                  f"{len(document.pages)}", path)
            pages, padded = pages_for_print(press.document)
            makeup = measure_makeup(pages, text.edition.tag)
            if job.strict:
                refuse_faults(text.issue, makeup)
            written = [*press.warnings, *write_pdf(
                pages, path, "pdf/x-4",
                finisher=press_finisher(f"{text.issue.id}/{text.edition.tag}",
                                        Press.of(project.styles).condition))]
            notes.append(padding_note(len(pages.pages), padded))
            notes += fitted.notes(text.edition.tag) + unused_acceptances(text.issue, makeup)
        else:
            pages = pages_for_screen(document)
            written = write_pdf(pages, path, "pdf/ua-1", trim=True, finisher=subset_tags)
        written += preflight.foreign_fonts(pages, families)
        refuse_warnings(job.strict, written, path)
        seconds = time.perf_counter() - start + (laid_out if fmt == formats[0] else 0)
        return Output(path, text.edition.tag, fmt, len(pages.pages), path.stat().st_size,
                      tuple(warnings + written), tuple(notes), seconds, makeup=makeup)

    return run_jobs(formats, job.jobs, write)


def padding_note(count: int, padded: int | None) -> str:
    """Say how the print PDF was padded to a multiple of four pages."""
    if padded is None:
        return (f"{count} pages, not padded: the template has no pad page and back cover "
                "(see styles/README.md)")
    if padded:
        blank = "1 blank page" if padded == 1 else f"{padded} blank pages"
        return f"{blank} added before the back cover: {count} pages, a multiple of 4"
    return f"{count} pages, a multiple of 4"

