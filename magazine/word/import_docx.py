"""Import an author's Word document as an article: pandoc reads the body, python-docx what
pandoc does not give (properties, Title and Subtitle, localised or hand-made headings)."""

import re
import shutil
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from magazine.errors import ArticleError, ManifestError
from magazine.languages import LANGUAGES
from magazine.machinery.files import atomic_path, write_if_changed
from magazine.model import Project
from magazine.pandoc import convert
from magazine.serbian.transliterate import looks_cyrillic, to_latin
from magazine.sources.issue import newest_issue_id

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
UNPACKED_LIMIT = 256 * 2**20      # a Word article with its pictures unpacks to a few MB
SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
PRINTABLE = {".png", ".jpg", ".jpeg", ".gif", ".svg"}
# heading style names in the languages our authors' Word speaks, and Word's own
_HEADING_NAME = re.compile(r"^(heading|naslov|наслов|заглавие|заголовок|überschrift|titre)"
                           r"\s*(\d)$", re.IGNORECASE)


@dataclass(frozen=True)
class ImportResult:
    """What an import wrote and what the editor should know."""

    article: Path
    images: tuple[Path, ...]
    lang: str
    lang_reason: str
    warnings: tuple[str, ...]


def import_docx(project: Project, source: Path, issue_id: str | None = None,
                slug: str | None = None, lang: str | None = None,
                force: bool = False) -> ImportResult:
    """Turn a .docx into issues/<ISSUE>/articles/<slug>.md, its images into media/, and add the
    slug to issue.yaml; nothing is written when anything is wrong."""
    document = open_docx(source)
    issue_id = issue_id or newest_issue_id(project)
    folder = project.issues / issue_id
    manifest = folder / "issue.yaml"
    if not manifest.is_file():
        raise ManifestError(f"no issue {issue_id!r}: issue.yaml not found", manifest)
    warnings = tracked_changes(source) + comments(source)
    title, summary = title_and_summary(document)
    author = document.core_properties.author or ""
    with tempfile.TemporaryDirectory() as tmp:
        prepared = Path(tmp) / "prepared.docx"
        mark_headings(document).save(prepared)
        body, pandoc_warnings = convert.docx_to_markdown(prepared, Path(tmp) / "extracted")
        warnings += pandoc_warnings
        lang, reason = choose_language(lang, document, title + "\n" + body)
        slug = slug or slug_from(title or source.stem)
        target = folder / "articles" / f"{slug}.md"
        if target.exists() and not force:
            raise ArticleError("this article exists already; give another --slug, or --force "
                               "to replace it", target)
        body, images = move_images(body, Path(tmp) / "extracted", folder / "media", slug)
        text = front_matter(title or source.stem, author, lang, summary) + clean(body, title)
        updated_manifest = manifest_with(manifest, slug)
        _write_all(target, text, images)
    write_if_changed(manifest, updated_manifest.encode("utf-8"))
    return ImportResult(target, tuple(dest for _, dest in images), lang, reason,
                        tuple(warnings))


def open_docx(source: Path):
    """Open a Word document, or say in one line why it cannot be one."""
    if not source.is_file():
        raise ArticleError("no such file", source)
    if not zipfile.is_zipfile(source):
        head = source.read_bytes()[:8]
        what = "encrypted (password-protected) or an old .doc file" \
            if head.startswith(b"\xd0\xcf\x11\xe0") else "not a Word .docx file"
        raise ArticleError(f"this is {what}; save it from Word as an unprotected .docx", source)
    try:
        _check_package(source)
        return docx.Document(str(source))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile,
            etree.XMLSyntaxError) as exc:
        raise ArticleError(f"this .docx is damaged ({exc}); open it in Word and save it again",
                           source) from None


def _check_package(source: Path) -> None:
    """Refuse a package that unpacks to far more than an article (a zip bomb) or that links
    to files outside itself (a linked picture, template or frame; hyperlinks are fine)."""
    with zipfile.ZipFile(source) as package:
        size = sum(member.file_size for member in package.infolist())
        if size > UNPACKED_LIMIT:
            raise ArticleError(f"this .docx unpacks to {size // 2**20} MB, far more than an "
                               "article with its pictures (a zip bomb?); refused", source)
        for name in package.namelist():
            if not name.endswith(".rels"):
                continue
            for link in etree.fromstring(package.read(name), SAFE_XML):
                if link.get("TargetMode") == "External" and \
                        not link.get("Type", "").endswith("/hyperlink"):
                    raise ArticleError(f"this .docx links to {link.get('Target')!r} outside "
                                       "itself (a linked picture or template); refused: insert "
                                       "the picture itself in Word and save again", source)


