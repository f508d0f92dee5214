"""The build graph: what each output (edition × format) is made from, by content hash, and
the cache under build/<ISSUE>/.cache/ that says which outputs are still what those inputs make.

An output is up to date only when its recorded inputs digest equals today's and the file on
disk still has the digest recorded when it was written; anything else (no cache, a damaged
cache, a file changed by hand) rebuilds it."""

import hashlib
import json
from dataclasses import asdict
from pathlib import Path

from magazine.formats import EBOOK_STYLES, PRESS_STYLES, PRINT_STYLES
from magazine.machinery.files import write_if_changed
from magazine.model import (
    ArticleMakeup,
    Edition,
    EditionMakeup,
    Fallback,
    Fault,
    Output,
    Project,
    Segment,
)

PACKAGE = Path(__file__).parent.parent          # magazine/


_DIGESTS: dict = {}


def digest_file(path: Path) -> str:
    """Return the SHA-256 of a file's bytes (remembered while its size and mtime stay)."""
    stat = path.stat()
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    if key not in _DIGESTS:
        _DIGESTS[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return _DIGESTS[key]


def _files(folder: Path, pattern: str = "**/*") -> list[Path]:
    return sorted(p for p in folder.glob(pattern) if p.is_file() and not p.name.startswith("."))


def pipeline_digest() -> str:
    """Return a digest of the pipeline's own code and data: a new version rebuilds all."""
    return _digest({p.relative_to(PACKAGE).as_posix(): digest_file(p)
                    for p in _files(PACKAGE, "**/*.py") + _files(PACKAGE, "**/*.yaml")})


def _digest(parts: dict) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def output_inputs(project: Project, issue_id: str, edition: Edition, fmt: str,
                  options: dict) -> dict:
    """Return {input: digest} for one output: the issue folder (manifest, articles, media),
    the catalogs of the edition's language, the styles, fonts and templates its format uses,
    and the options (which carry the pipeline's digest)."""
    inputs = {"options": _digest({**options, "format": fmt})}
    funding = [project.funding] if project.funding.is_file() else []
    for path in _files(project.issues / issue_id) + funding:
        inputs[path.relative_to(project.root).as_posix()] = digest_file(path)
    for path in _files(project.translations / issue_id / edition.language, "*.po"):
        inputs[path.relative_to(project.root).as_posix()] = digest_file(path)
    # press.css names the profile through which a CMYK photo is shown on a screen too
    styles = EBOOK_STYLES + PRESS_STYLES if fmt == "epub" else PRINT_STYLES
    for path in [project.styles / name for name in styles] + _files(project.styles / "fonts") \
            + _files(project.styles / "templates") + _files(project.styles / "colour") \
            + _files(project.styles / "emblem"):
        if path.is_file():
            inputs[path.relative_to(project.root).as_posix()] = digest_file(path)
    return inputs


class BuildCache:
    """The records of the outputs written, kept in build/<ISSUE>/.cache/graph.json."""

    def __init__(self, path: Path):
        self.path = path
        try:
            self.records = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(self.records, dict):
                self.records = {}
        except (OSError, ValueError):
            self.records = {}                # no cache, or a damaged one: rebuild everything

    def fresh(self, output: Path, inputs: dict) -> dict | None:
        """Return the record of an output if it is up to date, else None."""
        record = self.records.get(str(output))
        try:
            if record and record["inputs"] == _digest(inputs) and output.is_file() \
                    and record["sha256"] == digest_file(output):
                return record
        except (KeyError, TypeError):
            return None
        return None

    def remember(self, output: Output, inputs: dict, fallbacks: tuple[Fallback, ...]) -> None:
        """Record an output just written, with the inputs it was made from."""
        data = {k: (str(v) if isinstance(v, Path) else v) for k, v in asdict(output).items()}
        self.records[str(output.path)] = {
            "inputs": _digest(inputs), "sha256": digest_file(output.path), "output": data,
            "fallbacks": [{"catalog": str(f.catalog), "catalog_line": f.catalog_line,
                           "state": f.state, "reason": f.reason,
                           "segment": asdict(f.segment)} for f in fallbacks]}

    def checked_text(self, project: Project, issue_id: str, check) -> list[str]:
        """Return `check()` (a report on the issue's texts), or the report kept from last
        time when no article, manifest or catalog of the issue changed since."""
        files = _files(project.issues / issue_id) + _files(project.translations / issue_id)
        digest = _digest({str(p): digest_file(p) for p in files})
        kept = self.records.get("_texts")
        if isinstance(kept, dict) and kept.get("inputs") == digest:
            return list(kept.get("report", []))
        report = check()
        self.records["_texts"] = {"inputs": digest, "report": report}
        return report

    def save(self) -> None:
        write_if_changed(self.path, json.dumps(self.records, indent=1, sort_keys=True)
                         .encode("utf-8"))


def cached_output(record: dict) -> Output:
    """Rebuild the Output of a cache record (marked as taken from the cache)."""
    data = dict(record["output"])
    return Output(Path(data["path"]), data["edition"], data["format"], data["pages"],
                  data["bytes"], tuple(data["warnings"]), tuple(data["notes"]), 0.0, True,
                  _makeup(data.get("makeup")))


def _makeup(data) -> EditionMakeup | None:
    """Rebuild the makeup report kept with an output (None when there is none to trust)."""
    try:
        return EditionMakeup(
            data["edition"], data["pages"], tuple(data["fills"]),
            tuple(ArticleMakeup(**{**a, "faults": tuple(Fault(**f) for f in a["faults"])})
                  for a in data["articles"]),
            tuple(Fault(**f) for f in data["faults"]))
    except (KeyError, TypeError):
        return None


def cached_fallbacks(record: dict) -> tuple[Fallback, ...]:
    """Rebuild the fallbacks (untranslated blocks) recorded with an output."""
    return tuple(Fallback(Path(f["catalog"]), f["catalog_line"], f["state"],
                          Segment(**f["segment"]), f["reason"]) for f in record["fallbacks"])
