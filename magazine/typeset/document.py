"""Turn an edition's composed text into pandoc AST documents: one for the PDF template
(cover, contents, articles) and one for the EPUB."""

import re

from magazine.languages import LANGUAGE, in_script, month_year, word
from magazine.model import ComposedArticle, EditionText
from magazine.pandoc import ast, convert
from magazine.pandoc.ast import (
    Div,
    Header,
    Image,
    MetaBool,
    MetaInlines,
    MetaList,
    MetaMap,
    MetaString,
    Para,
    Plain,
    Span,
    Str,
    find_nodes,
    map_nodes,
    meta_text,
)
from magazine.sources.images import image_info


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
            ("funded", f"{funding_text(text, 'statement')}: {funding_text(text, 'programme')}"),
            ("beneficiary", funding_text(text, "beneficiary"))]


def funding_text(text: EditionText, key: str) -> str:
    """Return one of the EU programme's texts (issues/funding.yaml) in the edition's
    language and script."""
    return in_script(text.edition, getattr(text.issue.funding, key)[text.edition.language])


def edition_meta(text: EditionText) -> dict:
    """Return the metadata every format of an edition shares; a draft says so in its title,
    its keywords and a stamp on every page."""
    edition, issue = text.edition, text.issue
    keywords = ["INFOCLUSTER", "Balkan Cluster", *word(edition, "keywords").split(", "),
                *(["draft"] if is_draft(text) else [])]
    meta = {
        "lang": MetaString(edition.tag),
        "pagetitle": MetaString(issue_title(text)),
        "edition-title": meta_text(in_script(edition, issue.titles[edition.language])),
        "issue-label": meta_text(f"{word(edition, 'issue')} {issue.number}"),
        "issue-date": meta_text(month_year(edition, issue.date)),
        "date-iso": MetaString(issue.date.isoformat()),
        "tagline": meta_text(word(edition, "tagline")),
        "eu-emblem": MetaString(issue.funding.emblem.as_uri()),
        "eu-emblem-alt": MetaString(word(edition, "eu-emblem")),
        **({"programme-logo": MetaString(issue.funding.logo.as_uri())}
           if issue.funding.logo else {}),
        "eu-statement": meta_text(funding_text(text, "statement")),
        "programme": meta_text(funding_text(text, "programme")),
        "beneficiary": meta_text(funding_text(text, "beneficiary")),
        "contents-title": meta_text(word(edition, "contents")),
        "author-meta": MetaList([MetaString(a) for a in _authors(text)]),
        "description": MetaString(word(edition, "tagline")),
        "keywords": MetaList([MetaString(k) for k in keywords]),
        "impressum-title": meta_text(word(edition, "impressum")),
        "impressum": MetaList([
            MetaMap({"label": meta_text(word(edition, label)), "text": meta_text(line)})
            for label, line in impressum_lines(text)]),
        "disclaimer": meta_text(funding_text(text, "disclaimer")),
    }
    if is_draft(text):
        draft = word(edition, "draft")
        meta["draft"] = meta_text(draft)
        meta["pagetitle"] = MetaString(f"{issue_title(text)} ({draft})")
    return meta


SHORT_CONTENTS = 8      # more articles than this: the contents page sets them in two columns


def print_document(text: EditionText, cover: str | None, cover_only: bool = False,
                   fitting: bool = False) -> dict:
    """Return the AST of the whole printed edition, footnotes as page footnotes (or, when
    `fitting`, only its articles, for the fitter)."""
    meta = edition_meta(text)
    meta["lang"] = MetaString(text.edition.hyphenation)
    meta["articles"] = MetaList([
        MetaMap({"id": MetaString(a.slug),
                 "title": MetaInlines([x for x in a.title if not ast.is_(x, "Note")]),
                 "section": MetaInlines(a.section),
                 "author": meta_text(a.author)})
        for a in text.articles])
    if cover:
        meta["cover-image"] = MetaString(cover)
    if len(text.articles) > SHORT_CONTENTS:
        meta["long-contents"] = MetaBool(True)
    if cover_only:
        meta["cover-only"] = MetaBool(True)
        return convert.document([], meta)
    if fitting:
        meta["fitting"] = MetaBool(True)
    blocks = [_article_div(a, footnotes_on_page=True, issue_dir=text.issue.path)
              for a in text.articles]
    return convert.document(blocks, meta)


