"""The makeup report (typeset/makeup.py) for people: the short table a build ends with, the
whole report of `magazine makeup`, and JSON for scripts."""

import json
import re
from dataclasses import asdict

from magazine.errors import MakeupError
from magazine.machinery.graph import BuildCache
from magazine.model import ArticleMakeup, EditionMakeup, Issue, Project

# the notes typeset/fit.py leaves on a print output: what it set closer or looser, the figures,
# tables and pull quotes it moved, or what it asks to cut or add
_FIGURE = r"an? (figure|table|pull quote)"
_FITTING = re.compile(r"^\S+ [a-z0-9-]+(: set (closer|looser) \(| runs about \d+ lines"
                      r"|: (its pull quotes? left out|set (closer|looser) \()"
                      rf"|: {_FIGURE}( and {_FIGURE})* set (\d+ blocks? (later|earlier) "
                      r"in the text|inside the paragraph before it))")


def is_fitting_note(note: str) -> bool:
    """Say whether an output's note is one of the fitter's."""
    return bool(_FITTING.match(note))


def summary_table(reports: list[EditionMakeup]) -> str:
    """Return the short table a build ends with: per article, per edition, its pages, how
    full its last page is and how many faults it has."""
    tags = [report.edition for report in reports]
    slugs = list(dict.fromkeys(a.slug for report in reports for a in report.articles))
    cells = {(report.edition, a.slug): _cell(a) for report in reports for a in report.articles}
    rows = [("makeup", *tags)]
    rows += [(slug, *(cells.get((tag, slug), "") for tag in tags)) for slug in slugs]
    rows += [("(issue)", *(_faults(report.faults) or "-" for report in reports))]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  " + "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True))
                     .rstrip() for row in rows)


def _cell(article: ArticleMakeup) -> str:
    pages = f"p. {article.first_page}" if article.pages == 1 else \
        f"p. {article.first_page}-{article.last_page}"
    faults = len(article.faults)
    return f"{pages}, {article.last_page_fill:.0%}, " + \
        (f"{faults} fault{'s' if faults != 1 else ''}" if faults else "ok")


def _faults(faults) -> str:
    counted: dict[str, int] = {}
    for fault in faults:
        counted[fault.kind] = counted.get(fault.kind, 0) + 1
    return ", ".join(f"{n} {kind}" for kind, n in counted.items())


def full_report(reports: list[EditionMakeup]) -> str:
    """Return every edition's makeup: each article's pages and every fault, page by page."""
    lines = []
    for report in reports:
        fills = [fill for fill in report.fills if fill > 0]
        mean = sum(fills) / len(fills) if fills else 0
        lines.append(f"{report.edition}: {report.pages} pages, {len(report.all_faults)} faults, "
                     f"text pages {mean:.0%} full on average")
        lines += [f"  page {f.page}: {f.kind}: {f.detail}" for f in report.faults]
        for article in report.articles:
            pages = f"page {article.first_page}" if article.pages == 1 else \
                f"pages {article.first_page}-{article.last_page}"
            lines.append(f"  {article.slug}: {pages}, last page {article.last_page_fill:.0%} "
                         f"full" + ("" if article.faults else ", no fault"))
            lines += [f"    page {f.page}: {f.kind}: {f.detail}" for f in article.faults]
    return "\n".join(lines)


def json_report(reports: list[EditionMakeup]) -> str:
    """Return the makeup as JSON for scripts."""
    return json.dumps([asdict(report) for report in reports], ensure_ascii=False, indent=2)


def last_build_fitting(project: Project, issue_id: str) -> list[str]:
    """Return what the last build of an issue fitted (closer or looser) and what it asks
    editors and translators to cut or add (from the build's records; nothing when it was
    never built)."""
    cache = BuildCache(project.build / issue_id / ".cache" / "graph.json")
    notes = []
    for record in cache.records.values():
        output = record.get("output") if isinstance(record, dict) else None
        if isinstance(output, dict) and output.get("format") == "print":
            notes += [n for n in output.get("notes") or ()
                      if isinstance(n, str) and is_fitting_note(n)]
    return sorted(notes)


def unaccepted_faults(issue: Issue, report: EditionMakeup) -> list[str]:
    """Return the edition's makeup faults that issue.yaml does not accept, one line each."""
    found = [f"{report.edition} (the issue), page {f.page}: {f.kind} ({f.detail})"
             for f in report.faults]
    for article in report.articles:
        found += [f"{report.edition} {article.slug}, page {f.page}: {f.kind} ({f.detail})"
                  for f in article.faults if not any(
                      a.covers(report.edition, article.slug, f) for a in issue.accepted)]
    return found


def unused_acceptances(issue: Issue, report: EditionMakeup) -> list[str]:
    """Return a note for each fault issue.yaml accepts in the edition that its pages no
    longer have (the release would list it as let through)."""
    return [f"issues/{issue.id}/issue.yaml accepts a {a.kind} in {a.edition} {a.article} "
            "that its pages no longer have: take it out of accepted-faults"
            for a in issue.accepted if a.edition == report.edition and not any(
                a.covers(report.edition, article.slug, fault)
                for article in report.articles for fault in article.faults)]


def refuse_faults(issue: Issue, report: EditionMakeup) -> None:
    """Fail a strict build on the makeup faults issue.yaml does not accept."""
    found = unaccepted_faults(issue, report)
    if found:
        faults = "1 page makeup fault" if len(found) == 1 else \
            f"{len(found)} page makeup faults"
        raise MakeupError(f"{faults} in {report.edition} that a strict build does not pass: "
                          "fix them (magazine makeup says where), or accept each in "
                          "accepted-faults with a reason",
                          issue.path / "issue.yaml", details=found)
