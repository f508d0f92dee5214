"""The models the stages pass along: frozen dataclasses, no behaviour."""

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path


@dataclass(frozen=True)
class Project:
    """Where the rooms of the repository are."""

    root: Path

    @property
    def issues(self) -> Path:
        return self.root / "issues"

    @property
    def funding(self) -> Path:
        """The EU programme's emblem and words for every issue (sources/funding.py)."""
        return self.issues / "funding.yaml"

    @property
    def styles(self) -> Path:
        return self.root / "styles"

    @property
    def translations(self) -> Path:
        return self.root / "translations"

    @property
    def build(self) -> Path:
        return self.root / "build"


@dataclass(frozen=True)
class Article:
    """One article as its author wrote it; `ast` is pandoc's JSON document."""

    slug: str
    path: Path
    lang: str
    script: str
    title: str
    author: str
    ast: dict = field(repr=False, compare=False)
    source_lines: tuple[str, ...] = field(repr=False, compare=False)


@dataclass(frozen=True)
class Funding:
    """What the EU programme's rules put on the magazine: the emblem (and the programme's
    logo) with the statement beside it, the programme, the beneficiary and the disclaimer,
    each text per language (issues/funding.yaml, an issue's `funding:`)."""

    emblem: Path
    logo: Path | None
    statement: dict
    programme: dict
    beneficiary: dict
    disclaimer: dict


@dataclass(frozen=True)
class Issue:
    """An issue as the editor's manifest describes it."""

    id: str
    path: Path
    number: int
    date: date
    titles: dict = field(compare=False)
    cover: Path | None
    articles: tuple[Article, ...]
    accepted: tuple["AcceptedFault", ...]           # makeup faults the designer accepts
    funding: Funding = field(compare=False)        # the EU programme's emblem and words


@dataclass(frozen=True)
class AcceptedFault:
    """A makeup fault the designer accepts in issue.yaml: every fault of that kind in that
    article and edition is let through a strict build, and the release lists it."""

    edition: str
    article: str
    kind: str
    reason: str

    def covers(self, edition: str, article: str, fault: "Fault") -> bool:
        return (self.edition, self.article, self.kind) == (edition, article, fault.kind)


@dataclass(frozen=True)
class Segment:
    """One translatable block: what a translator sees as one catalog entry."""

    kind: str
    text: str
    line: int
    context: str | None = None


@dataclass(frozen=True)
class Fallback:
    """A block an edition prints in the source language because its translation is not
    ready: untranslated, fuzzy, or needs fixing (it loses a footnote, a link...)."""

    catalog: Path
    catalog_line: int | None
    state: str
    segment: Segment
    reason: str = ""


@dataclass(frozen=True)
class ComposedArticle:
    """An article's text in one edition, as pandoc AST pieces."""

    slug: str
    author: str
    title: list = field(compare=False)
    summary: list = field(compare=False)
    section: list = field(compare=False)
    blocks: list = field(compare=False)
    fallbacks: tuple[Fallback, ...] = ()


@dataclass(frozen=True)
class EditionText:
    """Everything one edition prints: the issue, the edition and its composed articles."""

    issue: Issue
    edition: "Edition"
    articles: tuple[ComposedArticle, ...]


@dataclass(frozen=True)
class Edition:
    """One of the four editions: a BCP 47 tag, the language of its text and its script, its
    name in its own language, and the tag its printed text carries for hyphenation."""

    tag: str
    language: str
    script: str
    name: str
    hyphenation: str


FAULT_KINDS = ("underfull page", "hole", "short column", "lines above a figure",
               "short last page", "opener alone", "heading at foot", "orphan", "widow",
               "hyphen ladder", "loose line", "footnote away", "blank page", "contents overflow")


@dataclass(frozen=True)
class Fault:
    """A makeup fault an art director would mark on a proof (typeset/makeup.py)."""

    kind: str               # "hole", "underfull page", "hyphen ladder", "widow", ...
    page: int
    detail: str


@dataclass(frozen=True)
class ArticleMakeup:
    """How an article sits on its pages in one edition."""

    slug: str
    first_page: int
    last_page: int
    last_page_fill: float               # 0 to 1: the mean of its columns' filled height
    faults: tuple[Fault, ...] = ()
    last_page_lines: int = 0            # its lines of text on its last page
    words_per_line: float = 0.0         # on average, in its body
    lines: int = 0                      # its lines of text in all

    @property
    def pages(self) -> int:
        return self.last_page - self.first_page + 1


@dataclass(frozen=True)
class EditionMakeup:
    """The makeup of one laid-out edition: each page's fill, each article, and the faults
    that belong to no article (blank pages, the contents page)."""

    edition: str
    pages: int
    fills: tuple[float, ...]
    articles: tuple[ArticleMakeup, ...]
    faults: tuple[Fault, ...] = ()

    @property
    def all_faults(self) -> tuple[Fault, ...]:
        return self.faults + tuple(f for a in self.articles for f in a.faults)


@dataclass(frozen=True)
class Output:
    """One written file of a build."""

    path: Path
    edition: str
    format: str
    pages: int | None
    bytes: int
    warnings: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    seconds: float = 0.0
    cached: bool = False
    makeup: EditionMakeup | None = None      # print PDFs: how the pages are made up


@dataclass(frozen=True)
class WriteJob:
    """One edition's files to write: its text, the formats, where, and how."""

    project: Project
    text: EditionText
    formats: tuple[str, ...]
    out_dir: Path
    strict: bool = False
    jobs: int | None = None             # processes for the print and screen PDFs at once
