"""Word documents in: an author's .docx becomes an article of the issue."""

import re
import subprocess
import zipfile
from pathlib import Path

import docx
import pypandoc
import pytest
from conftest import run_magazine
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.shared import Pt
from PIL import Image
from pypdf import PdfReader

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def python_docx_document(folder: Path) -> Path:
    """An article as a cluster manager writes it in Word (made with python-docx)."""
    picture = folder / "photo.png"
    Image.new("RGB", (1200, 800), "teal").save(picture, dpi=(300, 300))
    document = docx.Document()
    document.core_properties.author = "Jelena Ilić"
    document.core_properties.language = "sr-Latn-RS"
    document.add_paragraph("Klasteri na okupu u Pirotu", style="Title")
    document.add_paragraph("Kratak pregled sastanka klastera.", style="Subtitle")
    naslov = document.styles.add_style("Naslov 1", WD_STYLE_TYPE.PARAGRAPH)
    naslov.base_style = document.styles["Normal"]
    document.add_paragraph("Ko je učestvovao", style="Naslov 1")
    body = document.add_paragraph("Sastanku su prisustvovali predstavnici klastera")
    body.add_run().add_break()                                      # a soft return
    body.add_run("iz Pirota i Niša, 20\u00a0km od granice.")
    by_hand = document.add_paragraph().add_run("Šta je dogovoreno")
    by_hand.bold, by_hand.font.size = True, Pt(16)
    edited = document.add_paragraph("Dogovoren je ")
    edited._p.append(parse_xml(f'<w:ins {W_NS} w:id="1" w:author="Urednik" '
                               'w:date="2026-11-01T10:00:00Z"><w:r><w:t xml:space="preserve">'
                               'zajednički </w:t></w:r></w:ins>'))
    edited._p.append(parse_xml(f'<w:del {W_NS} w:id="2" w:author="Urednik" '
                               'w:date="2026-11-01T10:00:00Z"><w:r><w:delText>stari '
                               '</w:delText></w:r></w:del>'))
    commented = edited.add_run("plan rada.")
    document.add_comment([commented], text="Proveriti datum.", author="Marko")
    table = document.add_table(rows=2, cols=2)
    for cell, text in zip(table._cells, ("Grad", "Klasteri", "Pirot", "4"), strict=True):
        cell.text = text
    document.add_picture(str(picture))
    path = folder / "pirot.docx"
    document.save(path)
    return path


def pandoc_document(folder: Path) -> Path:
    """An article written by another program (pandoc), with a footnote, a table, an image."""
    Image.new("RGB", (900, 600), "navy").save(folder / "chart.png", dpi=(300, 300))
    markdown = ("---\ntitle: \"Cross-border links grow\"\nauthor: \"Mark Evans\"\n---\n\n"
                "# What changed\n\nThe partners signed *three* agreements this spring.[^1]\n\n"
                "| Town | Agreements |\n|---|---|\n| Niš | 2 |\n| Sofia | 1 |\n\n"
                "![Agreements by town](chart.png)\n\n[^1]: All three are public.\n")
    path = folder / "links.docx"
    pypandoc.convert_text(markdown, "docx", format="markdown", outputfile=str(path),
                          extra_args=[f"--resource-path={folder}"])
    return path


def test_import_reads_what_word_has_and_says_what_it_left_out(project, tmp_path):
    source = python_docx_document(tmp_path)
    manifest = project.issues / "07/issue.yaml"
    done = run_magazine(project, "import-docx", str(source))
    assert done.returncode == 0, done.stderr
    article = project.issues / "07/articles/klasteri-na-okupu-u-pirotu.md"
    text = article.read_text()
    front, body = text.split("---\n")[1:3]
    assert 'title: "Klasteri na okupu u Pirotu"' in front
    assert 'author: "Jelena Ilić"' in front and "lang: sr" in front
    assert 'summary: "Kratak pregled sastanka klastera."' in front
    assert "# Ko je učestvovao" in body                           # localised heading style
    assert "# Šta je dogovoreno" in body                          # heading made by hand
    assert "klastera iz Pirota" in body and "\\\n" not in body   # soft return: a space
    assert "20\u00a0km" in body                                   # non-breaking space kept
    assert "Dogovoren je zajednički plan rada." in body            # tracked changes accepted
    assert "stari" not in body and "Proveriti" not in body
    assert re.search(r"\|\s*Grad\s*\|\s*Klasteri\s*\|", body)     # a pipe table
    assert "![](../media/klasteri-na-okupu-u-pirotu-1.png)" in body
    assert (project.issues / "07/media/klasteri-na-okupu-u-pirotu-1.png").exists()
    assert "Klasteri na okupu u Pirotu" not in body               # title not repeated
    assert "accepted 1 tracked insertions and 1 tracked deletions" in done.stdout
    assert "comment left out, by Marko: 'Proveriti datum.'" in done.stdout
    assert "the document says sr-Latn-RS" in done.stdout
    lines = manifest.read_text().split("\n")
    assert lines[0].startswith("# A small issue")                 # comments kept
    articles = [line.strip() for line in lines if line.strip().startswith("- ")]
    assert articles == ["- susret-u-nisu", "- sofia-seminar", "- cross-border-table",
                        "- klasteri-na-okupu-u-pirotu"]
    again = run_magazine(project, "import-docx", str(source))
    assert again.returncode == 1 and "--force" in again.stderr
    assert article.read_text() == text


