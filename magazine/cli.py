"""The `magazine` command: a thin layer over the pipeline's stages."""

import json
import logging
import sys
from pathlib import Path

import click

from . import catalog
from .build import build_issue
from .errors import MagazineError
from .issue import load_issue
from .model import Project
from .transliterate import to_cyrillic, to_latin

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
            sys.exit(1)


@click.group(cls=_Group)
@click.option("-q", "--quiet", is_flag=True, help="Print only warnings and errors.")
def main(quiet):
    """INFOCLUSTER: build the magazine's editions and manage its translations."""
    logging.basicConfig(level=logging.WARNING if quiet else logging.INFO,
                        format="magazine: %(message)s", stream=sys.stderr)
    logging.getLogger("fontTools").setLevel(logging.ERROR)


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
def build(issue, editions, formats, strict, out_dir):
    """Build an issue's editions as print PDF, screen PDF and EPUB."""
    result = build_issue(_project(), issue, editions, formats, strict, out_dir)
    for out in result.outputs:
        pages = f"{out.pages:>3} pages" if out.pages else "         "
        click.echo(f"  {out.path}  {pages}  {out.bytes / 1024:>6.0f} KiB")
        for warning in out.warnings:
            click.echo(f"    warning: {warning}")
    for tag, missing in result.missing.items():
        if missing:
            click.echo(f"  {tag}: {missing} blocks not yet translated, printed in the source "
                       "language")


@main.group()
def translations():
    """Create, refresh and report on the PO catalogs under translations/."""


@translations.command("update")
@issue_argument
def translations_update(issue):
    """Create or refresh the catalogs of an issue, keeping every translation."""
    project = _project()
    written = catalog.update_issue_catalogs(project, load_issue(project, issue))
    for path in written:
        click.echo(f"  updated {path.relative_to(project.root)}")
    if not written:
        click.echo("  catalogs are up to date")


@translations.command("status")
@issue_argument
@click.option("--format", "fmt", type=click.Choice(["table", "json", "markdown"]),
              default="table", show_default=True, help="How to print the figures.")
@click.option("--fail-under", type=click.FloatRange(0, 100), default=None,
              help="Exit 1 when any catalog is less translated than this percentage.")
def translations_status(issue, fmt, fail_under):
    """Show how far each article is translated into each language."""
    project = _project()
    stats = catalog.issue_stats(project, load_issue(project, issue))
    click.echo(_format_stats(stats, fmt))
    low = [s for s in stats if fail_under is not None and s.percent < fail_under]
    if low:
        raise MagazineError(f"{len(low)} catalogs are under {fail_under:g}% translated "
                            f"(first: {low[0].language}/{low[0].article}.po at "
                            f"{low[0].percent:.0f}%)", "translations")


def _format_stats(stats, fmt: str) -> str:
    rows = [(s.article, s.language, s.total, s.translated, s.fuzzy, s.untranslated,
             f"{s.percent:.0f}%") for s in stats]
    if fmt == "json":
        keys = ("article", "language", "total", "translated", "fuzzy", "untranslated", "percent")
        return json.dumps([dict(zip(keys, (*r[:6], round(s.percent, 1))))
                           for r, s in zip(rows, stats)], ensure_ascii=False, indent=2)
    head = ("article", "lang", "entries", "translated", "fuzzy", "untranslated", "done")
    if fmt == "markdown":
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        return "\n".join(lines + ["| " + " | ".join(map(str, r)) + " |" for r in rows])
    widths = [max(len(str(x)) for x in col) for col in zip(head, *rows)]
    return "\n".join("  ".join(str(x).ljust(w) for x, w in zip(r, widths))
                     for r in [head, *rows])


@main.command()
@click.option("--to", "target", type=click.Choice(["cyrl", "latn"]), default="cyrl",
              show_default=True, help="The script to write.")
@click.argument("file", type=click.File("r", encoding="utf-8"), default="-")
def transliterate(target, file):
    """Transliterate Serbian text between Latin and Cyrillic (stdin to stdout without FILE)."""
    convert = to_cyrillic if target == "cyrl" else to_latin
    sys.stdout.write(convert(file.read()))
