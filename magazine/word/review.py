"""Review copies in Word for proofreaders who never open a PO file, and their corrections
back into the catalogs."""

import hashlib
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import parse_xml
from docx.shared import Pt, RGBColor

from magazine.errors import CatalogError, MagazineError
from magazine.languages import LANGUAGE, edition_named
from magazine.machinery.files import atomic_path
from magazine.model import EditionText, Project
from magazine.pandoc import convert
from magazine.sources.issue import load_issue
from magazine.translation.catalog import catalog_path, read_catalog, write_catalog
from magazine.typeset.compose import compose_edition
from magazine.typeset.document import epub_document

REVIEWED = "reviewed"
SHADES = {"fuzzy": "FFE49A", "untranslated": "FFD0CC"}       # the draft tints of the PDFs


@dataclass(frozen=True)
class ReviewResult:
    """What an imported review changed in its catalog, and what it refused."""

    catalog: Path
    changed: tuple[str, ...]
    refused: tuple[str, ...]


def entry_id(msgctxt: str | None, msgid: str) -> str:
    """Return a short, stable identity of a catalog entry."""
    return hashlib.sha1(f"{msgctxt or ''}\x04{msgid}".encode()).hexdigest()[:12]


def export_review(project: Project, issue_id: str | None, lang: str, slug: str | None = None,
                  bilingual: bool = False) -> list[Path]:
    """Write Word review copies of an issue's articles (or one) into build/<ISSUE>/review/."""
    edition = edition_named(lang)
    issue = load_issue(project, issue_id)
    articles = [a for a in issue.articles if slug in (None, a.slug)]
    if not articles:
        raise MagazineError(f"no article {slug!r} in this issue", issue.path / "issue.yaml")
    folder = project.build / issue.id / "review" / edition.tag
    written = []
    if bilingual:
        for article in articles:
            if article.lang == edition.language:
                continue
            path = folder / f"{article.slug}-bilingual.docx"
            write_bilingual(project, catalog_path(project, issue, edition.language,
                                                  article.slug), article.lang, path)
            written.append(path)
        return written
    text = compose_edition(project, issue, edition)
    for composed in text.articles:
        if composed.slug in {a.slug for a in articles}:
            path = folder / f"{composed.slug}.docx"
            one = EditionText(issue, edition, (composed,))
            with atomic_path(path) as tmp:
                convert.to_docx(epub_document(one), tmp, issue.path,
                               project.styles / "reference.docx")
            written.append(path)
    return written


def write_bilingual(project: Project, catalog: Path, source_lang: str, path: Path) -> None:
    """Write a two-column table, source | translation, one row per catalog entry; fuzzy and
    untranslated rows tinted; each row's entry identity in hidden text."""
    entries = [e for e in read_catalog(catalog) if not e.obsolete]
    target = catalog.parent.name
    document = docx.Document(str(project.styles / "reference.docx"))
    document._body.clear_content()              # keep the reference's styles, not its samples
    document.core_properties.identifier = catalog.relative_to(project.root).as_posix()
    document.core_properties.title = f"INFOCLUSTER review: {document.core_properties.identifier}"
    document.core_properties.language = target
    document.add_heading(document.core_properties.title, level=1)
    document.add_paragraph(LANGUAGE[target].review_guide)
    table = document.add_table(rows=1, cols=2)
    if "Table" in {style.name for style in document.styles}:        # styles/reference.docx
        table.style = document.styles["Table"]
    source_head, target_head = LANGUAGE[target].review_columns
    table.rows[0].cells[0].text = f"{source_head} ({source_lang})"
    table.rows[0].cells[1].text = f"{target_head} ({target})"
    for entry in entries:
        source, translation = table.add_row().cells
        _lines(source, entry.msgid)
        mark = source.paragraphs[-1].add_run(f" [{entry_id(entry.msgctxt, entry.msgid)}]")
        mark.font.hidden = True
        mark.font.size = Pt(6)
        mark.font.color.rgb = RGBColor(0x99, 0x99, 0x99)
        _lines(translation, entry.msgstr)
        state = "fuzzy" if "fuzzy" in entry.flags else None if entry.msgstr else "untranslated"
        if state:
            for cell in (source, translation):
                cell._tc.get_or_add_tcPr().append(parse_xml(
                    '<w:shd xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
                    f'main" w:val="clear" w:color="auto" w:fill="{SHADES[state]}"/>'))
    with atomic_path(path) as tmp:
        document.save(str(tmp))


def _lines(cell, text: str) -> None:
    lines = text.split("\n")
    cell.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def import_review(project: Project, path: Path) -> ReviewResult:
    """Put the proofreader's corrections from a bilingual review copy into its catalog:
    changed rows become translated with a '# reviewed' comment; rows whose source changed
    since the export are refused."""
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, ValueError, KeyError) as exc:
        raise MagazineError(f"not a review copy that can be read ({exc})", path) from None
    name = document.core_properties.identifier or ""
    catalog = (project.root / name).resolve()
    if not name.endswith(".po") or not catalog.is_relative_to(project.translations.resolve()):
        raise MagazineError("this is not a bilingual review copy made by magazine export-docx "
                            "--bilingual (it names no catalog)", path)
    if not catalog.is_file():
        raise CatalogError("the catalog this review copy was made from is gone", catalog)
    po = read_catalog(catalog)
    entries = {entry_id(e.msgctxt, e.msgid): e for e in po if not e.obsolete}
    changed, refused = [], []
    for number, row in enumerate(document.tables[0].rows[1:], start=2):
        source, translation = row.cells[0], row.cells[1]
        marks = [r.text.strip(" []") for p in source.paragraphs for r in p.runs
                 if r.font.hidden]
        entry = entries.get(marks[-1]) if marks else None
        text = "\n".join(p.text for p in translation.paragraphs)
        if entry is None:
            refused.append(f"row {number}: its source changed since the export "
                           f"({_visible(source)[:50]!r}); export a new review copy")
            continue
        if text != entry.msgstr and text.strip():
            entry.msgstr = text
            entry.flags = [f for f in entry.flags if f != "fuzzy"]
            entry.previous_msgid = entry.previous_msgctxt = None
            if REVIEWED not in entry.tcomment.split("\n"):
                entry.tcomment = "\n".join(filter(None, [entry.tcomment, REVIEWED]))
            changed.append(f"row {number}: {entry.msgid[:50]!r}")
    if changed:
        write_catalog(po, catalog)
    return ReviewResult(catalog, tuple(changed), tuple(refused))


def _visible(cell) -> str:
    return "".join(r.text for p in cell.paragraphs for r in p.runs if not r.font.hidden)
