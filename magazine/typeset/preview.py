"""A designer's preview: one edition's screen PDF, and its HTML for a browser."""

import os
from pathlib import Path

from magazine.formats import PDF_STYLES, output_name
from magazine.languages import select_editions
from magazine.machinery.files import write_if_changed
from magazine.model import Issue, Project
from magazine.sources.issue import load_issue
from magazine.typeset.compose import compose_edition
from magazine.typeset.fit import lay_out_fitted
from magazine.typeset.pdf import pages_for_screen, write_pdf


def preview_edition(project: Project, issue_id: str | None, edition_tag: str) -> list[Path]:
    """Write one edition's screen PDF and an HTML page for the browser (linked to styles/)
    into build/<ISSUE>/preview/; return both paths."""
    [edition] = select_editions([edition_tag])
    issue = load_issue(project, issue_id)
    text = compose_edition(project, issue, edition)
    folder = project.build / issue.id / "preview"
    layout = lay_out_fitted(project, text).layout
    pdf = folder / output_name(issue.id, edition.tag, "screen")
    write_pdf(pages_for_screen(layout.document), pdf, trim=True)
    page = folder / f"infocluster-{issue.id}-{edition.tag}.html"
    write_if_changed(page, browser_html(layout.html, project, issue).encode("utf-8"))
    return [pdf, page]


def browser_html(html: str, project: Project, issue: Issue) -> str:
    """Point the HTML at the issue's media and the styles, for a browser opening it from
    build/<ISSUE>/preview/."""
    base = os.path.relpath(issue.path, project.build / issue.id / "preview")
    hrefs = [os.path.relpath(project.styles / name, issue.path) for name in PDF_STYLES]
    links = "".join(f'<link rel="stylesheet" href="{href}">' for href in hrefs)
    return html.replace("<head>", f'<head>\n<base href="{base}/">\n{links}', 1)
