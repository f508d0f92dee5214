"""The three formats every edition is written in, and the file name each output gets."""

from magazine.errors import EditionError

FORMATS = ("print", "screen", "epub")


def select_formats(names) -> list[str]:
    """Return the formats named; all three when none is named."""
    if not names:
        return list(FORMATS)
    unknown = [n for n in names if n not in FORMATS]
    if unknown:
        raise EditionError(
            f"unknown format {unknown[0]!r}; choose from {', '.join(FORMATS)}", "command line")
    return [n for n in FORMATS if n in names]


def output_name(issue_id: str, edition: str, fmt: str) -> str:
    """Return the file name DESIGN.md gives an edition in a format."""
    suffix = ".epub" if fmt == "epub" else f"-{fmt}.pdf"
    return f"infocluster-{issue_id}-{edition}{suffix}"
