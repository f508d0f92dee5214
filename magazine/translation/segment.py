"""Cut an article into translatable blocks, and put translated blocks back: one traversal
of pandoc's AST serves both, so what a translator sees is exactly what prints."""

import re

from magazine.model import Article, Segment
from magazine.pandoc import convert
from magazine.pandoc.ast import find_nodes, map_nodes

META_FIELDS = ("title", "summary", "section")
NOTE_MARK = re.compile(r"\[\^(\d+)\]")
_INLINE_CONTAINERS = {"Emph", "Strong", "Strikeout", "Superscript", "Subscript", "SmallCaps",
                      "Underline"}


class _Walker:
    """Walk an article's blocks, handing each translatable run of inlines to `replace`."""

    def __init__(self, replace):
        self.replace = replace

    def blocks(self, blocks: list, kind: str) -> list:
        return [self.block(b, kind) for b in blocks]

    def block(self, b: dict, kind: str) -> dict:
        t, c = b["t"], b.get("c")
        if t in ("Para", "Plain"):
            return {"t": t, "c": self.inlines(c, kind)}
        if t == "Header":
            return {"t": t, "c": [c[0], c[1], self.inlines(c[2], "heading")]}
        if t == "BlockQuote":
            return {"t": t, "c": self.blocks(c, "block quote")}
        if t == "BulletList":
            return {"t": t, "c": [self.blocks(item, "list item") for item in c]}
        if t == "OrderedList":
            return {"t": t, "c": [c[0], [self.blocks(item, "list item") for item in c[1]]]}
        if t == "Div":
            if _is_notranslate(b):
                return b
            return {"t": t, "c": [c[0], self.blocks(c[1], kind)]}
        if t == "Table":
            return {"t": t, "c": self.table(c)}
        if t == "Figure":
            return {"t": t, "c": self.figure(c)}
        if t == "LineBlock":
            joined = [x for n, line in enumerate(c)
                      for x in ([{"t": "LineBreak"}] if n else []) + line]
            return {"t": t, "c": _split_lines(self.inlines(joined, "line block"))}
        if t == "DefinitionList":
            return {"t": t, "c": [[self.inlines(term, "term"),
                                   [self.blocks(d, "definition") for d in definitions]]
                                  for term, definitions in c]}
        return b                                    # code, raw HTML, rules: not translated

    def table(self, c: list) -> list:
        attr, caption, colspecs, head, bodies, foot = c
        caption = [caption[0], self.blocks(caption[1], "table caption")]
        head = [head[0], [self.row(r) for r in head[1]]]
        bodies = [[body[0], body[1], [self.row(r) for r in body[2]], [self.row(r) for r in body[3]]]
                  for body in bodies]
        foot = [foot[0], [self.row(r) for r in foot[1]]]
        return [attr, caption, colspecs, head, bodies, foot]

    def row(self, row: list) -> list:
        attr, cells = row
        return [attr, [[*cell[:4], self.blocks(cell[4], "table cell")] for cell in cells]]

    def figure(self, c: list) -> list:
        attr, caption, content = c
        caption_text = plain_text(caption[1])
        caption_blocks = self.blocks(caption[1], "caption")

        def describe(node):
            """Give each image its own description, or else the caption, as alt text."""
            if node["t"] != "Image":
                return None
            own = node["c"][1]
            if plain_text(own) and plain_text(own) != caption_text:
                described = self.inlines(own, "image description")
            else:
                described = [{"t": "Str", "c": plain_text(caption_blocks)}]
            return {"t": "Image", "c": [node["c"][0], described, node["c"][2]]}
        return [attr, [caption[0], caption_blocks], map_nodes(content, describe)]

    def inlines(self, inlines: list, kind: str) -> list:
        notes = []                         # numbered [^1], [^2]... within this block only
        marked = _mark_notes(inlines, notes)
        replaced = self.replace(kind, marked)
        translated_notes = {n: self.blocks(blocks, "footnote") for n, blocks in notes}
        return _restore_notes(replaced, translated_notes)


def _mark_notes(inlines: list, notes: list) -> list:
    out = []
    for node in inlines:
        if node["t"] == "Note":
            notes.append((len(notes) + 1, node["c"]))
            out.append({"t": "RawInline", "c": ["markdown", f"[^{len(notes)}]"]})
        else:
            out.append(_map_children(node, lambda xs: _mark_notes(xs, notes)))
    return out


