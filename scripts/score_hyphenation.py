"""Score Bulgarian hyphenation dictionaries on the hand-checked list (tests/data/).

    .venv/bin/python scripts/score_hyphenation.py [DIC ...] [--words]

Without DIC: pyphen's own hyph_bg_BG.dic and ours (magazine/typeset/hyphenation/hyph_bg.dic).
For each: boundaries found and missed, and the wrong breaks it proposes, with the same left and
right minimums (2, 2) WeasyPrint passes by default; --words lists every word it gets wrong or
misses something in.
"""

import argparse
import sys
from pathlib import Path

from magazine.typeset.hyphenation import DICTIONARIES
from magazine.typeset.hyphenation.check import hyphenated, read_list, score

REPO = Path(__file__).resolve().parent.parent
LIST = REPO / "tests" / "data" / "bulgarian-hyphenation.tsv"


def pyphens_own() -> Path:
    """Return the Bulgarian dictionary pyphen ships."""
    import pyphen  # type: ignore[import-untyped]
    return Path(str(pyphen.dictionaries.joinpath("hyph_bg_BG.dic")))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dictionaries", nargs="*", type=Path)
    parser.add_argument("--list", type=Path, default=LIST)
    parser.add_argument("--words", action="store_true", help="list the words with faults")
    args = parser.parse_args()
    entries = read_list(args.list)
    for path in args.dictionaries or [pyphens_own(), DICTIONARIES["bg"]]:
        result = score(path, entries)
        print(f"{path}\n  {len(entries)} words, {result.boundaries} boundaries: "
              f"{result.found} found ({result.found / result.boundaries:.1%}), "
              f"{result.missed} missed, {result.wrong} wrong breaks in "
              f"{len(result.words_with_wrong_breaks)} words")
        if args.words:
            for word in result.words:
                if word.wrong or word.missed:
                    entry = word.entry
                    print(f"    {entry.word:24} proposes {hyphenated(entry.word, word.proposed):30}"
                          f" wrong {len(word.wrong)}, missed {word.missed}"
                          f" (accepted: {hyphenated(entry.word, sorted(entry.accepted))})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
