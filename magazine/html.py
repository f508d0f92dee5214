"""Turn an edition's composed text into pandoc AST documents: one for the PDF template
(cover, contents, articles) and one for the EPUB."""

from . import pandoc
from .editions import in_script, month_year, word
from .model import ComposedArticle, EditionText
from .tree import map_nodes


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
    }
    if is_draft(text):
        draft = word(edition, "draft")
        meta["draft"] = _inlines(draft)
        meta["keywords"] = {"t": "MetaList", "c": [{"t": "MetaString", "c": "draft"}]}
        meta["pagetitle"] = {"t": "MetaString", "c": f"{issue_title(text)} ({draft})"}
    return meta


def print_document(text: EditionText, cover: str | None, cover_only: bool = False) -> dict:
    """Return the AST of the whole printed edition, footnotes as page footnotes."""
    meta = edition_meta(text)
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
        return pandoc.document([], meta)
    blocks = [_article_div(a, footnotes_on_page=True) for a in text.articles]
    return pandoc.document(blocks, meta)


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
    return pandoc.document(chapters, meta)


def _article_div(article: ComposedArticle, footnotes_on_page: bool) -> dict:
    blocks = _page_footnotes(article.blocks) if footnotes_on_page else article.blocks
    return _div(["article"], [_div(["opener"], _opener(article)), _div(["body"], blocks)],
                article.slug)


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


def _page_footnotes(blocks: list) -> list:
    """Turn pandoc notes into spans that WeasyPrint floats to the foot of the page."""
    def float_note(node):
        if node["t"] != "Note":
            return None
        inlines = pandoc.block_inlines(map_nodes(node["c"], float_note))
        return {"t": "Span", "c": [["", ["footnote"], []], inlines]}
    return map_nodes(blocks, float_note)


def _no_notes(node):
    if isinstance(node, list):
        return [_no_notes(x) for x in node if not (isinstance(x, dict) and x.get("t") == "Note")]
    return node
