"""What the layout needs to know about an image file: its shape, and its pixels if any."""

import re
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

_SVG_VIEWBOX = re.compile(
    rb'viewBox\s*=\s*["\']\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)')
_SVG_SIZE = re.compile(rb'\b(width|height)\s*=\s*["\']\s*([\d.]+)')


@dataclass(frozen=True)
class ImageInfo:
    """An image's width and height (pixels, or SVG user units) and whether it is vector."""

    width: float
    height: float
    vector: bool

    @property
    def aspect(self) -> float:
        return self.width / self.height if self.height else 1.0


def image_info(path: Path) -> ImageInfo | None:
    """Return an image's size and kind, or None when it cannot be read."""
    try:
        if path.suffix.lower() == ".svg":
            head = path.read_bytes()[:4096]
            box = _SVG_VIEWBOX.search(head)
            if box:
                return ImageInfo(float(box.group(1)), float(box.group(2)), True)
            size = dict((k.decode(), float(v)) for k, v in _SVG_SIZE.findall(head))
            if "width" in size and "height" in size:
                return ImageInfo(size["width"], size["height"], True)
            return None
        with Image.open(path) as image:
            return ImageInfo(float(image.width), float(image.height), False)
    except (OSError, ValueError):
        return None
