"""The orchestrator: load the issue, compose each edition, render it, write every format."""

import logging
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from magazine.errors import CatalogError
from magazine.formats import output_name, select_formats
from magazine.languages import select_editions
from magazine.machinery.diskcache import DiskCache
from magazine.machinery.files import issue_lock, remove_partial_files
from magazine.machinery.graph import (
    BuildCache,
    cached_fallbacks,
    cached_output,
    output_inputs,
    pipeline_digest,
)
from magazine.machinery.logs import refuse_warnings
from magazine.machinery.workers import run_jobs
from magazine.model import Edition, EditionText, Fallback, Issue, Output, Project, WriteJob
from magazine.pandoc import convert
from magazine.serbian.mixedscript import issue_mixed_script
from magazine.sources.issue import load_issue, newest_issue_id
from magazine.translation.catalog import refuse_orphans
from magazine.typeset.compose import compose_edition

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BuildResult:
    """What a build wrote, and which blocks each edition printed in the source language."""

    issue: str
    outputs: tuple[Output, ...]
    fallbacks: dict
    mixed_script: tuple[str, ...] = ()


@dataclass(frozen=True)
class EditionPlan:
    """An edition with outputs to write: the formats whose files are stale, and what each
    format's output is made from ({input: digest}, graph.output_inputs)."""

    edition: Edition
    stale: tuple[str, ...]
    inputs: dict


def build_issue(project: Project, issue_id: str | None = None, editions=(), formats=(),
                strict: bool = False, out_dir: Path | None = None, force: bool = False,
                jobs: int | None = None) -> BuildResult:
    """Build the chosen editions and formats of an issue (all of them by default), skipping
    every output whose inputs did not change (graph.py) unless `force`. Stale editions are
    composed first, so a strict build that fails writes nothing; then they are written in
    parallel processes, as many as there are cores (or `jobs`): each edition's PDFs (one
    layout) in one, its e-book in another. Articles and catalogs that did not change are not
    parsed again (convert.cached_in)."""
    issue_id = issue_id or newest_issue_id(project)
    manifest = project.issues / issue_id / "issue.yaml"
    if not manifest.is_file():
        load_issue(project, issue_id)                   # says clearly what is missing
    with issue_lock(manifest, "build"), \
            convert.cached_in(project.build / issue_id / ".cache" / "pandoc") as conversions:
        remove_partial_files(project.build / issue_id)
        if out_dir:
            remove_partial_files(out_dir, ".infocluster-*.part")
        result = _build(project, issue_id, editions, formats, strict, out_dir, force, jobs)
        conversions.prune()
        DiskCache(project.build / issue_id / ".cache" / "fit").prune()   # typeset/fit.py
    return result


def _build(project: Project, issue_id: str, editions, formats, strict: bool,
           out_dir: Path | None, force: bool, jobs: int | None) -> BuildResult:
    chosen_editions = select_editions(editions)
    chosen_formats = select_formats(formats)
    out_dir = out_dir or project.build / issue_id
    cache = BuildCache(project.build / issue_id / ".cache" / "graph.json")

    # 1. The plan: which outputs are stale (the rest come from the cache).
    options = {"strict": strict, "out_dir": str(out_dir), "pipeline": pipeline_digest()}
    plans, outputs, fallbacks = [], [], {}
    for edition in chosen_editions:
        inputs = {fmt: output_inputs(project, issue_id, edition, fmt, options)
                  for fmt in chosen_formats}
        records = {fmt: None if force else cache.fresh(
            out_dir / output_name(issue_id, edition.tag, fmt), inputs[fmt])
            for fmt in chosen_formats}
        kept = [record for record in records.values() if record]
        outputs += [cached_output(record) for record in kept]
        stale = tuple(fmt for fmt, record in records.items() if record is None)
        if stale:
            plans.append(EditionPlan(edition, stale, inputs))
        else:
            fallbacks[edition.tag] = cached_fallbacks(kept[0])

    # 2. Load and compose the stale editions; a strict build stops here, having written nothing.
    issue, texts = None, {}
    if plans:                                             # the issue is parsed only when needed
        issue = load_issue(project, issue_id)
        refuse_orphans(project, issue)
        texts = {text.edition.tag: text for text in run_jobs(
            [plan.edition for plan in plans], jobs, partial(_compose, project, issue))}
    for tag, text in texts.items():
        fallbacks[tag] = edition_fallbacks(text)
    fallbacks = {e.tag: fallbacks[e.tag] for e in chosen_editions}
    if strict and any(fallbacks.values()):
        raise_missing(project, fallbacks)

    # 3. Write: each edition's PDFs (one layout) and its e-book in parallel, long jobs first.
    for out in outputs:
        refuse_warnings(strict, list(out.warnings), out.path)
    if plans:
        from magazine.typeset.write import write_edition  # imports WeasyPrint: only now
        work = [(plan, WriteJob(project, texts[plan.edition.tag], group, out_dir, strict, jobs))
                for plan in plans
                for group in (tuple(f for f in plan.stale if f != "epub"),
                              tuple(f for f in plan.stale if f == "epub")) if group]
        work.sort(key=lambda pair: "epub" in pair[1].formats)
        for (plan, _), written in zip(work, run_jobs([job for _, job in work], jobs,
                                                     write_edition), strict=True):
            for out in written:
                cache.remember(out, plan.inputs[out.format], fallbacks[plan.edition.tag])
            outputs += written

    # 4. The report: outputs in edition and format order, and the mixed-script words.
    order = {(e.tag, f): n for n, (e, f) in enumerate(
        (e, f) for e in chosen_editions for f in chosen_formats)}
    outputs.sort(key=lambda out: order[(out.edition, out.format)])
    mixed = cache.checked_text(project, issue_id, lambda: issue_mixed_script(
        project, issue or load_issue(project, issue_id)))
    cache.save()
    return BuildResult(issue_id, tuple(outputs), fallbacks, tuple(mixed))


def _compose(project: Project, issue: Issue, edition: Edition) -> EditionText:
    log.info("composing %s", edition.tag)
    return compose_edition(project, issue, edition)


def edition_fallbacks(text: EditionText) -> tuple[Fallback, ...]:
    """Return the blocks an edition prints in the source language."""
    return tuple(f for article in text.articles for f in article.fallbacks)


def raise_missing(project: Project, fallbacks: dict) -> None:
    """Fail a strict build, listing every block whose translation is not ready."""
    unique: dict = {}
    for found in fallbacks.values():
        for f in found:
            unique.setdefault((f.catalog, f.segment), f)
    details = [f"{_where(project, f)}: {f.state}: {_excerpt(f.segment.text)} ({f.reason})"
               for f in unique.values()]
    raise CatalogError(f"a strict build needs every block translated; not ready: {len(unique)} "
                       "(fill them in your PO editor, or build without --strict for a draft)",
                       project.translations, details=details)


def _where(project: Project, fallback: Fallback) -> str:
    path = fallback.catalog.relative_to(project.root)
    return f"{path}:{fallback.catalog_line}" if fallback.catalog_line else str(path)


def _excerpt(text: str, length: int = 60) -> str:
    return text if len(text) <= length else text[:length - 1] + "…"
