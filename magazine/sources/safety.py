"""What articles, translations and images may reach: files inside the issue, nothing else."""

import re
from pathlib import Path

from magazine.errors import ArticleError
from magazine.pandoc import ast
from magazine.pandoc.ast import map_nodes

URL_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
# raw HTML that would make pandoc or WeasyPrint fetch something (links, <a href>, are not)
_FETCHING_HTML = re.compile(
    r"<\s*(?:link|script|iframe|frame|object|embed|style|img|image|svg|video|audio|source|"
    r"track|base|meta|input|form)\b|\b(?:src|srcset|poster|background)\s*=|url\s*\(|@import",
    re.IGNORECASE)
_SVG_ENTITY = re.compile(rb"<!ENTITY|<!DOCTYPE[^>]*(?:SYSTEM|PUBLIC|\[)", re.IGNORECASE)
_SVG_SCRIPT = re.compile(rb"<\s*(?:\w+:)?(?:script|foreignObject)\b|\son[a-z]+\s*=",
                         re.IGNORECASE)
_SVG_REFERENCE = re.compile(
    rb"""(?:href|src)\s*=\s*["']([^"']*)["']|url\(\s*["']?([^"')]*)""", re.IGNORECASE)


def resolve_inside(folder: Path, base: Path, target: str, path: Path, line=None,
                   error=ArticleError) -> Path:
    """Resolve a relative file reference and insist it stays inside the issue folder."""
    if URL_SCHEME.match(target) or target.startswith("/"):
        raise error(f"{target!r}: only files inside the issue folder can be used "
                    "(a relative path such as ../media/map.svg)", path, line)
    resolved = (base / target).resolve()
    if not resolved.is_relative_to(folder.resolve()):
        raise error(f"{target!r} points outside the issue folder", path, line)
    if not resolved.is_file():
        raise error(f"{target!r} does not exist", path, line)
    return resolved


def check_image(folder: Path, image: Path, path: Path, line=None, error=ArticleError) -> None:
    """Refuse an SVG image that declares entities, carries a script or reaches outside the
    issue (an address, an absolute path, ../ out of the folder); other images are pixels."""
    if image.suffix.lower() != ".svg":
        return
    data = image.read_bytes()
    name = image.relative_to(folder.resolve()).as_posix()
    if _SVG_ENTITY.search(data):
        raise error(f"{name}: the SVG declares entities or an external DTD; refused (export it "
                    "again as plain SVG)", path, line)
    if _SVG_SCRIPT.search(data):
        raise error(f"{name}: the SVG carries a script or event handler; refused (export it "
                    "again as plain SVG)", path, line)
    for found in _SVG_REFERENCE.finditer(data):
        target = (found.group(1) or found.group(2) or b"").decode("utf-8", "replace").strip()
        if target and not target.startswith(("#", "data:")):
            try:
                resolve_inside(folder, image.parent, target, path, line, error)
            except error as exc:
                raise error(f"{name}: the SVG refers to {exc.message}", path, line) from None


def check_raw_html(blocks: list, path: Path, lines=None, error=ArticleError) -> None:
    """Refuse raw HTML that would load a file or an address (an <img>, a stylesheet, a
    script, a CSS url()); images belong in Markdown, where their paths are checked. The
    line is looked up in `lines`, or in the file when they are not given."""
    def check(node):
        if node["t"] in ("RawBlock", "RawInline"):
            found = _FETCHING_HTML.search(ast.text(node))
            if found:
                source = lines if lines is not None else \
                    path.read_text(encoding="utf-8", errors="replace").split("\n")
                raise error(f"raw HTML {found.group(0).strip()!r} would load a file or an "
                            "address; refused (use a Markdown image of a file in the issue)",
                            path, line_of(source, found.group(0)))
    map_nodes(blocks, check)


def line_of(lines, text: str) -> int | None:
    """Return the number of the first line that holds `text`, if any."""
    return next((n for n, line in enumerate(lines, 1) if text in line), None)
