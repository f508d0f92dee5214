"""Preflight: what a print shop would send back, found before it does: images under 300 dpi
at their printed size, characters the magazine's fonts lack, fonts from outside styles/,
text running out of its column."""

import re
from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont
from weasyprint.formatting_structure import boxes

from magazine.typeset.pdf import walk_boxes

MIN_DPI = 300
_INVISIBLE = re.compile(r"[\s\u00ad\u200b\u2060\ufeff]")


def _page_boxes(document):
    for number, page in enumerate(document.pages, start=1):
        for box in walk_boxes(page._page_box):          # WeasyPrint's laid-out boxes
            yield number, box


def low_resolution_images(document) -> list[str]:
    """Name every raster image printed at under 300 dpi."""
    found = []
    for number, box in _page_boxes(document):
        if isinstance(box, boxes.ReplacedBox) and type(box.replacement).__name__ == "RasterImage":
            pixels, _, _ = box.replacement.get_intrinsic_size(1, 16)
            if box.width and pixels:
                dpi = pixels / (box.width / 96)
                if dpi < MIN_DPI:
                    found.append(f"page {number}: {box.element.get('src')} prints at "
                                 f"{dpi:.0f} dpi (under {MIN_DPI}); use a larger image")
    return found


def overflowing_text(document) -> list[str]:
    """Name every line whose text runs past the right edge of its column or box."""
    found = []
    for number, block in _page_boxes(document):
        if not isinstance(block, boxes.BlockContainerBox) or block.width is None:
            continue
        right = block.content_box_x() + block.width
        for line in block.children:
            if not isinstance(line, boxes.LineBox):
                continue
            end = max((child.position_x + child.margin_width() for child in line.children),
                      default=right)
            if end - right > 1:
                text = "".join(t.text for t in walk_boxes(line) if isinstance(t, boxes.TextBox))
                found.append(f"page {number}: text runs {(end - right) * 0.75:.0f} pt out "
                             f"of its column: {text[:50]!r}; allow a break (e.g. in a long "
                             "address)")
                break
    return found


@lru_cache(maxsize=8)
def _covered(fonts_dir: Path, stamp: tuple) -> frozenset:
    """Return every character some font in styles/fonts/ can draw."""
    chars = set()
    for path in sorted(fonts_dir.glob("*.ttf")):
        chars.update(TTFont(path, lazy=True).getBestCmap())
    return frozenset(chars)


def missing_glyphs(text: str, fonts_dir: Path) -> list[str]:
    """Name the characters of the text that no font of the magazine has."""
    stamp = tuple((p.name, p.stat().st_mtime) for p in sorted(fonts_dir.glob("*.ttf")))
    covered = _covered(fonts_dir, stamp)
    missing = sorted({ch for ch in _INVISIBLE.sub("", text) if ord(ch) not in covered})
    return [f"no font in styles/fonts has {ch!r} (U+{ord(ch):04X}); it would print in a "
            "machine font or as a box" for ch in missing]


def foreign_fonts(document, families: set[str]) -> list[str]:
    """Name the fonts a written document used that do not come from styles/fonts/."""
    used = sorted({font.family for font in document.fonts.values()} - families)
    return [f"font {family!r} is not one of the magazine's fonts (styles/fonts); a style asks "
            "for it or a character is missing from the magazine's fonts" for family in used]


def shipped_families(fonts_dir: Path) -> set[str]:
    """Return the family names of the fonts in styles/fonts/."""
    return {TTFont(path, lazy=True)["name"].getDebugName(1)
            for path in sorted(fonts_dir.glob("*.ttf"))}

