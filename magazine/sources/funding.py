"""Read what the EU programme's visibility rules put on the magazine: issues/funding.yaml for
every issue, any field of it replaced in an issue's issue.yaml under `funding:`."""

from pathlib import Path

from magazine.errors import ManifestError
from magazine.languages import LANGUAGES
from magazine.model import Funding, Project

TEXTS = ("statement", "programme", "beneficiary", "disclaimer")   # each per language
PICTURES = {"emblem": True, "programme-logo": False}               # required?


def load_funding(project: Project, issue_data: dict, issue_lines: dict,
                 manifest: Path) -> Funding:
    """Return the issue's funding: the magazine's, with the issue's own fields over it."""
    from magazine.sources.issue import parse_yaml, read_text  # one YAML reader for both

    path = project.funding
    if not path.is_file():
        raise ManifestError("the EU programme's emblem, statement and disclaimer are not "
                            f"set: write issues/{path.name} (see the sample)", path)
    data, lines = parse_yaml(read_text(path, ManifestError), path, ManifestError)
    if not isinstance(data, dict):
        raise ManifestError("must be a mapping of fields (emblem, statement, programme, "
                            "beneficiary, disclaimer)", path, 1)
    own = issue_data.get("funding")
    if own is not None and not isinstance(own, dict):
        raise ManifestError("funding must be a mapping of the fields of "
                            f"issues/{path.name} to replace", manifest,
                            issue_lines.get("funding"))
    where = {key: (path, lines.get(key)) for key in data}
    for key in own or {}:
        where[key] = (manifest, issue_lines.get("funding"))
    merged = {**data, **(own or {})}
    unknown = sorted(set(merged) - set(TEXTS) - set(PICTURES))
    if unknown:
        file, line = where[unknown[0]]
        raise ManifestError(f"unknown funding field {unknown[0]!r}; the fields are "
                            f"{', '.join((*PICTURES, *TEXTS))}", file, line)
    texts = {key: _texts(merged.get(key), key, *where.get(key, (path, None))) for key in TEXTS}
    pictures = {key: _picture(project, merged.get(key), key, needed,
                              *where.get(key, (path, None)))
                for key, needed in PICTURES.items()}
    emblem = pictures["emblem"]
    assert emblem is not None                   # required: _picture refused it missing
    return Funding(emblem, pictures["programme-logo"], **texts)


def _texts(value, key: str, file: Path, line: int | None) -> dict:
    if not isinstance(value, dict) or not all(
            isinstance(value.get(lang), str) and value[lang].strip() for lang in LANGUAGES):
        raise ManifestError(f"funding {key} must give the text in each of "
                            f"{', '.join(LANGUAGES)}", file, line)
    return {lang: value[lang].strip() for lang in LANGUAGES}


def _picture(project: Project, value, key: str, needed: bool, file: Path,
             line: int | None) -> Path | None:
    if value is None and not needed:
        return None
    folder = (project.styles / "emblem").resolve()
    if not isinstance(value, str) or not value.strip():
        raise ManifestError(f"funding {key} must name a file in styles/emblem/", file, line)
    picture = (folder / value.strip()).resolve()
    if not picture.is_relative_to(folder) or not picture.is_file():
        raise ManifestError(f"funding {key}: styles/emblem/{value.strip()} is not there "
                            "(a file in styles/emblem/)", file, line)
    return picture