@pytest.mark.build
def test_imported_articles_reach_every_edition(project, tmp_path):
    for source in (python_docx_document(tmp_path), pandoc_document(tmp_path)):
        done = run_magazine(project, "import-docx", str(source))
        assert done.returncode == 0, done.stderr
    links = (project.issues / "07/articles/cross-border-links-grow.md").read_text()
    assert "lang: en" in links and "[^1]" in links and "All three are public." in links
    assert run_magazine(project, "translations", "update").returncode == 0
    assert (project.translations / "07/bg/cross-border-links-grow.po").exists()
    build = run_magazine(project, "build", "-f", "print")
    assert build.returncode == 0, build.stderr
    for edition, words in (("sr-Latn", "Ko je učestvovao"), ("sr-Cyrl", "Ко је учествовао"),
                           ("bg", "Ko je učestvovao"), ("en", "Ko je učestvovao")):
        pdf = project.build / f"07/infocluster-07-{edition}-print.pdf"
        text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages)
        assert words in text, edition                         # untranslated: the source
        assert "three" in text or "What changed" in text


@pytest.mark.parametrize("content, message", [
    (b"this is not a Word file", "not a Word .docx file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "encrypted (password-protected)"),
])
def test_a_file_that_is_no_docx_gets_one_line(project, tmp_path, content, message):
    source = tmp_path / "broken.docx"
    source.write_bytes(content)
    before = (project.issues / "07/issue.yaml").read_text()
    done = run_magazine(project, "import-docx", str(source))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and message in done.stderr
    assert (project.issues / "07/issue.yaml").read_text() == before


def test_an_image_the_magazine_cannot_print_is_named(project, tmp_path):
    source = python_docx_document(tmp_path)
    patched = tmp_path / "emf.docx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(patched, "w") as new:
        for item in old.infolist():
            data = old.read(item)
            name = item.filename.replace(".png", ".emf")
            if name.endswith((".rels", ".xml")):
                data = data.replace(b".png", b".emf").replace(
                    b'Extension="png" ContentType="image/png"',
                    b'Extension="emf" ContentType="image/x-emf"')
            new.writestr(name, data)
    done = run_magazine(project, "import-docx", str(patched))
    assert done.returncode == 1 and "is EMF, which the magazine cannot print" in done.stderr
    assert not (project.issues / "07/articles/klasteri-na-okupu-u-pirotu.md").exists()


# --- review copies ---

def test_review_round_trip_puts_a_proofreaders_correction_into_the_catalog(project):
    catalog = project.translations / "07/en/susret-u-nisu.po"
    original = catalog.read_bytes()
    done = run_magazine(project, "export-docx", "--lang", "en", "--bilingual")
    assert done.returncode == 0, done.stderr
    copy = project.build / "07/review/en/susret-u-nisu-bilingual.docx"
    assert run_magazine(project, "import-review", str(copy)).returncode == 0
    assert catalog.read_bytes() == original                         # no edits: no change
    document = docx.Document(str(copy))
    [row] = [r for r in document.tables[0].rows if r.cells[1].text == "Who came"]
    row.cells[1].paragraphs[0].runs[0].text = "Who took part"
    edited = project.root / "edited.docx"
    document.save(str(edited))
    done = run_magazine(project, "import-review", str(edited))
    assert done.returncode == 0, done.stderr
    assert "1 corrections" in done.stdout and "'Ko je došao'" in done.stdout
    from magazine.translation.catalog import read_catalog
    entry = read_catalog(catalog).find("Ko je došao")
    assert (entry.msgstr, entry.flags, entry.tcomment) == ("Who took part", [], "reviewed")
    check = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(catalog)],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    article = project.issues / "07/articles/susret-u-nisu.md"
    article.write_text(article.read_text().replace("## Ko je došao", "## Ko je sve došao"))
    assert run_magazine(project, "translations", "update").returncode == 0
    stale = run_magazine(project, "import-review", str(edited))
    assert "refused row" in stale.stdout and "source changed since the export" in stale.stdout


def test_bilingual_copy_tints_rows_that_are_not_ready(project):
    article = project.issues / "07/articles/susret-u-nisu.md"
    article.write_text(article.read_text().replace("Udruženja preduzetnika",
                                                   "Udruženja malih preduzetnika"))
    assert run_magazine(project, "translations", "update").returncode == 0
    assert run_magazine(project, "export-docx", "--lang", "bg", "--bilingual",
                        "--article", "susret-u-nisu").returncode == 0
    copy = project.build / "07/review/bg/susret-u-nisu-bilingual.docx"
    document = docx.Document(str(copy))
    rows = {r.cells[0].text.split(" [")[0]: r for r in document.tables[0].rows}
    fuzzy = rows["Udruženja malih preduzetnika"].cells[1]._tc.xml
    assert 'w:fill="FFE49A"' in fuzzy
    assert "w:fill" not in rows["Ko je došao"].cells[1]._tc.xml
    hidden = [r for r in rows["Ko je došao"].cells[0].paragraphs[-1].runs if r.font.hidden]
    assert len(hidden) == 1 and re.fullmatch(r" \[[0-9a-f]{12}\]", hidden[0].text)


def test_monolingual_copy_is_the_edition_text_styled_for_word(project):
    done = run_magazine(project, "export-docx", "--lang", "sr-Cyrl", "--article",
                        "cross-border-table")
    assert done.returncode == 0, done.stderr
    copy = project.build / "07/review/sr-Cyrl/cross-border-table.docx"
    document = docx.Document(str(copy))
    styles = [p.style.name for p in document.paragraphs]
    assert "Heading 1" in styles and "Heading 2" in styles
    assert any("План" in p.text for p in document.paragraphs)
    assert len(document.tables) == 1
    with zipfile.ZipFile(copy) as package:
        notes = package.read("word/footnotes.xml").decode()
    assert "Оба документа" in notes or "документ" in notes
