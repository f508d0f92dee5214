"""Cut an article into translatable blocks, and put translated blocks back: one traversal
of pandoc's AST serves both, so what a translator sees is exactly what prints."""

import re

from magazine.model import Article, Segment
from magazine.pandoc import ast, convert
from magazine.pandoc.ast import find_nodes, map_nodes, meta_inlines, plain_text

META_FIELDS = ("title", "summary", "section")
NOTE_MARK = re.compile(r"\[\^(\d+)\]")


class _Walker:
    """Walk an article's blocks, handing each translatable run of inlines to `replace`."""

    def __init__(self, replace):
        self.replace = replace

    def blocks(self, blocks: list, kind: str) -> list:
        return [self.block(b, kind) for b in blocks]

    def block(self, b: dict, kind: str) -> dict:
        t = b["t"]
        if t in ("Para", "Plain"):
            return ast.with_content(b, self.inlines(ast.content(b), kind))
        if t == "Header":
            return ast.with_content(b, self.inlines(ast.content(b), "heading"))
        if t == "BlockQuote":
            return ast.with_content(b, self.blocks(ast.content(b), "block quote"))
        if t in ("BulletList", "OrderedList"):
            return ast.with_list_items(b, [self.blocks(item, "list item")
                                           for item in ast.list_items(b)])
        if t == "Div":
            if _is_notranslate(b):
                return b
            return ast.with_content(b, self.blocks(ast.content(b), kind))
        if t == "Table":
            table = ast.with_caption(b, self.blocks(ast.caption(b), "table caption"))
            return ast.map_table_cells(table, lambda blocks: self.blocks(blocks, "table cell"))
        if t == "Figure":
            return self.figure(b)
        if t == "LineBlock":
            joined = [x for n, line in enumerate(ast.line_block_lines(b))
                      for x in ([ast.LineBreak()] if n else []) + line]
            return ast.LineBlock(_split_lines(self.inlines(joined, "line block")))
        if t == "DefinitionList":
            return ast.DefinitionList([(self.inlines(term, "term"),
                                        [self.blocks(d, "definition") for d in definitions])
                                       for term, definitions in ast.definitions(b)])
        return b                                    # code, raw HTML, rules: not translated

    def figure(self, figure: dict) -> dict:
        caption_text = plain_text(ast.caption(figure))
        caption_blocks = self.blocks(ast.caption(figure), "caption")

        def describe(node):
            """Give each image its own description, or else the caption, as alt text."""
            if node["t"] != "Image":
                return None
            own = ast.content(node)
            if plain_text(own) and plain_text(own) != caption_text:
                described = self.inlines(own, "image description")
            else:
                described = [ast.Str(plain_text(caption_blocks))]
            return ast.with_content(node, described)
        figure = ast.with_caption(figure, caption_blocks)
        return ast.with_content(figure, map_nodes(ast.content(figure), describe))

    def inlines(self, inlines: list, kind: str) -> list:
        notes: list = []                   # numbered [^1], [^2]... within this block only
        marked = _mark_notes(inlines, notes)
        replaced = self.replace(kind, marked)
        translated_notes = {n: self.blocks(blocks, "footnote") for n, blocks in notes}
        return _restore_notes(replaced, translated_notes)


def _mark_notes(inlines: list, notes: list) -> list:
    """Put a place mark [^n] where each footnote is, collecting the notes' blocks."""
    def mark(node):
        if node["t"] != "Note":
            return None
        notes.append((len(notes) + 1, ast.content(node)))
        return ast.RawInline("markdown", f"[^{len(notes)}]")
    return map_nodes(inlines, mark)


def _restore_notes(inlines: list, notes: dict) -> list:
    """Put each footnote back at its place mark (kept as text when there is no such note)."""
    def restore(node):
        if node["t"] == "RawInline" and NOTE_MARK.fullmatch(ast.text(node)):
            return _note(int(NOTE_MARK.fullmatch(ast.text(node))[1]), notes, node)
        if node["t"] == "Str" and NOTE_MARK.search(ast.text(node)):
            pieces = NOTE_MARK.split(ast.text(node))
            return [_note(int(piece), notes, ast.Str(f"[^{piece}]")) if i % 2 else ast.Str(piece)
                    for i, piece in enumerate(pieces) if i % 2 or piece]
        return None
    return map_nodes(inlines, restore)


def _note(number: int, notes: dict, fallback: dict) -> dict:
    return ast.Note(notes[number]) if number in notes else fallback


def _split_lines(inlines: list) -> list:
    """Cut a line block's inlines back into lines at its line breaks (a span around all
    of them, as a draft's mark, is cut with them)."""
    if len(inlines) == 1 and inlines[0]["t"] == "Span":
        span = inlines[0]
        return [[ast.with_content(span, line)] for line in _split_lines(ast.content(span))]
    lines: list[list] = [[]]
    for node in inlines:
        if node["t"] == "LineBreak":
            lines.append([])
        else:
            lines[-1].append(node)
    return lines


