"""Compose each edition's text: the source where the edition is the article's language,
the catalog's translations otherwise, in the edition's script."""

from pathlib import Path

from .catalog import catalog_path, load_translations
from .errors import CatalogError
from .issue import resolve_inside
from .model import Article, ComposedArticle, Edition, EditionText, Issue, Project
from .segment import translate_article, walk_article
from .transliterate import convert_ast, to_cyrillic, to_latin
from .tree import map_nodes


def compose_edition(project: Project, issue: Issue, edition: Edition,
                    strict: bool = False) -> EditionText:
    """Return the edition's text of every article, in the order of issue.yaml."""
    articles = tuple(compose_article(project, issue, article, edition, strict)
                     for article in issue.articles)
    return EditionText(issue, edition, articles)


def compose_article(project: Project, issue: Issue, article: Article, edition: Edition,
                    strict: bool) -> ComposedArticle:
    """Return one article's text in one edition."""
    if article.lang == edition.language:
        fields, blocks = walk_article(article, lambda kind, inlines: inlines)
        missing, script = 0, article.script
    else:
        path = catalog_path(project, issue, edition.language, article.slug)
        done = load_translations(path)
        fields, blocks, missing = translate_article(
            article, lambda seg: done.get((seg.context, seg.text)))
        if missing and strict:
            raise CatalogError(f"{missing} entries are untranslated or fuzzy; a strict build "
                               "needs every entry translated", path)
        script = "Latn" if edition.language in ("sr", "en") else "Cyrl"
    author = article.author
    if edition.language == "sr" and script != edition.script:
        convert = to_cyrillic if edition.script == "Cyrl" else to_latin
        fields = {key: convert_ast(value, convert) for key, value in fields.items()}
        blocks = convert_ast(blocks, convert)
        author = convert(author)
    where = article.path if article.lang == edition.language else \
        catalog_path(project, issue, edition.language, article.slug)
    blocks = _rebase_images(_number_headings(_shift_headings(blocks), article.slug),
                            article.path.parent, issue.path, where)
    return ComposedArticle(article.slug, author, fields.get("title", []),
                           fields.get("summary", []), fields.get("section", []), blocks,
                           missing)


def _shift_headings(blocks: list) -> list:
    """Make the article's own headings start at level 2 (level 1 is its title)."""
    levels = [b["c"][0] for b in blocks if b["t"] == "Header"]
    shift = max(0, 2 - min(levels)) if levels else 0
    return [{"t": "Header", "c": [b["c"][0] + shift, *b["c"][1:]]} if b["t"] == "Header" else b
            for b in blocks]


def _number_headings(blocks: list, slug: str) -> list:
    """Give headings ids unique across the whole issue."""
    out, n = [], 0
    for b in blocks:
        if b["t"] == "Header":
            n += 1
            level, attr, inlines = b["c"]
            b = {"t": "Header", "c": [level, [f"{slug}_h{n}", attr[1], attr[2]], inlines]}
        out.append(b)
    return out


def _rebase_images(blocks, article_dir: Path, issue_dir: Path, where: Path):
    """Make image paths relative to the issue folder instead of the article's folder;
    a translation may not point anywhere else."""
    def rebase(node):
        if node["t"] != "Image":
            return None
        attr, alt, (src, title) = node["c"]
        resolved = resolve_inside(issue_dir, article_dir, src, where, error=CatalogError)
        rebased = resolved.relative_to(issue_dir.resolve()).as_posix()
        return {"t": "Image", "c": [attr, alt, [rebased, title]]}
    return map_nodes(blocks, rebase)