def _restore_notes(inlines: list, notes: dict) -> list:
    out = []
    for node in inlines:
        if node["t"] == "RawInline" and NOTE_MARK.fullmatch(node["c"][1]):
            number = int(NOTE_MARK.fullmatch(node["c"][1]).group(1))
            out.append(_note(number, notes, node))
        elif node["t"] == "Str" and NOTE_MARK.search(node["c"]):
            for i, piece in enumerate(NOTE_MARK.split(node["c"])):
                if i % 2:
                    out.append(_note(int(piece), notes, {"t": "Str", "c": f"[^{piece}]"}))
                elif piece:
                    out.append({"t": "Str", "c": piece})
        else:
            out.append(_map_children(node, lambda xs: _restore_notes(xs, notes)))
    return out


def _note(number: int, notes: dict, fallback: dict) -> dict:
    return {"t": "Note", "c": notes[number]} if number in notes else fallback


def _map_children(node: dict, fn) -> dict:
    """Apply fn to the inline lists directly inside an inline node."""
    t, c = node["t"], node.get("c")
    if t in _INLINE_CONTAINERS:
        return {"t": t, "c": fn(c)}
    if t in ("Quoted", "Cite", "Span"):
        return {"t": t, "c": [c[0], fn(c[1])]}
    if t in ("Link", "Image"):
        return {"t": t, "c": [c[0], fn(c[1]), c[2]]}
    return node


def _split_lines(inlines: list) -> list:
    """Cut a line block's inlines back into lines at its line breaks (a span around all
    of them, as a draft's mark, is cut with them)."""
    if len(inlines) == 1 and inlines[0]["t"] == "Span":
        attr, content = inlines[0]["c"]
        return [[{"t": "Span", "c": [attr, line]}] for line in _split_lines(content)]
    lines = [[]]
    for node in inlines:
        if node["t"] == "LineBreak":
            lines.append([])
        else:
            lines[-1].append(node)
    return lines


def _plain_text(node) -> str:
    """Return the words of an AST fragment, without markup."""
    if isinstance(node, list):
        return "".join(_plain_text(x) for x in node)
    if not isinstance(node, dict):
        return ""
    t = node.get("t")
    if t == "Str":
        return node["c"]
    if t in ("Space", "SoftBreak", "LineBreak"):
        return " "
    if t in ("Code", "Math"):
        return node["c"][1]
    if t in ("Note", "RawInline"):
        return ""
    if t in ("Para", "Plain") and isinstance(node.get("c"), list):
        return _plain_text(node["c"]) + " "
    return _plain_text(node.get("c", []))


def plain_text(node) -> str:
    """Return the words of an AST fragment as one line of text."""
    return " ".join(_plain_text(node).split())


def meta_inlines(meta: dict, key: str) -> list:
    """Return a front-matter field as inlines ([] when absent)."""
    value = meta.get(key)
    if not value:
        return []
    if value["t"] == "MetaInlines":
        return value["c"]
    if value["t"] == "MetaBlocks":
        return convert.block_inlines(value["c"])
    if value["t"] == "MetaString":
        return [{"t": "Str", "c": value["c"]}]
    return []


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
    chosen = [translate(seg) if seg is not None else None for seg, _ in found]
    wanted = [i for i, text in enumerate(chosen) if text is not None]
    parsed = dict(zip(wanted, convert.markdown_to_inlines([chosen[i] for i in wanted],
                                                          article.path)))
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
    seen = {}
    result = []
    for (kind, inlines), text in zip(found, texts):
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
        t, c = node["t"], node.get("c")
        if t in ("Space", "SoftBreak", "LineBreak", "Code", "RawInline", "Math"):
            continue
        if t == "Str" and _ADDRESS_OR_SIGNS.fullmatch(c):
            continue
        if t in ("Link", "Span") and {"uri", "email", "notranslate"} & set(c[0][1]):
            continue
        return False
    return True


def _is_notranslate(node: dict) -> bool:
    return node["t"] in ("Span", "Div") and "notranslate" in node["c"][0][1]


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
                number = self._find(lambda i: self.lines[i].startswith("[^")
                                    and probe in self.words[i], 0)
            else:
                number = self._find(lambda i: probe in self.words[i], self.cursor) \
                    or self._find(lambda i: probe in self.words[i], 0)
            if number:
                self.cursor = number - 1 if kind != "footnote" else self.cursor
                return number
        return 1

    def _find(self, test, start) -> int | None:
        return next((i + 1 for i in range(start, len(self.lines)) if test(i)), None)


def _words(text: str) -> str:
    return " " + " ".join(re.sub(r"[^\w]+", " ", text).split()) + " "
