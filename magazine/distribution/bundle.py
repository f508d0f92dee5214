"""The release bundle dist/<ISSUE>/: the files, cover thumbnails, a download page, a manifest
and SHA256SUMS, written in a folder beside it that then takes its place."""

import hashlib
import html
import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import pypdfium2

from magazine.languages import EDITIONS, in_script, word
from magazine.machinery.graph import pipeline_digest
from magazine.machinery.versions import tool_versions
from magazine.model import Issue, Output, Project
from magazine.translation.status import issue_status, language_totals

THUMBNAIL_WIDTH = 240


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
        "accepted_faults": [{"edition": a.edition, "article": a.article, "fault": a.kind,
                             "reason": a.reason} for a in issue.accepted],
        "translations": {lang: {"entries": entries.as_dict(), "words": words.as_dict()}
                         for lang, (entries, words) in totals.items()},
        "versions": {**tool_versions(), "pipeline_digest": pipeline_digest()},
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