def epub_document(text: EditionText) -> dict:
    """Return the AST of the edition as an e-book: one chapter per article."""
    meta = edition_meta(text)
    meta["title"] = meta_text(ast.meta_string(meta, "pagetitle"))
    meta["creator"] = MetaList([MetaMap({"role": MetaString("aut"), "text": MetaString(a)})
                                for a in _authors(text)])
    meta["date"] = MetaString(text.issue.date.isoformat())
    meta["toc-title"] = meta_text(word(text.edition, "contents"))
    chapters = [block for a in text.articles
                for block in _opener(a, label_above_title=False) + a.blocks]
    return convert.document(literal_quotes(chapters, text.edition.language) +
                            imprint_chapter(text), meta)


def imprint_chapter(text: EditionText) -> list:
    """Return the e-book's imprint, as the print's page 2 has it: the EU emblem with the
    statement beside it, the impressum and the disclaimer."""
    edition = text.edition
    emblem = Image(text.issue.funding.emblem.as_posix(), ["eu-emblem"],
                   [Str(word(edition, "eu-emblem"))])
    lines = [Para([Span([Str(f"{word(edition, label)}:")], ["label"]), Str(" "), Str(line)])
             for label, line in impressum_lines(text)]
    return [Header(1, [Str(word(edition, "impressum"))], "imprint", ["imprint-title"]),
            Div([Plain([emblem]), Para([Str(funding_text(text, "statement"))])],
                ["eu-funding"]),
            Div(lines, ["impressum"]),
            Div([Para([Str(funding_text(text, "disclaimer"))])], ["disclaimer"])]


def literal_quotes(blocks: list, language: str) -> list:
    """Return the blocks with quotations as the language's quotation marks (characters): the
    marks the print gets from WeasyPrint's `quotes: auto`, written out for e-book readers,
    many of which ignore CSS quotes."""
    marks = LANGUAGE[language].quotes

    def quote(node):
        if node["t"] != "Quoted":
            return None
        start, end = marks[:2] if ast.is_double_quote(node) else marks[2:]
        return Span([Str(start), *map_nodes(ast.content(node), quote), Str(end)])
    return map_nodes(blocks, quote)


def _article_div(article: ComposedArticle, footnotes_on_page: bool, issue_dir) -> dict:
    blocks = _page_footnotes(article.blocks) if footnotes_on_page else article.blocks
    blocks = _drop_cap(mark_wide_figures(_name_optional(blocks, article.slug), issue_dir))
    return Div([Div(_opener(article), ["opener"]), *_full_page_breaks(blocks)], ["article"],
               article.slug)


def is_optional_quote(block: dict) -> bool:
    """Say whether a block is a pull quote the author lets the copy fitting drop: a fenced
    div of class "optional" (`::: optional`) around a block quote."""
    return block["t"] == "Div" and "optional" in ast.classes(block) and \
        [b["t"] for b in ast.content(block)] == ["BlockQuote"]


def optional_ids(article: ComposedArticle) -> list[str]:
    """Return the print's ids of the article's pull quotes the fitting may drop, in order."""
    return [_optional_id(article.slug, n) for n in
            range(1, sum(map(is_optional_quote, article.blocks)) + 1)]


def _optional_id(slug: str, n: int) -> str:
    return f"{slug}-optional-{n}"


def _name_optional(blocks: list, slug: str) -> list:
    """Give each pull quote the fitting may drop its id (optional_ids)."""
    named, count = [], 0
    for block in blocks:
        if is_optional_quote(block):
            count += 1
            ident, classes, attributes = ast.attr_of(block)
            block = ast.with_attr(block, [_optional_id(slug, count), classes, attributes])
        named.append(block)
    return named


