"""pandoc's JSON document tree, named once: node constructors, accessors, and the one walk
every stage's rewrite uses.

A node is {"t": type, "c": content}; what the content holds for each type is pandoc's
(pandoc-types), and this module is the only place that reads it by position. Constructors
carry pandoc's own names (Str, Span, Para...), as in its Lua filters."""

Node = dict
Attr = list                  # [identifier, [classes], [[key, value], ...]]

# Where a node keeps its attributes, and where its inlines or blocks, in "c".
_ATTR_AT = {"Span": 0, "Div": 0, "Link": 0, "Image": 0, "Code": 0, "CodeBlock": 0, "Figure": 0,
            "Table": 0, "Header": 1}
_CONTENT_AT = {"Span": 1, "Div": 1, "Link": 1, "Image": 1, "Quoted": 1, "Cite": 1,
               "Header": 2, "Figure": 2}
_CONTENT_IS_C = {"Para", "Plain", "Emph", "Strong", "Strikeout", "Superscript", "Subscript",
                 "SmallCaps", "Underline", "BlockQuote", "Note"}
_TEXT_AT = {"Code": 1, "CodeBlock": 1, "Math": 1, "RawInline": 1, "RawBlock": 1}
INLINE_HOLDERS = _CONTENT_IS_C - {"Para", "Plain", "BlockQuote", "Note"} | \
    {"Quoted", "Cite", "Span", "Link", "Image"}          # inlines whose content is inlines


# --- Constructors

def attr(ident: str = "", classes=(), attributes=()) -> Attr:
    """Return an attribute triple: identifier, classes, key-value pairs."""
    return [ident, list(classes), [list(pair) for pair in attributes]]


def Str(text: str) -> Node:
    return {"t": "Str", "c": text}


def Space() -> Node:
    return {"t": "Space"}


def LineBreak() -> Node:
    return {"t": "LineBreak"}


def RawInline(fmt: str, text: str) -> Node:
    return {"t": "RawInline", "c": [fmt, text]}


def Note(blocks: list) -> Node:
    return {"t": "Note", "c": blocks}


def Span(inlines: list, classes=(), ident: str = "", attributes=(), with_attr=None) -> Node:
    return {"t": "Span", "c": [with_attr or attr(ident, classes, attributes), inlines]}


def Div(blocks: list, classes=(), ident: str = "") -> Node:
    return {"t": "Div", "c": [attr(ident, classes), blocks]}


def Para(inlines: list) -> Node:
    return {"t": "Para", "c": inlines}


def Plain(inlines: list) -> Node:
    return {"t": "Plain", "c": inlines}


def Image(target: str, classes=(), alt: list | None = None) -> Node:
    return {"t": "Image", "c": [attr("", classes), alt or [], [target, ""]]}


def Header(level: int, inlines: list, ident: str = "", classes=(), with_attr=None) -> Node:
    return {"t": "Header", "c": [level, with_attr or attr(ident, classes), inlines]}


def MetaString(text: str) -> Node:
    return {"t": "MetaString", "c": text}


def MetaInlines(inlines: list) -> Node:
    return {"t": "MetaInlines", "c": inlines}


def MetaList(items: list) -> Node:
    return {"t": "MetaList", "c": items}


def MetaMap(fields: dict) -> Node:
    return {"t": "MetaMap", "c": fields}


def MetaBool(value: bool) -> Node:
    return {"t": "MetaBool", "c": value}


def meta_text(text: str) -> Node:
    """Return a metadata value holding one word run of text (MetaInlines of one Str)."""
    return MetaInlines([Str(text)])


# --- Accessors

def is_(node, *types: str) -> bool:
    """Say whether `node` is a node of one of the types."""
    return isinstance(node, dict) and node.get("t") in types


def attr_of(node: Node) -> Attr:
    """Return a node's attributes (Span, Div, Header, Link, Image, Code, Figure, Table)."""
    return node["c"][_ATTR_AT[node["t"]]]


def ident(node: Node) -> str:
    return attr_of(node)[0]


def classes(node: Node) -> list[str]:
    return attr_of(node)[1]


def attributes(node: Node) -> dict:
    """Return a node's key-value attributes as a dict (lang=..., alt=...)."""
    return dict(attr_of(node)[2])


def with_attr(node: Node, new: Attr) -> Node:
    """Return a copy of a node with other attributes."""
    c = list(node["c"])
    c[_ATTR_AT[node["t"]]] = new
    return {"t": node["t"], "c": c}


def content(node: Node) -> list:
    """Return the inlines or blocks a node holds (a Header's title, an Image's description,
    a Figure's blocks, a Note's blocks)."""
    return node["c"] if node["t"] in _CONTENT_IS_C else node["c"][_CONTENT_AT[node["t"]]]


def with_content(node: Node, new: list) -> Node:
    """Return a copy of a node holding other inlines or blocks."""
    if node["t"] in _CONTENT_IS_C:
        return {"t": node["t"], "c": new}
    c = list(node["c"])
    c[_CONTENT_AT[node["t"]]] = new
    return {"t": node["t"], "c": c}


def text(node: Node) -> str:
    """Return the text of a Str, Code, CodeBlock, Math, RawInline or RawBlock."""
    return node["c"] if node["t"] == "Str" else node["c"][_TEXT_AT[node["t"]]]


def raw_format(node: Node) -> str:
    """Return the format of a RawInline or RawBlock ("html", "markdown")."""
    return node["c"][0]


