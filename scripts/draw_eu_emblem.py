"""Draw the EU emblem (the flag of the European Union) into styles/emblem/eu-emblem.svg.

    .venv/bin/python scripts/draw_eu_emblem.py

The drawing follows the emblem's official geometric description (see styles/emblem/README.md):

* a blue rectangle whose width is one and a half times its height;
* twelve gold stars at equal intervals on an invisible circle whose centre is the point where
  the rectangle's diagonals cross and whose radius is one third of the height;
* each star has five points on an invisible circle of radius one eighteenth of the height;
* the stars are upright (one point straight up, two points on a horizontal line) and stand
  where the hours stand on a clock face.

The height is 180 units, so the emblem is 270 × 180, the circle of stars has radius 60 and
each star radius 10, all whole numbers. Colours: Reflex Blue #003399, Yellow #ffcc00.

The file is written atomically (magazine.machinery.files.write_if_changed) and is byte-for-byte
the same on every run. Before it is written, the SVG is
parsed back and its stars measured against the description; a fault stops the script.
"""

import math
import sys
from pathlib import Path
from xml.etree import ElementTree
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from magazine.machinery.files import write_if_changed  # noqa: E402

OUT = ROOT / "styles" / "emblem" / "eu-emblem.svg"

HEIGHT = 180                      # divisible by 3 and by 18: every radius is a whole number
WIDTH = HEIGHT * 3 // 2           # the fly is one and a half times the hoist
CX, CY = WIDTH / 2, HEIGHT / 2    # where the diagonals cross
RING_RADIUS = HEIGHT / 3          # the invisible circle the stars stand on
STAR_RADIUS = HEIGHT / 18         # the invisible circle each star's five points lie on
# A regular five-pointed star: the inner corners lie on a circle cos 72° / cos 36° of the
# outer one (0.381966…, 1/φ²).
STAR_INNER = STAR_RADIUS * math.cos(math.radians(72)) / math.cos(math.radians(36))

BLUE = "#003399"                  # Pantone Reflex Blue, CMYK 100/80/0/0
YELLOW = "#ffcc00"                # Pantone Yellow, CMYK 0/0/100/0
TITLE = "Flag of the European Union"

SVG_NS = "{http://www.w3.org/2000/svg}"


def num(v: float) -> str:
    """A coordinate rounded to 3 decimals, without trailing zeros or a '-0'."""
    s = f"{v:.3f}".rstrip("0").rstrip(".")
    return "0" if s == "-0" else s


def star_centres() -> list[tuple[float, float]]:
    """The twelve star centres, from 12 o'clock clockwise (1 o'clock, 2 o'clock, …)."""
    centres = []
    for hour in (12, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11):
        a = math.radians(hour * 30)
        centres.append((CX + RING_RADIUS * math.sin(a), CY - RING_RADIUS * math.cos(a)))
    return centres


def star_points(x: float, y: float) -> list[tuple[float, float]]:
    """The ten corners of an upright star centred on (x, y): a point straight up, then
    inner and outer corners alternating clockwise. Each star is upright on its own, not
    turned towards the centre of the ring."""
    corners = []
    for k in range(10):
        r = STAR_RADIUS if k % 2 == 0 else STAR_INNER
        a = math.radians(k * 36)
        corners.append((x + r * math.sin(a), y - r * math.cos(a)))
    return corners


def star_path(x: float, y: float) -> str:
    first, *rest = star_points(x, y)
    return (f"M{num(first[0])} {num(first[1])}"
            + "".join(f"L{num(px)} {num(py)}" for px, py in rest) + "Z")


def emblem() -> str:
    lines = [
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
        f"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" "
        f"viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" aria-labelledby=\"eu-emblem-title\">",
        f"<title id=\"eu-emblem-title\">{escape(TITLE)}</title>",
        f"<rect x=\"0\" y=\"0\" width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"{BLUE}\"/>",
    ]
    for x, y in star_centres():
        lines.append(f"<path fill=\"{YELLOW}\" d=\"{star_path(x, y)}\"/>")
    lines.append("</svg>")
    return "\n".join(lines) + "\n"


def check(data: bytes) -> list[str]:
    """Measure the written emblem against the description; return the faults found."""
    faults = []
    root = ElementTree.fromstring(data)
    w, h = (float(v) for v in root.get("viewBox").split()[2:])
    if w != 1.5 * h:
        faults.append(f"viewBox {w} × {h} is not 3:2")
    if root.findall(f".//{SVG_NS}text"):
        faults.append("the emblem holds <text>")
    title = root.find(f"{SVG_NS}title")
    if title is None or title.text != TITLE or root.get("role") != "img":
        faults.append("title or role missing")
    rect = root.find(f"{SVG_NS}rect")
    if rect is None or rect.get("fill") != BLUE:
        faults.append("no blue rectangle")
    stars = root.findall(f"{SVG_NS}path")
    if len(stars) != 12 or any(s.get("fill") != YELLOW for s in stars):
        faults.append(f"{len(stars)} stars, not twelve gold ones")
    tol = 0.002                   # coordinates are rounded to 3 decimals
    for i, star in enumerate(stars):
        corners = [tuple(float(v) for v in c.split())
                   for c in star.get("d").strip("MZ").split("L")]
        outer = corners[0::2]
        sx = sum(p[0] for p in outer) / 5
        sy = sum(p[1] for p in outer) / 5
        hour = 12 if i == 0 else i
        a = math.radians(hour * 30)
        if math.hypot(sx - (w / 2 + h / 3 * math.sin(a)), sy - (h / 2 - h / 3 * math.cos(a))) > tol:
            faults.append(f"star {hour}: centre ({sx:.3f}, {sy:.3f}) not at {hour} o'clock")
        if any(abs(math.hypot(px - sx, py - sy) - h / 18) > tol for px, py in outer):
            faults.append(f"star {hour}: points not on a circle of radius h/18")
        if abs(outer[0][0] - sx) > tol or outer[0][1] >= sy:
            faults.append(f"star {hour}: not upright")
        if abs(outer[1][1] - outer[4][1]) > tol:
            faults.append(f"star {hour}: the two side points are not level")
    return faults


def main() -> int:
    data = emblem().encode("utf-8")
    faults = check(data)
    if faults:
        for fault in faults:
            print(f"draw_eu_emblem: {fault}", file=sys.stderr)
        return 1
    write_if_changed(OUT, data)
    print(f"{OUT.relative_to(ROOT)}: {WIDTH} × {HEIGHT}, ring radius {num(RING_RADIUS)}, "
          f"star radius {num(STAR_RADIUS)}, centre ({num(CX)}, {num(CY)}); {len(data)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