def walk_article(article: Article, replace) -> tuple[dict, list]:
    """Run `replace(kind, inlines)` over the front-matter fields and every block, in order;
    return the new front-matter inlines and the new body blocks."""
    meta = article.ast["meta"]
    fields = {key: replace(key, meta_inlines(meta, key)) for key in META_FIELDS
              if meta_inlines(meta, key)}
    return fields, _Walker(replace).blocks(article.ast["blocks"], "paragraph")


def segment_article(article: Article) -> list[Segment]:
    """Return the article's translatable blocks in reading order, with kind and line."""
    return [seg for seg, _ in _segments_in_walk_order(article) if seg is not None]


def translate_article(article: Article, translate, fallback) -> tuple[dict, list]:
    """Put `translate(segment)` (a Markdown text, or None) in place of every block, and
    `fallback(segment, inlines)` where it gives None; return the front-matter inlines and
    the body blocks. {.notranslate} passages always keep the source's words."""
    found = _segments_in_walk_order(article)
    chosen: list[str | None] = [translate(seg) if seg is not None else None for seg, _ in found]
    wanted = {i: text for i, text in enumerate(chosen) if text is not None}
    parsed = dict(zip(wanted, convert.markdown_to_inlines(list(wanted.values()), article.path),
                      strict=True))
    position = iter(range(len(found)))

    def replace(kind, inlines):
        i = next(position)
        segment = found[i][0]
        if i in parsed:
            return _keep_untranslated(parsed[i], inlines)
        return inlines if segment is None else fallback(segment, inlines)

    return walk_article(article, replace)


def _segments_in_walk_order(article: Article) -> list[tuple[Segment | None, list]]:
    """Return (segment, inlines) for every run of inlines the walk visits; segment is None
    for a run that offers nothing to translate."""
    found = []

    def collect(kind, inlines):
        found.append((kind, inlines))
        return inlines

    walk_article(article, collect)
    texts = convert.inlines_to_markdown([inlines for _, inlines in found])
    locate = _Locator(article.source_lines)
    seen: dict[str, int] = {}
    result: list[tuple[Segment | None, list]] = []
    for (kind, inlines), text in zip(found, texts, strict=True):
        if not text or _offers_nothing(inlines):
            result.append((None, inlines))
            continue
        seen[text] = seen.get(text, 0) + 1
        context = f"{kind} {seen[text]}" if seen[text] > 1 else None
        result.append((Segment(kind, text, locate(kind, plain_text(inlines)), context), inlines))
    return result


_ADDRESS_OR_SIGNS = re.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.-]+"
                               r"|[^\w\s]+", re.IGNORECASE)


def _offers_nothing(inlines: list) -> bool:
    """Say whether a run holds only code, addresses, signs and {.notranslate} passages."""
    for node in inlines:
        t = node["t"]
        if t in ("Space", "SoftBreak", "LineBreak", "Code", "RawInline", "Math"):
            continue
        if t == "Str" and _ADDRESS_OR_SIGNS.fullmatch(ast.text(node)):
            continue
        if t in ("Link", "Span") and {"uri", "email", "notranslate"} & set(ast.classes(node)):
            continue
        return False
    return True


def _is_notranslate(node: dict) -> bool:
    return ast.is_(node, "Span", "Div") and "notranslate" in ast.classes(node)


def _keep_untranslated(translated: list, source: list) -> list:
    """Put the source's {.notranslate} passages, in order, in place of the translation's."""
    passages = iter(find_nodes(source, _is_notranslate))
    return map_nodes(translated, lambda node: next(passages, node)
                     if _is_notranslate(node) else None)


class _Locator:
    """Find the source line a block starts on (pandoc's Markdown reader gives no positions)."""

    def __init__(self, lines):
        self.lines = lines
        self.words = [_words(line) for line in lines]
        self.cursor = 0

    def __call__(self, kind: str, text: str) -> int:
        if kind in META_FIELDS:
            return self._find(lambda i: self.lines[i].startswith(f"{kind}:"), 0) or 1
        for length in (4, 2):                  # a line block's first line may be short
            probe = " ".join(_words(text).split()[:length]).join("  ")
            if kind == "footnote":
                number = self._find(lambda i, probe=probe: self.lines[i].startswith("[^")
                                    and probe in self.words[i], 0)
            else:
                number = self._find(lambda i, probe=probe: probe in self.words[i], self.cursor) \
                    or self._find(lambda i, probe=probe: probe in self.words[i], 0)
            if number:
                self.cursor = number - 1 if kind != "footnote" else self.cursor
                return number
        return 1

    def _find(self, test, start) -> int | None:
        return next((i + 1 for i in range(start, len(self.lines)) if test(i)), None)


def _words(text: str) -> str:
    return " " + " ".join(re.sub(r"[^\w]+", " ", text).split()) + " "