def header_level(node: Node) -> int:
    return node["c"][0]


def with_level(node: Node, level: int) -> Node:
    return {"t": "Header", "c": [level, *node["c"][1:]]}


def target(node: Node) -> str:
    """Return the address a Link or an Image points to."""
    return node["c"][2][0]


def with_target(node: Node, url: str) -> Node:
    return {"t": node["t"], "c": [node["c"][0], node["c"][1], [url, node["c"][2][1]]]}


def is_double_quote(node: Node) -> bool:
    """Say whether a Quoted node holds a double (not a single) quotation."""
    return node["c"][0]["t"] == "DoubleQuote"


def caption(node: Node) -> list:
    """Return the blocks of a Figure's or a Table's caption."""
    return node["c"][1][1]


def with_caption(node: Node, blocks: list) -> Node:
    c = list(node["c"])
    c[1] = [c[1][0], blocks]
    return {"t": node["t"], "c": c}


def list_items(node: Node) -> list[list]:
    """Return the items (each a list of blocks) of a BulletList or an OrderedList."""
    return node["c"] if node["t"] == "BulletList" else node["c"][1]


def with_list_items(node: Node, items: list[list]) -> Node:
    if node["t"] == "BulletList":
        return {"t": "BulletList", "c": items}
    return {"t": "OrderedList", "c": [node["c"][0], items]}


def line_block_lines(node: Node) -> list[list]:
    """Return the lines (each a list of inlines) of a LineBlock."""
    return node["c"]


def LineBlock(lines: list[list]) -> Node:
    return {"t": "LineBlock", "c": lines}


def definitions(node: Node) -> list[tuple[list, list[list]]]:
    """Return a DefinitionList's items: (term inlines, [definition blocks, ...])."""
    return [(term, defs) for term, defs in node["c"]]


def DefinitionList(items) -> Node:
    return {"t": "DefinitionList", "c": [[term, defs] for term, defs in items]}


def map_table_cells(node: Node, cell) -> Node:
    """Return a copy of a Table whose every cell's blocks (head, bodies, foot) are
    `cell(blocks)`."""
    attr_, caption_, colspecs, head, bodies, foot = node["c"]

    def row(r):
        return [r[0], [[*c[:4], cell(c[4])] for c in r[1]]]
    head = [head[0], [row(r) for r in head[1]]]
    bodies = [[b[0], b[1], [row(r) for r in b[2]], [row(r) for r in b[3]]] for b in bodies]
    foot = [foot[0], [row(r) for r in foot[1]]]
    return {"t": "Table", "c": [attr_, caption_, colspecs, head, bodies, foot]}


def meta_inlines(meta: dict, key: str) -> list:
    """Return a front-matter field as inlines ([] when absent)."""
    value = meta.get(key)
    if not value:
        return []
    if value["t"] == "MetaInlines":
        return value["c"]
    if value["t"] == "MetaBlocks":
        return block_inlines(value["c"])
    if value["t"] == "MetaString":
        return [Str(value["c"])]
    return []


def meta_string(meta: dict, key: str) -> str:
    """Return the text of a MetaString field."""
    return meta[key]["c"]


def block_inlines(blocks: list) -> list:
    """Return the inlines of paragraphs and headings, joined by spaces."""
    inlines: list = []
    for block in blocks:
        if not is_(block, "Para", "Plain", "Header"):
            continue
        if inlines:
            inlines.append(Space())
        inlines.extend(content(block))
    return inlines


def _plain_text(node) -> str:
    if isinstance(node, list):
        return "".join(_plain_text(x) for x in node)
    if not isinstance(node, dict):
        return ""
    t = node.get("t")
    if t == "Str" or t in ("Code", "Math"):
        return text(node)
    if t in ("Space", "SoftBreak", "LineBreak"):
        return " "
    if t in ("Note", "RawInline"):
        return ""
    if t in ("Para", "Plain") and isinstance(node.get("c"), list):
        return _plain_text(node["c"]) + " "
    return _plain_text(node.get("c", []))


def plain_text(node) -> str:
    """Return the words of an AST fragment, without markup, as one line of text."""
    return " ".join(_plain_text(node).split())


# --- The walk

def map_nodes(node, visit=None, lists=None):
    """Return a copy of an AST fragment in which `visit(node)` may replace any node: by a
    node, or by a list of nodes spliced into the list that held it; where it returns None
    the walk goes on into that node's children. `lists(items)`, when given, may then rewrite
    every list of the copy, innermost first (to join neighbouring words, say)."""
    if isinstance(node, list):
        items = []
        for item in node:
            mapped = map_nodes(item, visit, lists)
            if isinstance(mapped, list) and isinstance(item, dict):
                items.extend(mapped)
            else:
                items.append(mapped)
        return lists(items) if lists else items
    if not isinstance(node, dict) or "t" not in node:
        return node
    replaced = visit(node) if visit else None
    if replaced is not None:
        return replaced
    if "c" not in node:
        return node
    return {"t": node["t"], "c": map_nodes(node["c"], visit, lists)}


def find_nodes(node, test) -> list:
    """Return the nodes of an AST fragment for which `test(node)` holds, in document order
    (not looking inside a node found)."""
    found = []

    def visit(item):
        if test(item):
            found.append(item)
            return item
        return None

    map_nodes(node, visit)
    return found
