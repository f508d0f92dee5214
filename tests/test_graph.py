"""The build graph: an output is rebuilt exactly when something it is made from changed."""

import shutil

import pypandoc
import pytest
from conftest import make_project
from pypdf import PdfReader

from magazine.build import build_issue
from magazine.pandoc import convert
from magazine.sources.issue import load_issue

FORMATS = ["print", "epub"]


def written(result) -> set:
    return {(out.edition, out.format) for out in result.outputs if not out.cached}


def everything() -> set:
    return {(e, f) for e in ("sr-Latn", "sr-Cyrl", "bg", "en") for f in FORMATS}


@pytest.fixture(scope="module")
def built_pristine(tmp_path_factory):
    """The mini fixture built once for the module in a fixed folder (work/), and a copy of
    that fresh state (pristine/, mtimes kept). The build cache records outputs by absolute
    path and the output folder is one of the graph's options, so the build is only valid in
    the folder it was made in."""
    base = tmp_path_factory.mktemp("graph")
    project = make_project(base / "work")
    assert written(build_issue(project, formats=FORMATS)) == everything()
    shutil.copytree(project.root, base / "pristine", symlinks=True)
    return project, base / "pristine"


@pytest.fixture
def built_once(built_pristine):
    """The freshly built project, restored at its own path before every test."""
    project, pristine = built_pristine
    shutil.rmtree(project.root)
    shutil.copytree(pristine, project.root, symlinks=True)
    return project


@pytest.mark.build
def test_nothing_changed_nothing_is_rebuilt(built_once):
    result = build_issue(built_once, formats=FORMATS)
    assert written(result) == set()
    assert all(out.path.exists() and out.pages != 0 for out in result.outputs)


@pytest.mark.build
def test_an_english_catalog_rebuilds_only_the_english_edition(built_once):
    catalog = built_once.translations / "07/en/susret-u-nisu.po"
    catalog.write_text(catalog.read_text().replace('msgstr "Who came"', 'msgstr "Who attended"'))
    assert written(build_issue(built_once, formats=FORMATS)) == {("en", "print"), ("en", "epub")}


@pytest.mark.build
def test_print_css_rebuilds_the_pdfs_not_the_ebooks(built_once):
    css = built_once.styles / "print.css"
    css.write_text(css.read_text() + "\n/* a designer's change */\n")
    assert written(build_issue(built_once, formats=FORMATS)) == \
        {(e, "print") for e in ("sr-Latn", "sr-Cyrl", "bg", "en")}


@pytest.mark.build
def test_epub_css_rebuilds_only_the_ebooks(built_once):
    css = built_once.styles / "epub.css"
    css.write_text(css.read_text() + "\n/* darker */\n")
    assert written(build_issue(built_once, formats=FORMATS)) == \
        {(e, "epub") for e in ("sr-Latn", "sr-Cyrl", "bg", "en")}


@pytest.mark.build
def test_an_article_or_the_options_rebuild_everything(built_once):
    article = built_once.issues / "07/articles/cross-border-table.md"
    article.write_text(article.read_text().replace("The plan", "The plan for 2027"))
    assert written(build_issue(built_once, formats=FORMATS)) == everything()
    assert written(build_issue(built_once, formats=FORMATS, force=True)) == everything()


@pytest.mark.build
def test_a_damaged_cache_or_output_is_never_trusted(built_once):
    cache = built_once.build / "07/.cache/graph.json"
    cache.write_text("{ this is not json")
    assert written(build_issue(built_once, formats=FORMATS)) == everything()
    pdf = built_once.build / "07/infocluster-07-bg-print.pdf"
    good = pdf.read_bytes()
    pdf.write_bytes(good[: len(good) // 2])                     # a half-copied file
    result = build_issue(built_once, formats=FORMATS)
    assert written(result) == {("bg", "print")}
    assert pdf.read_bytes()[:5] == b"%PDF-" and len(pdf.read_bytes()) > len(good) // 2
    text = cache.read_text()
    cache.write_text(text.replace('"inputs": "', '"inputs": "0', 1))   # a stale record
    assert len(written(build_issue(built_once, formats=FORMATS))) == 1


def test_unchanged_articles_are_not_parsed_again(project, monkeypatch, tmp_path):
    calls = []
    convert_text = pypandoc.convert_text
    monkeypatch.setattr(pypandoc, "convert_text",
                        lambda *args, **kwargs: calls.append(args) or convert_text(*args,
                                                                                   **kwargs))
    with convert.cached_in(tmp_path / "conversions"):
        first = [article.ast for article in load_issue(project, "07").articles]
        parsed = len(calls)
        again = [article.ast for article in load_issue(project, "07").articles]
        assert parsed >= len(first) and len(calls) == parsed and again == first
        article = project.issues / "07/articles/cross-border-table.md"
        article.write_text(article.read_text().replace("The plan", "The plan for 2027"))
        changed = [article.ast for article in load_issue(project, "07").articles]
    assert len(calls) == parsed + 1 and changed != first and "2027" in str(changed)


def pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


@pytest.mark.build
def test_a_damaged_conversion_cache_never_changes_an_edition(built_once):
    pdf = built_once.build / "07/infocluster-07-en-print.pdf"
    good = pdf_text(pdf)
    entries = sorted((built_once.build / "07/.cache/pandoc").glob("*/*"))
    contents = [entry.read_bytes() for entry in entries]
    assert len(entries) > 5
    for entry, other in zip(entries, contents[1:] + contents[:1], strict=True):
        entry.write_bytes(other)                              # every entry in the wrong place
    entries[0].write_bytes(contents[1][:-40])                 # and one cut short
    build_issue(built_once, editions=["en"], formats=["print"], force=True)
    assert pdf_text(pdf) == good
