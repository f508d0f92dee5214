"""Release an issue for distribution: a strict build, every check, then dist/<ISSUE>/ with
checksums, a manifest and a download page, written whole or not at all."""

from pathlib import Path

from magazine.build import build_issue
from magazine.distribution.bundle import write_bundle
from magazine.distribution.checks import output_problems, source_problems
from magazine.errors import MagazineError, ReleaseError
from magazine.model import Project
from magazine.sources.issue import load_issue


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
        problems += output_problems(project, issue, outputs)
    if problems:
        raise ReleaseError(f"the release of issue {issue.id} is not ready: {len(problems)} "
                           "problems; nothing was written to dist/", project.issues / issue.id,
                           details=problems)
    return write_bundle(project, issue, outputs)
