"""A thin wrapper around pandoc (through pypandoc): Markdown <-> AST, HTML and EPUB."""

import json
import re
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import pypandoc

from magazine.errors import RenderError
from magazine.machinery.diskcache import DiskCache
from magazine.machinery.logs import collected_warnings
from magazine.pandoc import ast
from magazine.pandoc.ast import map_nodes

READER = "markdown"        # pandoc Markdown; "smart" reads "..." as quotes the edition typesets
WRITER = "markdown-smart"  # writes – ’ … as characters; quotes are turned back into "..." first
_DIV_CHUNK = re.compile(r"^::: \{#s(\d+)\}\n(.*?)\n:::$", re.MULTILINE | re.DOTALL)


_cache: DiskCache | None = None      # set by cached_in(); worker processes inherit it


@contextmanager
def cached_in(folder: Path):
    """Within the block, keep the results of the conversions that read no file (Markdown to
    and from the AST) in `folder`, by the hash of pandoc's version, options and input: an
    article or a catalog that did not change is not parsed again."""
    global _cache
    previous, _cache = _cache, DiskCache(folder)
    try:
        yield _cache
    finally:
        _cache = previous


def _run(source: str, to: str, fmt: str, args=(), outputfile=None, sandbox=True,
         where=None) -> tuple[str, list[str]]:
    """Run pandoc; return its output and the warnings it printed."""
    if _cache is None or outputfile is not None or not sandbox:
        return _convert(source, to, fmt, args, outputfile, sandbox, where)
    key = json.dumps([version(), to, fmt, list(args), source])
    kept = _cache.get(key)
    if kept is not None:
        out, warnings = json.loads(kept)
        return out, warnings
    out, warnings = _convert(source, to, fmt, args, outputfile, sandbox, where)
    _cache.put(key, json.dumps([out, warnings]))
    return out, warnings


def _convert(source, to, fmt, args, outputfile, sandbox, where) -> tuple[str, list[str]]:
    with collected_warnings("pypandoc") as warnings:
        try:
            out = pypandoc.convert_text(source, to, format=fmt, extra_args=list(args),
                                        outputfile=outputfile, sandbox=sandbox)
        except RuntimeError as exc:
            raise RenderError(f"pandoc failed: {_first_line(str(exc))}", where) from None
    return out, warnings


def _first_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return " ".join(lines[:3])


@lru_cache(maxsize=1)
def api_version() -> list:
    """Return the pandoc AST API version of the bundled pandoc."""
    return read_markdown("x")["pandoc-api-version"]


@lru_cache(maxsize=1)
def version() -> str:
    """Return the version of the bundled pandoc."""
    return pypandoc.get_pandoc_version()


def document(blocks: list, meta: dict | None = None) -> dict:
    """Wrap blocks and metadata into a pandoc AST document."""
    return {"pandoc-api-version": api_version(), "meta": meta or {}, "blocks": blocks}


def read_markdown(text: str, where=None) -> dict:
    """Parse pandoc Markdown (with front matter) into pandoc's JSON AST."""
    out, _ = _run(text, "json", READER, where=where)
    return json.loads(out)


def inlines_to_markdown(inline_lists: list[list]) -> list[str]:
    """Write each list of inlines as one line of Markdown, in one pandoc call."""
    if not inline_lists:
        return []
    blocks = [ast.Div([ast.Para(_ascii_quotes(inlines))], ident=f"s{i}")
              for i, inlines in enumerate(inline_lists)]
    out, _ = _run(json.dumps(document(blocks)), WRITER, "json", ["--wrap=none"])
    texts = [""] * len(inline_lists)
    for match in _DIV_CHUNK.finditer(out):
        texts[int(match.group(1))] = match.group(2).strip()
    return texts


def _ascii_quotes(inlines: list) -> list:
    """Turn pandoc's Quoted nodes back into the straight quotes an author types."""
    def straighten(node):
        if node["t"] != "Quoted":
            return None
        mark = '"' if ast.is_double_quote(node) else "'"
        return [ast.Str(mark), *map_nodes(ast.content(node), straighten), ast.Str(mark)]
    return map_nodes(inlines, straighten)


_BLOCK_START = re.compile(r"^(\d+)([.)])(\s)|^([-+*#>|])(\s|$)")


def _as_paragraph(text: str) -> str:
    """Escape what would make a paragraph start a list, heading or quote ("15. oktobra")."""
    return _BLOCK_START.sub(lambda m: f"{m[1]}\\{m[2]}{m[3]}" if m[1] else f"\\{m[4]}{m[5]}",
                            text.strip())


def markdown_to_inlines(texts: list[str], where=None) -> list[list]:
    """Parse each Markdown text into a list of inlines, in one pandoc call."""
    if not texts:
        return []
    source = "\n\n".join(f"::: {{#s{i}}}\n{_as_paragraph(text)}\n:::"
                         for i, text in enumerate(texts))
    blocks = read_markdown(source, where)["blocks"]
    result: list[list] = [[] for _ in texts]
    for block in blocks:
        if block["t"] == "Div" and ast.ident(block).startswith("s"):
            result[int(ast.ident(block)[1:])] = ast.block_inlines(ast.content(block))
    return result


def to_html(doc: dict, template: Path) -> tuple[str, list[str]]:
    """Write an AST document as standalone HTML5 through a pandoc template."""
    return _run(json.dumps(doc), "html5", "json",
                ["--standalone", f"--template={template}", "--html-q-tags",
                 "--wrap=none"], sandbox=False)


def to_epub(doc: dict, output: Path, resource_path: Path, args: list[str]) -> list[str]:
    """Write an AST document as EPUB 3 to `output`; return pandoc's warnings."""
    _, warnings = _run(json.dumps(doc), "epub3", "json",
                       [f"--resource-path={resource_path}", *args],
                       outputfile=str(output), sandbox=False)
    return warnings


DOCX_MARKDOWN = "markdown-smart-simple_tables-multiline_tables-grid_tables-raw_attribute"


def docx_to_markdown(path: Path, media: Path) -> tuple[str, list[str]]:
    """Read a Word document's body as pandoc Markdown (tracked changes accepted, comments
    left out, images extracted under `media`); return it and pandoc's warnings."""
    with collected_warnings("pypandoc") as warnings:
        try:
            out = pypandoc.convert_file(str(path), DOCX_MARKDOWN, format="docx",
                                        extra_args=["--track-changes=accept", "--wrap=none",
                                                    f"--extract-media={media}"])
        except RuntimeError as exc:
            raise RenderError(f"pandoc cannot read this Word file: {_first_line(str(exc))}",
                              path) from None
    return out, warnings


def to_docx(doc: dict, output: Path, resource_path: Path, reference: Path) -> list[str]:
    """Write an AST document as a Word file styled by a reference document."""
    _, warnings = _run(json.dumps(doc), "docx", "json",
                       [f"--resource-path={resource_path}", f"--reference-doc={reference}"],
                       outputfile=str(output), sandbox=False)
    return warnings
