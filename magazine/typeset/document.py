"""Turn an edition's composed text into pandoc AST documents: one for the PDF template
(cover, contents, articles) and one for the EPUB."""

import re

from magazine.languages import LANGUAGE, in_script, month_year, word
from magazine.model import ComposedArticle, EditionText
from magazine.pandoc import convert
from magazine.pandoc.ast import find_nodes, map_nodes
from magazine.sources.images import image_info


def _inlines(text: str) -> dict:
    return {"t": "MetaInlines", "c": [{"t": "Str", "c": text}]}


def _div(classes: list, blocks: list, ident: str = "") -> dict:
    return {"t": "Div", "c": [[ident, classes, []], blocks]}


def issue_title(text: EditionText) -> str:
    """Return the edition's document title, e.g. 'INFOCLUSTER 1: Clusters without borders'."""
    title = text.issue.titles[text.edition.language]
    return f"INFOCLUSTER {text.issue.number}: {in_script(text.edition, title)}"


def is_draft(text: EditionText) -> bool:
    """Say whether any block of the edition prints in the source language."""
    return any(article.fallbacks for article in text.articles)


def impressum_lines(text: EditionText) -> list[tuple[str, str]]:
    """Return the impressum as (label word, text): publisher, partners, issue and date,
    editions and funding, in the edition's language."""
    edition, issue = text.edition, text.issue
    return [("publisher", word(edition, "publisher-name")),
            ("partners", word(edition, "partner-names")),
            ("issue", f"{issue.number}, {month_year(edition, issue.date)}"),
            ("editions", word(edition, "edition-names")),
            ("funded", word(edition, "funding"))]


def edition_meta(text: EditionText) -> dict:
    """Return the metadata every format of an edition shares; a draft says so in its title,
    its keywords and a stamp on every page."""
    edition, issue = text.edition, text.issue
    meta = {
        "lang": {"t": "MetaString", "c": edition.tag},
        "pagetitle": {"t": "MetaString", "c": issue_title(text)},
        "edition-title": _inlines(in_script(edition, issue.titles[edition.language])),
        "issue-label": _inlines(f"{word(edition, 'issue')} {issue.number}"),
        "issue-date": _inlines(month_year(edition, issue.date)),
        "date-iso": {"t": "MetaString", "c": issue.date.isoformat()},
        "tagline": _inlines(word(edition, "tagline")),
        "funding": _inlines(word(edition, "funding")),
        "contents-title": _inlines(word(edition, "contents")),
        "author-meta": {"t": "MetaList", "c": [
            {"t": "MetaString", "c": a} for a in dict.fromkeys(x.author for x in text.articles)]},
        "description": {"t": "MetaString", "c": word(edition, "tagline")},
        "keywords": {"t": "MetaList", "c": [
            {"t": "MetaString", "c": k} for k in ["INFOCLUSTER", "Balkan Cluster",
                                                  *word(edition, "keywords").split(", ")]]},
        "impressum-title": _inlines(word(edition, "impressum")),
        "impressum": {"t": "MetaList", "c": [
            {"t": "MetaMap", "c": {"label": _inlines(word(edition, label)),
                                   "text": _inlines(text)}}
            for label, text in impressum_lines(text)]},
        "disclaimer": _inlines(word(edition, "disclaimer")),
    }
    if is_draft(text):
        draft = word(edition, "draft")
        meta["draft"] = _inlines(draft)
        meta["keywords"]["c"].append({"t": "MetaString", "c": "draft"})
        meta["pagetitle"] = {"t": "MetaString", "c": f"{issue_title(text)} ({draft})"}
    return meta


def print_document(text: EditionText, cover: str | None, cover_only: bool = False) -> dict:
    """Return the AST of the whole printed edition, footnotes as page footnotes."""
    meta = edition_meta(text)
    meta["lang"] = {"t": "MetaString", "c": text.edition.hyphenation}
    meta["articles"] = {"t": "MetaList", "c": [
        {"t": "MetaMap", "c": {
            "id": {"t": "MetaString", "c": a.slug},
            "title": {"t": "MetaInlines", "c": _no_notes(a.title)},
            "section": {"t": "MetaInlines", "c": a.section},
            "author": _inlines(a.author)}}
        for a in text.articles]}
    if cover:
        meta["cover-image"] = {"t": "MetaString", "c": cover}
    if cover_only:
        meta["cover-only"] = {"t": "MetaBool", "c": True}
        return convert.document([], meta)
    blocks = [_article_div(a, footnotes_on_page=True, issue_dir=text.issue.path)
              for a in text.articles]
    return convert.document(blocks, meta)


def epub_document(text: EditionText) -> dict:
    """Return the AST of the edition as an e-book: one chapter per article."""
    meta = edition_meta(text)
    meta["title"] = _inlines(meta["pagetitle"]["c"])
    meta["creator"] = {"t": "MetaList", "c": [
        {"t": "MetaMap", "c": {"role": {"t": "MetaString", "c": "aut"},
                               "text": {"t": "MetaString", "c": a}}}
        for a in dict.fromkeys(x.author for x in text.articles)]}
    meta["date"] = {"t": "MetaString", "c": text.issue.date.isoformat()}
    meta["toc-title"] = _inlines(word(text.edition, "contents"))
    chapters = [block for a in text.articles
                for block in _opener(a, label_above_title=False) + a.blocks]
    return convert.document(literal_quotes(chapters, text.edition.language), meta)


