"""Compose each edition's text: the source where the edition is the article's language,
the catalog's translations otherwise, in the edition's script."""

from pathlib import Path

from magazine.errors import CatalogError
from magazine.languages import source_tag
from magazine.model import (
    Article,
    ComposedArticle,
    Edition,
    EditionText,
    Fallback,
    Issue,
    Project,
    Segment,
)
from magazine.pandoc import ast
from magazine.pandoc.ast import Span, map_nodes
from magazine.serbian.transliterate import convert_ast, to_cyrillic, to_latin
from magazine.sources.safety import check_image, check_raw_html, resolve_inside
from magazine.translation.catalog import catalog_path, live_entries
from magazine.translation.checks import entry_state, translation_problems
from magazine.translation.segment import translate_article, walk_article
from magazine.typeset.typography import bind_numbers, bind_short_words, keep_whole


def compose_edition(project: Project, issue: Issue, edition: Edition) -> EditionText:
    """Return the edition's text of every article, in the order of issue.yaml."""
    articles = tuple(compose_article(project, issue, article, edition)
                     for article in issue.articles)
    return EditionText(issue, edition, articles)


def compose_article(project: Project, issue: Issue, article: Article,
                    edition: Edition) -> ComposedArticle:
    """Return one article's text in one edition; blocks without a finished translation
    print in the source language, marked, and are listed as fallbacks."""
    fallbacks = []
    if article.lang == edition.language:
        fields, blocks = walk_article(article, lambda kind, inlines: inlines)
    else:
        path = catalog_path(project, issue, edition.language, article.slug)
        entries = live_entries(path)

        def translate(seg: Segment) -> str | None:
            entry = entries.get((seg.context, seg.text))
            if entry is None or entry_state(entry, seg.text) != "translated":
                return None
            return entry.msgstr

        def fallback(seg: Segment, inlines: list) -> list:
            entry = entries.get((seg.context, seg.text))
            state, reason = fallback_state(entry, seg)
            fallbacks.append(Fallback(path, entry.linenum if entry else None, state, seg,
                                      reason))
            return [Span(inlines, ["fallback", state.replace(" ", "-")], attributes=[
                ("lang", source_tag(article.lang, article.script)), ("title", reason)])]

        fields, blocks = translate_article(article, translate, fallback)
    author = article.author
    if edition.language == "sr":               # Serbian text may come in either script
        convert = to_cyrillic if edition.script == "Cyrl" else to_latin
        fields = {key: convert_ast(value, convert) for key, value in fields.items()}
        blocks = convert_ast(blocks, convert)
        author = convert(author)
    where = article.path if article.lang == edition.language else \
        catalog_path(project, issue, edition.language, article.slug)
    if where != article.path:                  # a translator's text may not load anything
        check_raw_html([blocks, *fields.values()], where, None, CatalogError)
    blocks = _rebase_images(_number_headings(_shift_headings(blocks), article.slug),
                            article.path.parent, issue.path, where)
    blocks = keep_whole(bind_short_words(bind_numbers(blocks), edition), edition)
    fields = {key: bind_numbers(value) for key, value in fields.items()}
    if "summary" in fields:           # the standfirst is set in lines; the title names pages
        fields["summary"] = bind_short_words(fields["summary"], edition)
    return ComposedArticle(article.slug, author, fields.get("title", []),
                           fields.get("summary", []), fields.get("section", []), blocks,
                           tuple(fallbacks))


def fallback_state(entry, seg: Segment) -> tuple[str, str]:
    """Say why a block has no printable translation: its state and a reason for people."""
    state = entry_state(entry, seg.text)
    if entry is None:
        return state, "no catalog entry yet: run make translations"
    if state == "untranslated":
        return state, "not translated yet"
    if state == "fuzzy":
        return state, "fuzzy: the source changed or the text is a suggestion; review it"
    return state, "the translation " + "; ".join(translation_problems(seg.text, entry.msgstr))


def _shift_headings(blocks: list) -> list:
    """Make the article's own headings start at level 2 (level 1 is its title)."""
    levels = [ast.header_level(b) for b in blocks if b["t"] == "Header"]
    shift = max(0, 2 - min(levels)) if levels else 0
    return [ast.with_level(b, ast.header_level(b) + shift) if b["t"] == "Header" else b
            for b in blocks]


def _number_headings(blocks: list, slug: str) -> list:
    """Give headings ids unique across the whole issue."""
    out, n = [], 0
    for b in blocks:
        if b["t"] == "Header":
            n += 1
            _, classes, attributes = ast.attr_of(b)
            b = ast.with_attr(b, [f"{slug}_h{n}", classes, attributes])
        out.append(b)
    return out


def _rebase_images(blocks, article_dir: Path, issue_dir: Path, where: Path):
    """Make image paths relative to the issue folder instead of the article's folder;
    a translation may not point anywhere else."""
    def rebase(node):
        if node["t"] != "Image":
            return None
        resolved = resolve_inside(issue_dir, article_dir, ast.target(node), where,
                                  error=CatalogError)
        check_image(issue_dir, resolved, where, error=CatalogError)
        return ast.with_target(node, resolved.relative_to(issue_dir.resolve()).as_posix())
    return map_nodes(blocks, rebase)
