"""PNG proofs of an edition's printed pages, cut to the trim: the cover, the contents, the
first article spread and a contact sheet of every page, for designers and proofreaders."""

import io
import logging
from pathlib import Path

import pypdfium2
from PIL import Image, ImageDraw

from magazine.languages import select_editions
from magazine.machinery.files import write_if_changed
from magazine.model import Project
from magazine.sources.issue import load_issue
from magazine.typeset.compose import compose_edition
from magazine.typeset.fit import lay_out_fitted
from magazine.typeset.makeup import measure_makeup
from magazine.typeset.pdf import pages_for_print, pdf_bytes

log = logging.getLogger(__name__)

PAGE_WIDTH_PX = 900          # a single page proof
THUMB_WIDTH_PX = 220         # a page on the contact sheet
GAP_PX = 16
PER_ROW = 6                  # contact sheet: three spreads a row
FAULT = (220, 0, 0)          # the frame and names of a page's makeup faults


def render_pages(pdf_bytes: bytes, width_px: int) -> list[Image.Image]:
    """Render every page of a PDF to an RGB image `width_px` wide."""
    pdf = pypdfium2.PdfDocument(pdf_bytes)
    images = []
    for page in pdf:
        scale = width_px / page.get_width()
        images.append(page.render(scale=scale).to_pil().convert("RGB"))
    return images


def spread(left: Image.Image | None, right: Image.Image) -> Image.Image:
    """Put two facing pages side by side (the first page stands alone on the right)."""
    width, height = right.size
    sheet = Image.new("RGB", (2 * width, height), "white")
    if left is not None:
        sheet.paste(left, (0, 0))
    sheet.paste(right, (width, 0))
    return sheet


def contact_sheet(pages: list[Image.Image], faults: dict | None = None) -> Image.Image:
    """Lay all pages out as spreads, page 1 alone on the right as in the printed copy; a page
    with makeup faults ({page: [kind, ...]}) gets a red frame and their names."""
    width, height = pages[0].size
    slots = [None, *pages]                              # page 1 is a right-hand page
    rows = (len(slots) + PER_ROW - 1) // PER_ROW
    sheet = Image.new("RGB", (PER_ROW * width + (PER_ROW // 2 + 1) * GAP_PX,
                              rows * (height + GAP_PX) + GAP_PX), (120, 120, 120))
    draw = ImageDraw.Draw(sheet)
    for slot, page in enumerate(slots):
        if page is None:
            continue
        row, column = divmod(slot, PER_ROW)
        x = GAP_PX + column * width + (column // 2) * GAP_PX
        y = GAP_PX + row * (height + GAP_PX)
        sheet.paste(page, (x, y))
        draw.text((x + 4, y + height - 14), str(slot), fill=(200, 0, 0))
        marked = (faults or {}).get(slot)
        if marked:
            draw.rectangle((x - 3, y - 3, x + width + 2, y + height + 2), outline=FAULT, width=3)
            for n, kind in enumerate(dict.fromkeys(marked)):
                draw.text((x + 4, y + 4 + 12 * n), kind, fill=FAULT)
    return sheet


def write_proofs(pdf_bytes: bytes, folder: Path, faults: dict | None = None) -> list[Path]:
    """Write cover.png, contents.png, spread.png and pages.png for one edition's print PDF
    (already cut to the trim), the makeup faults marked on pages.png; return the files
    written or unchanged."""
    pages = render_pages(pdf_bytes, PAGE_WIDTH_PX)
    first_spread = 3 if len(pages) > 4 else 1          # pages 4 and 5: an article's first
    proofs = {
        "cover.png": pages[0],
        "contents.png": pages[1] if len(pages) > 1 else pages[0],
        "spread.png": spread(pages[first_spread], pages[first_spread + 1])
        if len(pages) > first_spread + 1 else pages[-1],
        "pages.png": contact_sheet([p.resize((THUMB_WIDTH_PX,
                                              round(p.height * THUMB_WIDTH_PX / p.width)))
                                    for p in pages], faults),
    }
    written = []
    for name, image in proofs.items():
        out = io.BytesIO()
        image.save(out, format="PNG", optimize=True)
        write_if_changed(folder / name, out.getvalue())
        written.append(folder / name)
    return written


def build_proofs(project: Project, issue_id: str | None = None, editions=()) -> list[Path]:
    """Render PNG proofs of each chosen edition's print pages into build/<ISSUE>/proofs/."""
    issue = load_issue(project, issue_id)
    written = []
    for edition in select_editions(editions):
        text = compose_edition(project, issue, edition)
        pages, _ = pages_for_print(lay_out_fitted(project, text).layout.document)
        log.info("proofs of %s", edition.tag)
        faults: dict[int, list[str]] = {}
        for fault in measure_makeup(pages, edition.tag).all_faults:
            faults.setdefault(fault.page, []).append(fault.kind)
        written += write_proofs(pdf_bytes(pages, trim=True),
                                project.build / issue.id / "proofs" / edition.tag, faults)
    return written
