"""The `magazine` command: a thin layer over the pipeline's stages."""

import logging
import sys
import time
from collections import Counter
from pathlib import Path

import click

from magazine.errors import MagazineError
from magazine.model import Project

# Each command imports its stage when it runs, so that `--help`, `transliterate` and
# `translations status` start without loading WeasyPrint.

issue_argument = click.argument("issue", required=False)


def _project() -> Project:
    return Project(Path.cwd())


class _Group(click.Group):
    """Turn every MagazineError into one clear line and exit code 1."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except MagazineError as exc:
            click.echo(f"magazine: error: {exc}", err=True)
            for line in exc.details:
                click.echo(f"  {line}", err=True)
            sys.exit(1)


def _print_version(ctx, _param, value) -> None:
    if not value or ctx.resilient_parsing:
        return
    from magazine.machinery.versions import tool_versions
    versions = tool_versions()
    click.echo(f"magazine {versions['pipeline']} (pandoc {versions['pandoc']}, "
               f"WeasyPrint {versions['weasyprint']})")
    ctx.exit()


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True,
              callback=_print_version, help="Print the versions of magazine, pandoc and "
              "WeasyPrint, and exit.")
@click.option("-q", "--quiet", is_flag=True, help="Print only warnings and errors.")
def main(quiet):
    """INFOCLUSTER: build the magazine's editions and manage its translations."""
    logging.basicConfig(level=logging.WARNING if quiet else logging.INFO,
                        format="magazine: %(message)s", stream=sys.stderr)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)   # its "Step 2 - ..."


@main.command()
@issue_argument
def release(issue):
    """Build an issue strictly, check every file, and write dist/<ISSUE>/ for distribution."""
    from magazine.release import release_issue
    from magazine.sources.issue import load_issue
    project = _project()
    folder = release_issue(project, issue)
    for accepted in load_issue(project, issue).accepted:
        click.echo(f"accepted: {accepted.edition} {accepted.article}: {accepted.kind} "
                   f"({accepted.reason})")
    click.echo(f"released: {folder.relative_to(project.root)} "
               "(verify with: sha256sum -c SHA256SUMS)")


@main.command()
@issue_argument
@click.option("-e", "--edition", "editions", multiple=True,
              help="Edition to build: sr-Latn, sr-Cyrl, bg or en (repeatable; default all).")
@click.option("-f", "--format", "formats", multiple=True,
              help="Format to write: print, screen or epub (repeatable; default all).")
@click.option("--strict", is_flag=True,
              help="Fail on any untranslated or fuzzy entry and on any warning.")
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path),
              help="Folder for the files (default build/<ISSUE>/).")
@click.option("--force", is_flag=True, help="Rebuild every output, changed or not.")
@click.option("-j", "--jobs", type=click.IntRange(1), default=None,
              help="Editions built at once (default: one per core).")
def build(issue, editions, formats, strict, out_dir, force, jobs):
    """Build an issue's editions as print PDF, screen PDF and EPUB (only what changed)."""
    from magazine.build import build_issue
    start = time.perf_counter()
    result = build_issue(_project(), issue, editions, formats, strict, out_dir, force, jobs)
    click.echo(_summary(result.outputs))
    for out in result.outputs:
        for note in out.notes:
            click.echo(f"  {out.path.name}: {note}")
        for warning in out.warnings:
            click.echo(f"  {out.path.name}: warning: {warning}")
    for line in result.mixed_script:
        click.echo(f"  warning: {line}")
    reports = [out.makeup for out in result.outputs if out.makeup is not None]
    if reports:
        from magazine.typeset.makeup_report import summary_table
        click.echo(summary_table(reports))
        click.echo(f"  (pages, how full the last page is, faults; every fault: magazine makeup "
                   f"{result.issue})")
    for tag, fallbacks in result.fallbacks.items():
        if fallbacks:
            states = Counter(f.state for f in fallbacks)
            counted = ", ".join(f"{n} {state}" for state, n in sorted(states.items()))
            click.echo(f"  {tag} is a draft: {len(fallbacks)} blocks print in the source "
                       f"language, marked on the page ({counted})")
    built = sum(1 for out in result.outputs if not out.cached)
    click.echo(f"  {built} written, {len(result.outputs) - built} up to date, "
               f"{time.perf_counter() - start:.1f} s")


