"""The build graph: an output is rebuilt exactly when something it is made from changed."""

import pytest

from magazine.build import build_issue

FORMATS = ["print", "epub"]


def written(result) -> set:
    return {(out.edition, out.format) for out in result.outputs if not out.cached}


def everything() -> set:
    return {(e, f) for e in ("sr-Latn", "sr-Cyrl", "bg", "en") for f in FORMATS}


@pytest.fixture
def built_once(project):
    assert written(build_issue(project, formats=FORMATS)) == everything()
    return project


def test_nothing_changed_nothing_is_rebuilt(built_once):
    result = build_issue(built_once, formats=FORMATS)
    assert written(result) == set()
    assert all(out.path.exists() and out.pages != 0 for out in result.outputs)


def test_an_english_catalog_rebuilds_only_the_english_edition(built_once):
    catalog = built_once.translations / "07/en/susret-u-nisu.po"
    catalog.write_text(catalog.read_text().replace('msgstr "Who came"', 'msgstr "Who attended"'))
    assert written(build_issue(built_once, formats=FORMATS)) == {("en", "print"), ("en", "epub")}


def test_print_css_rebuilds_the_pdfs_not_the_ebooks(built_once):
    css = built_once.styles / "print.css"
    css.write_text(css.read_text() + "\n/* a designer's change */\n")
    assert written(build_issue(built_once, formats=FORMATS)) == \
        {(e, "print") for e in ("sr-Latn", "sr-Cyrl", "bg", "en")}


def test_epub_css_rebuilds_only_the_ebooks(built_once):
    css = built_once.styles / "epub.css"
    css.write_text(css.read_text() + "\n/* darker */\n")
    assert written(build_issue(built_once, formats=FORMATS)) == \
        {(e, "epub") for e in ("sr-Latn", "sr-Cyrl", "bg", "en")}


def test_an_article_or_the_options_rebuild_everything(built_once):
    article = built_once.issues / "07/articles/cross-border-table.md"
    article.write_text(article.read_text().replace("The plan", "The plan for 2027"))
    assert written(build_issue(built_once, formats=FORMATS)) == everything()
    assert written(build_issue(built_once, formats=FORMATS, force=True)) == everything()


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