def _xml(source: Path, member: str):
    with zipfile.ZipFile(source) as package:
        if member not in package.namelist():
            return None
        return etree.fromstring(package.read(member), SAFE_XML)


def tracked_changes(source: Path) -> list[str]:
    """Count the tracked insertions and deletions, which the import accepts."""
    root = _xml(source, "word/document.xml")
    inserted = len(root.findall(f".//{W}ins")) if root is not None else 0
    deleted = len(root.findall(f".//{W}del")) if root is not None else 0
    if not inserted and not deleted:
        return []
    return [f"accepted {inserted} tracked insertions and {deleted} tracked deletions"]


def comments(source: Path) -> list[str]:
    """List the document's comments (author and text), which the import leaves out."""
    root = _xml(source, "word/comments.xml")
    if root is None:
        return []
    found = []
    for comment in root.findall(f"{W}comment"):
        text = " ".join("".join(t.text or "" for t in p.iter(f"{W}t"))
                        for p in comment.iter(f"{W}p")).strip()
        found.append(f"comment left out, by {comment.get(f'{W}author') or 'unknown'}: {text!r}")
    return found


def title_and_summary(document) -> tuple[str, str]:
    """Return the Title paragraph (else the core title) and the Subtitle paragraph."""
    title = summary = ""
    for paragraph in document.paragraphs:
        name = (paragraph.style.name or "").lower() if paragraph.style is not None else ""
        if name == "title" and not title:
            title = paragraph.text.strip()
        elif name == "subtitle" and not summary:
            summary = paragraph.text.strip()
    return title or (document.core_properties.title or "").strip(), summary


def mark_headings(document):
    """Give pandoc headings it can see: localised heading styles get Word's names, and short
    bold, large paragraphs formatted by hand become headings."""
    styles = document.styles
    names = {s.name for s in styles}
    for style in styles:
        match = _HEADING_NAME.match(style.name or "") if style.type == WD_STYLE_TYPE.PARAGRAPH \
            else None
        if match and f"Heading {match.group(2)}" not in names:
            names.add(f"Heading {match.group(2)}")
            style.name = f"Heading {match.group(2)}"
    for paragraph in document.paragraphs:
        name = paragraph.style.name if paragraph.style is not None else ""
        match = _HEADING_NAME.match(name or "")
        level = int(match.group(2)) if match else _direct_heading_level(paragraph)
        if level and f"Heading {level}" in names and name != f"Heading {level}":
            paragraph.style = styles[f"Heading {level}"]
    return document


def _direct_heading_level(paragraph) -> int | None:
    """Return 1 or 2 for a short Normal paragraph set bold in a large size by hand."""
    runs = [r for r in paragraph.runs if r.text.strip()]
    name = paragraph.style.name if paragraph.style is not None else "Normal"
    if name not in ("Normal", "Body Text") or not runs or len(paragraph.text) > 120:
        return None
    if not all(r.bold for r in runs) or paragraph.text.strip().endswith((".", ":")):
        return None
    sizes = [r.font.size.pt for r in runs if r.font.size is not None]
    if not sizes:
        return None
    return 1 if min(sizes) >= 16 else 2 if min(sizes) >= 13 else None


_SERBIAN_CYRILLIC = re.compile(r"[ђћџљњјЂЋЏЉЊЈ]")
_BULGARIAN = re.compile(r"[ъщюяЪЩЮЯ]")
_SERBIAN_LATIN = re.compile(r"\b(je|su|i|u|na|za|se|od|da|sa|iz|koji|koja|koje|kao|ali|ili|"
                            r"će|smo|biti|bio|bila|ovaj|ova|ovo|što|kako|jer|još)\b",
                            re.IGNORECASE)
_ENGLISH = re.compile(r"\b(the|and|of|to|is|in|for|with|that|a|an|are|this|all|by|on|be|"
                      r"will|has|have|was|were|it|as|at|from|our|their|which)\b",
                      re.IGNORECASE)


