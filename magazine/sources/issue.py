"""Load an issue: the editor's issue.yaml and the Markdown articles it names."""

import datetime
import re
from pathlib import Path

import yaml

from magazine.errors import ArticleError, ManifestError
from magazine.languages import EDITIONS, LANGUAGES
from magazine.model import FAULT_KINDS, AcceptedFault, Article, Issue, Project
from magazine.pandoc import ast, convert
from magazine.pandoc.ast import map_nodes
from magazine.serbian.transliterate import looks_cyrillic
from magazine.sources.funding import load_funding
from magazine.sources.safety import check_image, check_raw_html, line_of, resolve_inside

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def natural_key(name: str) -> tuple:
    """Sort key that puts issue "9" before "10" and "2026-9" before "2026-10"."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part)
                 for part in re.split(r"(\d+)", name) if part)


def issue_ids(project: Project) -> list[str]:
    """Return the names of the issue folders that have an issue.yaml, oldest first."""
    found = sorted((p.parent.name for p in project.issues.glob("*/issue.yaml")),
                   key=natural_key)
    if not found:
        raise ManifestError("no issue found (expected issues/<ISSUE>/issue.yaml)", project.issues)
    return found


def newest_issue_id(project: Project) -> str:
    """Return the newest issue folder's name (the last in sort order with an issue.yaml)."""
    return issue_ids(project)[-1]


def all_issues(project: Project) -> list[Issue]:
    """Load every issue, oldest first."""
    return [load_issue(project, issue_id) for issue_id in issue_ids(project)]


def load_issue(project: Project, issue_id: str | None = None) -> Issue:
    """Read issue.yaml and every article it lists, checking both."""
    issue_id = issue_id or newest_issue_id(project)
    folder = project.issues / issue_id
    manifest = folder / "issue.yaml"
    if not manifest.is_file():
        raise ManifestError(f"no issue {issue_id!r}: issue.yaml not found", manifest)
    text = read_text(manifest, ManifestError)
    data, lines = parse_yaml(text, manifest, ManifestError)
    if not isinstance(data, dict):
        raise ManifestError("issue.yaml must be a mapping of fields (number, date, title, "
                            "articles)", manifest, 1)
    number = _field(data, lines, manifest, "number", int)
    day = _field(data, lines, manifest, "date", datetime.date)
    titles = _field(data, lines, manifest, "title", dict)
    for lang in LANGUAGES:
        if not isinstance(titles.get(lang), str) or not titles[lang].strip():
            raise ManifestError(f"title.{lang} is missing: give the issue's title in each of "
                                f"{', '.join(LANGUAGES)}", manifest, lines.get("title"))
    slugs = _field(data, lines, manifest, "articles", list)
    paths = [_listed_article(folder, manifest, lines, slugs, i) for i in range(len(slugs))]
    cover = data.get("cover")
    if cover is not None:
        cover = resolve_inside(folder, folder, str(cover), manifest, lines.get("cover"),
                               ManifestError)
        check_image(folder, cover, manifest, lines.get("cover"), ManifestError)
    articles = tuple(load_article(path, slug, folder)
                     for path, slug in zip(paths, slugs, strict=True))
    accepted = _accepted_faults(data, lines, manifest, slugs)
    funding = load_funding(project, data, lines, manifest)
    return Issue(issue_id, folder, number, day, titles, cover, articles, accepted, funding)


ACCEPT_FIELDS = ("edition", "article", "fault", "reason")


def _accepted_faults(data, lines, manifest, slugs) -> tuple[AcceptedFault, ...]:
    """Read `accepted-faults`: the makeup faults the designer lets through a strict build,
    each an edition, an article, a fault's kind and the reason."""
    listed = data.get("accepted-faults") or []
    if not isinstance(listed, list):
        raise ManifestError("accepted-faults must be a list of faults (edition, article, "
                            "fault, reason)", manifest, lines.get("accepted-faults"))
    accepted = []
    for n, entry in enumerate(listed):
        line = lines.get(("accepted-faults", n))
        if not isinstance(entry, dict) or sorted(entry) != sorted(ACCEPT_FIELDS) or not all(
                isinstance(entry[key], str) and entry[key].strip() for key in ACCEPT_FIELDS):
            raise ManifestError("an accepted fault gives edition, article, fault and reason, "
                                "each as text", manifest, line)
        for key, allowed in (("edition", EDITIONS), ("article", slugs),
                             ("fault", FAULT_KINDS)):
            if entry[key] not in allowed:
                raise ManifestError(f"accepted fault: {key} {entry[key]!r} is not one of "
                                    f"{', '.join(allowed)}", manifest, line)
        accepted.append(AcceptedFault(entry["edition"], entry["article"], entry["fault"],
                                      entry["reason"].strip()))
    return tuple(accepted)