def figure_has_class(figure: dict, name: str) -> bool:
    """Say whether a figure or its image carries a class (pandoc puts `{.x}` on the image)."""
    images = find_nodes(ast.content(figure), lambda n: n["t"] == "Image")
    return name in ast.classes(figure) or any(name in ast.classes(image) for image in images)


def _full_page_breaks(blocks: list) -> list:
    """Return the body as column divs, with each {.full-page} figure between them on a page
    of its own (WeasyPrint cannot give a page to anything inside columns)."""
    parts: list = []
    run: list = []
    for block in blocks:
        if block["t"] == "Figure" and figure_has_class(block, "full-page"):
            parts += [Div(run, ["body"])] if run else []
            parts.append(Div([block], ["full-page"]))
            run = []
        else:
            run.append(block)
    return parts + ([Div(run, ["body"])] if run or not parts else [])


def _opener(article: ComposedArticle, label_above_title: bool = True) -> list:
    """Return the article's section label and title (the title first where each article
    starts a chapter), standfirst and byline."""
    opener = [Header(1, article.title, f"{article.slug}_title", ["article-title"])]
    if article.section:
        label = Div([Plain(article.section)], ["section-label"])
        opener.insert(0 if label_above_title else 1, label)
    if article.summary:
        opener.append(Div([Para(article.summary)], ["summary"]))
    opener.append(Div([Plain([Str(article.author)])], ["byline"]))
    return opener


def _drop_cap(blocks: list) -> list:
    """Put the first letter of the article's first paragraph (with an opening quote before
    it) in a span.drop-cap: WeasyPrint cannot float ::first-letter inside columns; the rest
    of its word goes whole."""
    for n, block in enumerate(blocks):
        if block["t"] == "Para":
            return blocks[:n] + [Para(_first_letter(ast.content(block)))] + blocks[n + 1:]
    return blocks


def _first_letter(inlines: list) -> list:
    if not inlines:
        return inlines
    first, rest = inlines[0], inlines[1:]
    if first["t"] == "Str":
        match = re.match(r"^([\"'„“‘«(]*\w)(.*)$", ast.text(first))
        if not match:
            return inlines
        letter = Span([Str(match[1])], ["drop-cap"])
        # the rest of the word beside the drop cap is never hyphenated: a syllable left
        # alone on the first line reads as a word of its own
        return [letter, *([Span([Str(match[2])], ["keep-whole"])] if match[2] else []), *rest]
    if first["t"] in ("Emph", "Strong", "Span"):
        return [ast.with_content(first, _first_letter(ast.content(first))), *rest]
    return inlines


WIDE = 1.25     # a figure this much wider than tall spans both columns


def mark_wide_figures(blocks: list, issue_dir) -> list:
    """Give figures whose image is landscape the class "wide" (full width in print)."""
    def mark(node):
        if node["t"] != "Figure":
            return None
        images = find_nodes(ast.content(node), lambda n: n["t"] == "Image")
        infos = [image_info(issue_dir / ast.target(img)) for img in images]
        if not any(info and info.aspect >= WIDE for info in infos):
            return node
        ident, classes, attributes = ast.attr_of(node)
        return ast.with_attr(node, [ident, [*classes, "wide"], attributes])
    return map_nodes(blocks, mark)


def _page_footnotes(blocks: list) -> list:
    """Turn pandoc notes into spans that WeasyPrint floats to the foot of the page."""
    def float_note(node):
        if node["t"] != "Note":
            return None
        inlines = ast.block_inlines(map_nodes(ast.content(node), float_note))
        return Span(inlines, ["footnote"])
    return map_nodes(blocks, float_note)


def _authors(text: EditionText) -> list[str]:
    """Return the edition's authors, each once, in the order of their articles."""
    return list(dict.fromkeys(article.author for article in text.articles))