def choose_language(given: str | None, document, text: str) -> tuple[str, str]:
    """Return the article's language and how it was chosen."""
    if given:
        return given, "given with --lang"
    declared = (document.core_properties.language or "").split("-")[0].lower()
    if declared in LANGUAGES:
        return declared, f"the document says {document.core_properties.language}"
    if looks_cyrillic(text) or _BULGARIAN.search(text):
        bulgarian, serbian = len(_BULGARIAN.findall(text)), len(_SERBIAN_CYRILLIC.findall(text))
        return ("bg", "detected: Bulgarian letters (ъ, щ, ю, я)") if bulgarian > serbian \
            else ("sr", "detected: Serbian Cyrillic letters (ђ, ћ, џ, љ, њ, ј)")
    serbian, english = len(_SERBIAN_LATIN.findall(text)), len(_ENGLISH.findall(text))
    return ("sr", "detected: Serbian Latin letters and words") if serbian >= english \
        else ("en", "detected: English words")


def slug_from(title: str) -> str:
    """Fold a title to an ASCII slug: 'Susret klastera u Nišu' -> 'susret-klastera-u-nisu'."""
    latin = to_latin(title).replace("đ", "dj").replace("Đ", "Dj")
    ascii_text = unicodedata.normalize("NFKD", latin).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:60].rstrip("-") or "article"


def move_images(body: str, extracted: Path, media: Path, slug: str) -> tuple[str, list]:
    """Rename the extracted images <slug>-<n>.<ext> for the issue's media folder and point the
    Markdown at them; refuse formats the magazine cannot print."""
    moves = []
    for n, match in enumerate(re.finditer(r"\]\(([^)\s]+)", body), start=1):
        original = Path(match.group(1))
        if not str(original).startswith(str(extracted)):
            continue
        suffix = original.suffix.lower()
        if suffix not in PRINTABLE:
            raise ArticleError(f"image {original.name} is {suffix.lstrip('.').upper()}, which "
                               "the magazine cannot print; in Word, save it as PNG, JPEG or "
                               "SVG and import again", original.name)
        moves.append((original, media / f"{slug}-{n}{suffix}"))
    for original, dest in moves:
        body = body.replace(f"]({original}", f"](../media/{dest.name}")
    return body, moves


def clean(body: str, title: str) -> str:
    """Tidy pandoc's Markdown: no hard breaks from soft returns, no empty emphasis, no image
    size attributes from Word, and not the title again as the first heading."""
    body = re.sub(r"\\\n", " ", body)                       # soft returns: a space
    body = re.sub(r"(\*\*|\*|__|_)\s*\1", "", body)         # empty emphasis
    body = re.sub(r"(\]\([^)]*\))\{[^}]*\}", r"\1", body)   # width/height from Word
    lines = body.strip().split("\n")
    if title and lines and re.sub(r"^#+\s*", "", lines[0]).strip() == title.strip():
        lines = lines[1:]
    return "\n".join(lines).strip() + "\n"


def front_matter(title: str, author: str, lang: str, summary: str) -> str:
    def quoted(value: str) -> str:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    lines = ["---", f"title: {quoted(title)}", f"author: {quoted(author)}", f"lang: {lang}"]
    if summary:
        lines.append(f"summary: {quoted(summary)}")
    return "\n".join(lines + ["---", "", ""])


def _write_all(target: Path, text: str, images: list) -> None:
    for original, dest in images:
        dest.parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(dest) as tmp:
            shutil.copyfile(original, tmp)
    write_if_changed(target, text.encode("utf-8"))


def manifest_with(manifest: Path, slug: str) -> str:
    """Return issue.yaml with the slug appended to its articles list, comments and order kept."""
    lines = manifest.read_text(encoding="utf-8").split("\n")
    if any(re.fullmatch(rf"\s*-\s*{re.escape(slug)}\s*(#.*)?", line) for line in lines):
        return "\n".join(lines)
    start = next((n for n, line in enumerate(lines) if re.match(r"articles:\s*(#.*)?$", line)),
                 None)
    if start is None:
        raise ManifestError("issue.yaml has no 'articles:' list to add the article to",
                            manifest)
    last, indent = start, "  "
    for n in range(start + 1, len(lines)):
        if lines[n].strip().startswith("-"):
            last, indent = n, lines[n][:len(lines[n]) - len(lines[n].lstrip())]
        elif lines[n].strip() and not lines[n].startswith((" ", "\t", "#")):
            break
    lines.insert(last + 1, f"{indent}- {slug}")
    return "\n".join(lines)