def _listed_article(folder, manifest, lines, slugs, index) -> Path:
    """Return the path of an article the manifest lists, checking its slug."""
    slug = slugs[index]
    line = lines.get(("articles", index))
    if not isinstance(slug, str) or not SLUG.match(slug):
        raise ManifestError(f"article slug {slug!r} must be lower-case letters, digits and "
                            "hyphens", manifest, line)
    if slugs.index(slug) != index:
        raise ManifestError(f"article {slug!r} is listed twice", manifest, line)
    path = folder / "articles" / f"{slug}.md"
    if not path.is_file():
        raise ManifestError(f"article {slug!r} is listed but articles/{slug}.md does not exist",
                            manifest, line)
    return path


def load_article(path: Path, slug: str, issue_folder: Path) -> Article:
    """Read one Markdown article with its YAML front matter."""
    text = read_text(path, ArticleError)
    front, body_start = _front_matter(text, path)
    title = _front_field(front, "title", path)
    author = _front_field(front, "author", path)
    lang = _front_field(front, "lang", path)
    if lang not in LANGUAGES:
        raise ArticleError(f"lang {lang!r} is not one of {', '.join(LANGUAGES)}", path,
                           _key_line(text, "lang"))
    for key in ("summary", "section"):
        if key in front and not isinstance(front[key], str):
            raise ArticleError(f"{key} must be text", path, _key_line(text, key))
    ast = convert.read_markdown(text, path)
    lines = tuple(text.split("\n"))
    _check_images(ast["blocks"], path, lines, issue_folder)
    script = "Cyrl" if lang == "bg" or (lang == "sr" and looks_cyrillic(text[body_start:])) \
        else "Latn"
    return Article(slug, path, lang, script, title, author, ast, lines)


LARGEST_TEXT = 2 * 2**20     # a long feature is 50 KB; 2 MB is a mistake (a pasted dump)


def read_text(path: Path, error) -> str:
    """Read a UTF-8 text file; a byte-order mark and CRLF line ends are accepted."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise error(f"cannot read: {exc.strerror}", path) from None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise error("is UTF-16 text; save it as UTF-8", path, 1)
    if len(raw) > LARGEST_TEXT:
        raise error(f"is {len(raw) // 2**20} MB, more than any article or manifest can be "
                    f"(at most {LARGEST_TEXT // 2**20} MB); split it", path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        raise error("is not UTF-8 text; save it as UTF-8", path, line) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_yaml(text: str, path: Path, error, first_line: int = 1):
    try:
        data = yaml.safe_load(text)
        node = yaml.compose(text)
    except ValueError as exc:                          # e.g. date: 2026-13-45
        raise error(f"malformed YAML: {exc}", path) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + first_line if mark else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise error(f"malformed YAML: {problem}", path, line) from None
    return data, _node_lines(node, first_line)


def _node_lines(node, first_line) -> dict:
    """Map top-level keys (and list items) of a YAML mapping to their line numbers."""
    lines = {}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            lines[key.value] = key.start_mark.line + first_line
            if isinstance(value, yaml.SequenceNode):
                for i, item in enumerate(value.value):
                    lines[(key.value, i)] = item.start_mark.line + first_line
    return lines


def _field(data, lines, path, key, kind):
    if key not in data:
        raise ManifestError(f"missing field {key!r}", path)
    value = data[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ManifestError(f"field {key!r} must be {_KIND_WORDS[kind]}, not {value!r}",
                            path, lines.get(key))
    if kind is list and not value:
        raise ManifestError(f"field {key!r} lists no articles", path, lines.get(key))
    return value


_KIND_WORDS = {int: "a whole number", datetime.date: "a date like 2026-10-15",
               dict: "a mapping of language to text", list: "a list of article slugs"}


def _front_matter(text: str, path: Path) -> tuple[dict, int]:
    if not text.startswith("---\n"):
        raise ArticleError("has no front matter: start the file with a '---' block holding "
                           "title, author and lang", path, 1)
    end = re.search(r"^(?:---|\.\.\.)\s*$", text[4:], re.MULTILINE)
    if not end:
        raise ArticleError("front matter is not closed with a '---' line", path, 1)
    data, _ = parse_yaml(text[4:4 + end.start()], path, ArticleError, first_line=2)
    if not isinstance(data, dict):
        raise ArticleError("front matter must be a mapping (title, author, lang, ...)", path, 2)
    return data, 4 + end.end()


def _front_field(front: dict, key: str, path: Path) -> str:
    value = front.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ArticleError(f"front matter lacks {key!r}", path, 1)
    return value.strip()


def _key_line(text: str, key: str) -> int | None:
    for number, line in enumerate(text.split("\n"), 1):
        if line.startswith(f"{key}:"):
            return number
    return None


def _check_images(blocks, path, lines, issue_folder):
    def check(node):
        if node["t"] == "Image":
            target = ast.target(node)
            line = line_of(lines, target)
            image = resolve_inside(issue_folder, path.parent, target, path, line, ArticleError)
            check_image(issue_folder, image, path, line, ArticleError)
    map_nodes(blocks, check)
    check_raw_html(blocks, path, lines, ArticleError)