def _summary(outputs) -> str:
    """Return the closing table: each output, its pages, size, time and warnings."""
    rows = [("output", "pages", "KiB", "seconds", "warnings", "")]
    rows += [(str(out.path), str(out.pages or ""), f"{out.bytes / 1024:.0f}",
              "" if out.cached else f"{out.seconds:.1f}", str(len(out.warnings)),
              "up to date" if out.cached else "written") for out in outputs]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  " + "  ".join(
        cell.ljust(w) if i in (0, 5) else cell.rjust(w)
        for i, (cell, w) in enumerate(zip(row, widths, strict=True))).rstrip() for row in rows)


@main.command()
@issue_argument
@click.option("-e", "--edition", "editions", multiple=True,
              help="Edition to proof (repeatable; default all).")
def proofs(issue, editions):
    """Render PNG proofs (cover, contents, a spread, all pages) into build/<ISSUE>/proofs/."""
    from magazine.typeset.proofs import build_proofs
    project = _project()
    for path in build_proofs(project, issue, editions):
        click.echo(f"  {path.relative_to(project.root)}")


@main.command()
@issue_argument
@click.option("-e", "--edition", "editions", multiple=True,
              help="Edition to measure (repeatable; default all).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="How to print the report.")
def makeup(issue, editions, fmt):
    """Lay out the editions as they print and report their page makeup: pages, how full,
    holes, short columns, widows and orphans, hyphen ladders, loose lines, footnotes."""
    from magazine.typeset.fit import issue_makeup
    from magazine.typeset.makeup_report import full_report, json_report
    reports = issue_makeup(_project(), issue, editions)
    click.echo(json_report(reports) if fmt == "json" else full_report(reports))


@main.command()
@issue_argument
@click.option("-e", "--edition", default="sr-Latn", show_default=True,
              help="Edition to preview: sr-Latn, sr-Cyrl, bg or en.")
@click.option("--watch", is_flag=True,
              help="Build again whenever a file in styles/, the issue or its catalogs changes.")
def preview(issue, edition, watch):
    """Build one edition's screen PDF and an HTML page into build/<ISSUE>/preview/."""
    from magazine.machinery.watch import snapshot, wait_for_change
    from magazine.typeset.preview import preview_edition
    project = _project()
    folders = [project.styles, project.issues, project.translations]
    seen = snapshot(folders)
    while True:
        start = time.perf_counter()
        try:
            for path in preview_edition(project, issue, edition):
                click.echo(f"  {path.relative_to(project.root)}")
            click.echo(f"  built in {time.perf_counter() - start:.1f} s")
        except MagazineError as exc:
            if not watch:
                raise
            click.echo(f"magazine: error: {exc}", err=True)
        if not watch:
            return
        click.echo("  watching styles/, issues/ and translations/ (Ctrl-C to stop)")
        try:
            files, seen = wait_for_change(folders, seen)
        except KeyboardInterrupt:
            return
        click.echo(f"  changed: {', '.join(str(p.relative_to(project.root)) for p in files[:3])}")


@main.command("import-docx")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--issue", "issue_id", help="Issue folder (default: the newest).")
@click.option("--slug", help="The article's file name (default: from the title).")
@click.option("--lang", type=click.Choice(["sr", "bg", "en"]),
              help="The language it is written in (default: the document's, else detected).")
@click.option("--force", is_flag=True, help="Replace an article of the same slug.")
def import_docx_command(file, issue_id, slug, lang, force):
    """Import a Word .docx as an article of an issue, with its images."""
    from magazine.word.import_docx import import_docx
    project = _project()
    result = import_docx(project, file.resolve(), issue_id, slug, lang, force)
    click.echo(f"  {result.article.relative_to(project.root)} ({result.lang}, "
               f"{result.lang_reason})")
    for image in result.images:
        click.echo(f"  {image.relative_to(project.root)}")
    for warning in result.warnings:
        click.echo(f"  warning: {warning}")


@main.command("export-docx")
@issue_argument
@click.option("--lang", "lang", required=True,
              help="The edition to review: sr (Latin), sr-Cyrl, bg or en.")
@click.option("--article", "slug", help="One article (default: all).")
@click.option("--bilingual", is_flag=True,
              help="Source | translation table from the catalog, for corrections.")
def export_docx_command(issue, lang, slug, bilingual):
    """Write Word review copies into build/<ISSUE>/review/<edition>/."""
    from magazine.word.review import export_review
    project = _project()
    for path in export_review(project, issue, lang, slug, bilingual):
        click.echo(f"  {path.relative_to(project.root)}")


@main.command("import-review")
@click.argument("file", type=click.Path(path_type=Path))
def import_review_command(file):
    """Put a proofreader's corrections from a bilingual review copy into its catalog."""
    from magazine.word.review import import_review
    project = _project()
    result = import_review(project, file.resolve())
    where = result.catalog.relative_to(project.root.resolve())
    click.echo(f"  {where}: {len(result.changed)} corrections")
    for line in result.changed:
        click.echo(f"    corrected {line}")
    for line in result.refused:
        click.echo(f"  warning: refused {line}")


@main.group()
def translations():
    """Create, refresh and report on the PO catalogs under translations/."""


@translations.command("update")
@issue_argument
def translations_update(issue):
    """Create or refresh the catalogs of an issue, keeping every translation."""
    from magazine.sources.issue import load_issue
    from magazine.translation.merge import EVENTS, update_issue_catalogs
    project = _project()
    written = update_issue_catalogs(project, load_issue(project, issue))
    for update in written:
        events = ", ".join(f"{n} {label}" for event, label in EVENTS.items()
                           if (n := update.events.get(event)))
        click.echo(f"  updated {update.path.relative_to(project.root)}"
                   + (f": {events}" if events else ""))
    if not written:
        click.echo("  catalogs are up to date")


@translations.command("status")
@issue_argument
@click.option("--all", "every_issue", is_flag=True, help="Report on every issue.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "markdown"]),
              default="table", show_default=True, help="How to print the figures.")
@click.option("--fail-under", type=click.FloatRange(0, 100), default=None,
              help="Exit 1 when any language has fewer than this percentage of its words "
                   "translated.")
def translations_status(issue, every_issue, fmt, fail_under):
    """Show how far each article is translated into each language, and what changed under
    each fuzzy entry."""
    from magazine.serbian.mixedscript import issue_mixed_script
    from magazine.sources.issue import all_issues, load_issue
    from magazine.translation import status
    project = _project()
    issues = all_issues(project) if every_issue else [load_issue(project, issue)]
    statuses = [s for one in issues for s in status.issue_status(project, one)]
    mixed = [line for one in issues for line in issue_mixed_script(project, one)]
    click.echo(status.format_status(statuses, fmt, mixed))
    if fmt == "table":
        from magazine.typeset.makeup_report import last_build_fitting
        fitting = [note for one in issues for note in last_build_fitting(project, one.id)]
        if fitting:
            click.echo("\nthe pages (from the last build; every fault: magazine makeup):")
            click.echo("\n".join(f"  {note}" for note in fitting))
    low = status.languages_under(statuses, fail_under) if fail_under is not None else []
    if low:
        raise MagazineError(", ".join(f"{lang} is {share:.1f}% translated" for lang, share in low)
                            + f" (by words), under --fail-under {fail_under:g}", "translations")


@main.command()
@click.option("--to", "target", type=click.Choice(["cyrl", "latn"]), default="cyrl",
              show_default=True, help="The script to write.")
@click.argument("file", type=click.File("rb"), default="-")
def transliterate(target, file):
    """Transliterate Serbian text or Markdown between Latin and Cyrillic (stdin to stdout
    without FILE), keeping line breaks, markup, addresses, code and names (see
    magazine/serbian/transliterate.py)."""
    from magazine.serbian.transliterate import to_cyrillic, to_latin
    convert = to_cyrillic if target == "cyrl" else to_latin
    try:
        text = file.read().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise MagazineError(f"not UTF-8 text ({exc.reason} at byte {exc.start}); save it as "
                            "UTF-8", file.name) from None
    sys.stdout.buffer.write(convert(text).encode("utf-8"))