def literal_quotes(blocks: list, language: str) -> list:
    """Return the blocks with quotations as the language's quotation marks (characters): the
    marks the print gets from WeasyPrint's `quotes: auto`, written out for e-book readers,
    many of which ignore CSS quotes."""
    marks = LANGUAGE[language].quotes

    def quote(node):
        if node["t"] != "Quoted":
            return None
        kind, content = node["c"]
        start, end = marks[:2] if kind["t"] == "DoubleQuote" else marks[2:]
        return {"t": "Span", "c": [["", [], []], [{"t": "Str", "c": start},
                                                 *map_nodes(content, quote),
                                                 {"t": "Str", "c": end}]]}
    return map_nodes(blocks, quote)


def _article_div(article: ComposedArticle, footnotes_on_page: bool, issue_dir) -> dict:
    blocks = _page_footnotes(article.blocks) if footnotes_on_page else article.blocks
    blocks = _drop_cap(_mark_wide_figures(blocks, issue_dir))
    return _div(["article"], [_div(["opener"], _opener(article)), *_full_page_breaks(blocks)],
                article.slug)


def _figure_has_class(figure: dict, name: str) -> bool:
    """Say whether a figure or its image carries a class (pandoc puts `{.x}` on the image)."""
    images = find_nodes(figure["c"][2], lambda n: n["t"] == "Image")
    return name in figure["c"][0][1] or any(name in image["c"][0][1] for image in images)


def _full_page_breaks(blocks: list) -> list:
    """Return the body as column divs, with each {.full-page} figure between them on a page
    of its own (WeasyPrint cannot give a page to anything inside columns)."""
    parts, run = [], []
    for block in blocks:
        if block["t"] == "Figure" and _figure_has_class(block, "full-page"):
            parts += [_div(["body"], run)] if run else []
            parts.append(_div(["full-page"], [block]))
            run = []
        else:
            run.append(block)
    return parts + ([_div(["body"], run)] if run or not parts else [])


def _opener(article: ComposedArticle, label_above_title: bool = True) -> list:
    """Return the article's section label and title (the title first where each article
    starts a chapter), standfirst and byline."""
    opener = [{"t": "Header", "c": [1, [f"{article.slug}_title", ["article-title"], []],
                                    article.title]}]
    if article.section:
        label = _div(["section-label"], [{"t": "Plain", "c": article.section}])
        opener.insert(0 if label_above_title else 1, label)
    if article.summary:
        opener.append(_div(["summary"], [{"t": "Para", "c": article.summary}]))
    opener.append(_div(["byline"], [{"t": "Plain", "c": [{"t": "Str", "c": article.author}]}]))
    return opener


def _drop_cap(blocks: list) -> list:
    """Put the first letter of the article's first paragraph (with an opening quote before
    it) in a span.drop-cap: WeasyPrint cannot float ::first-letter inside columns."""
    for n, block in enumerate(blocks):
        if block["t"] == "Para":
            return blocks[:n] + [{"t": "Para", "c": _first_letter(block["c"])}] + blocks[n + 1:]
    return blocks


def _first_letter(inlines: list) -> list:
    if not inlines:
        return inlines
    first, rest = inlines[0], inlines[1:]
    if first["t"] == "Str":
        match = re.match(r"^([\"'„“‘«(]*\w)(.*)$", first["c"])
        if not match:
            return inlines
        letter = {"t": "Span", "c": [["", ["drop-cap"], []], [{"t": "Str", "c": match[1]}]]}
        return [letter, *([{"t": "Str", "c": match[2]}] if match[2] else []), *rest]
    if first["t"] in ("Emph", "Strong"):
        return [{"t": first["t"], "c": _first_letter(first["c"])}, *rest]
    if first["t"] == "Span":
        return [{"t": "Span", "c": [first["c"][0], _first_letter(first["c"][1])]}, *rest]
    return inlines


WIDE = 1.25     # a figure this much wider than tall spans both columns


def _mark_wide_figures(blocks: list, issue_dir) -> list:
    """Give figures whose image is landscape the class "wide" (full width in print)."""
    def mark(node):
        if node["t"] != "Figure":
            return None
        images = find_nodes(node["c"][2], lambda n: n["t"] == "Image")
        infos = [image_info(issue_dir / img["c"][2][0]) for img in images]
        if not any(info and info.aspect >= WIDE for info in infos):
            return node
        attr = node["c"][0]
        return {"t": "Figure", "c": [[attr[0], [*attr[1], "wide"], attr[2]], *node["c"][1:]]}
    return map_nodes(blocks, mark)


def _page_footnotes(blocks: list) -> list:
    """Turn pandoc notes into spans that WeasyPrint floats to the foot of the page."""
    def float_note(node):
        if node["t"] != "Note":
            return None
        inlines = convert.block_inlines(map_nodes(node["c"], float_note))
        return {"t": "Span", "c": [["", ["footnote"], []], inlines]}
    return map_nodes(blocks, float_note)


def _no_notes(node):
    if isinstance(node, list):
        return [_no_notes(x) for x in node if not (isinstance(x, dict) and x.get("t") == "Note")]
    return node
