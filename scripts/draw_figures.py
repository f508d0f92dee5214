"""Draw the SVG figures of INFOCLUSTER issue 1 into issues/01/media/.

    .venv/bin/python scripts/draw_figures.py

Writes corridor-map.svg, project-year.svg and cover.svg. The same images print in the
Serbian, Bulgarian and English editions, so every label is bilingual: Serbian Latin, a
middle dot or a second line, then Bulgarian Cyrillic.

The PDFs may embed only the magazine's own fonts, so no figure contains an SVG <text>
element: every label is drawn as path outlines read with fontTools from the IBM Plex Sans
files in styles/fonts/, and the words are kept in the group's <title> and aria-label.

Standard library plus fontTools; the output is byte-for-byte the same on every run.
"""

import math
import random
import sys
from itertools import pairwise
from pathlib import Path
from xml.etree import ElementTree
from xml.sax.saxutils import escape, quoteattr

from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "styles" / "fonts"
MEDIA = ROOT / "issues" / "01" / "media"

# The magazine's palette.
NAVY = "#1f3a5f"
TEAL = "#2a9d8f"
SAND = "#e9c46a"
TINT_RS = "#eef3f7"   # the Serbian side
TINT_BG = "#f6f1e4"   # the Bulgarian side
WHITE = "#ffffff"
GREY = "#5b6b7d"      # secondary text (the Cyrillic line of stacked labels)

SEP = " \u00b7 "      # the middle dot between the Latin and the Cyrillic form


def num(v: float) -> str:
    """A coordinate with at most one decimal, without a trailing '.0' or a '-0'."""
    s = f"{v:.1f}"
    if s.endswith(".0"):
        s = s[:-2]
    return "0" if s == "-0" else s


def pts(points) -> str:
    return " ".join(f"{num(x)},{num(y)}" for x, y in points)


# --------------------------------------------------------------------------- text as paths

class Font:
    """One TTF font whose glyphs are drawn as SVG path data."""

    def __init__(self, filename: str):
        self.font = TTFont(FONTS / filename)
        self.glyphs = self.font.getGlyphSet()
        self.cmap = self.font.getBestCmap()
        self.hmtx = self.font["hmtx"]
        self.upm = self.font["head"].unitsPerEm
        self.cap = getattr(self.font["OS/2"], "sCapHeight", 0) or 0.7 * self.upm

    def glyph(self, ch: str) -> str:
        name = self.cmap.get(ord(ch))
        if name is None:
            raise SystemExit(f"draw_figures: {self.font.reader.file.name} has no glyph for "
                             f"{ch!r} (U+{ord(ch):04X})")
        return name

    def width(self, text: str, size: float, tracking: float = 0.0) -> float:
        """The advance width of text at size px; tracking is in em, added after each glyph
        but the last."""
        units = sum(self.hmtx[self.glyph(ch)][0] for ch in text)
        return units * size / self.upm + tracking * size * max(len(text) - 1, 0)

    def path(self, text: str, size: float, x: float, y: float, anchor: str = "start",
             tracking: float = 0.0) -> str:
        """Path data of text set at size px with its baseline at y; anchor says whether x is
        the start, the middle or the end of the line."""
        w = self.width(text, size, tracking)
        x -= {"start": 0.0, "middle": w / 2, "end": w}[anchor]
        scale = size / self.upm
        pen = SVGPathPen(self.glyphs, ntos=num)
        for ch in text:
            name = self.glyph(ch)
            self.glyphs[name].draw(TransformPen(pen, (scale, 0, 0, -scale, x, y)))
            x += self.hmtx[name][0] * scale + tracking * size
        return pen.getCommands()


REGULAR = Font("IBMPlexSans-Regular.ttf")
SEMIBOLD = Font("IBMPlexSans-SemiBold.ttf")


def label(lines, x: float, y: float, anchor: str = "start", halo: str | None = None,
          halo_width: float = 8.0, words: str | None = None) -> str:
    """A group of text lines drawn as outlines. lines: (text, font, size, fill, dy, tracking)
    tuples, dy being the baseline offset from y. words is what the group says (by default
    the lines joined by the middle dot); halo, if given, is a colour drawn round the letters
    so that they stay readable over lines and tints."""
    said = words if words is not None else SEP.join(line[0] for line in lines)
    out = [f"<g role=\"img\" aria-label={quoteattr(said)}><title>{escape(said)}</title>"]
    paths = []
    for text, font, size, fill, dy, tracking in lines:
        d = font.path(text, size, x, y + dy, anchor, tracking)
        paths.append((d, fill))
    if halo:
        for d, _ in paths:
            out.append(f"<path d=\"{d}\" fill=\"{halo}\" stroke=\"{halo}\" "
                       f"stroke-width=\"{num(halo_width)}\" stroke-linejoin=\"round\"/>")
    for d, fill in paths:
        out.append(f"<path d=\"{d}\" fill=\"{fill}\"/>")
    out.append("</g>")
    return "".join(out)


def line_label(text: str, x: float, y: float, size: float, font: Font = SEMIBOLD,
               fill: str = NAVY, anchor: str = "start", tracking: float = 0.0,
               halo: str | None = None, halo_width: float = 8.0) -> str:
    return label([(text, font, size, fill, 0.0, tracking)], x, y, anchor, halo, halo_width)


# --------------------------------------------------------------------------- geometry

def smooth_path(points, tension: float = 1.0) -> str:
    """A Catmull-Rom curve through points, as cubic Bezier path data."""
    d = [f"M{num(points[0][0])} {num(points[0][1])}"]
    for i in range(len(points) - 1):
        p0 = points[i - 1] if i > 0 else points[i]
        p1, p2 = points[i], points[i + 1]
        p3 = points[i + 2] if i + 2 < len(points) else p2
        c1 = (p1[0] + (p2[0] - p0[0]) * tension / 6, p1[1] + (p2[1] - p0[1]) * tension / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) * tension / 6, p2[1] - (p3[1] - p1[1]) * tension / 6)
        d.append(f"C{num(c1[0])} {num(c1[1])} {num(c2[0])} {num(c2[1])} "
                 f"{num(p2[0])} {num(p2[1])}")
    return "".join(d)


def catmull_points(points, steps: int = 12):
    """Points sampled along the same Catmull-Rom curve (to close polygons with it)."""
    out = [points[0]]
    for i in range(len(points) - 1):
        p0 = points[i - 1] if i > 0 else points[i]
        p1, p2 = points[i], points[i + 1]
        p3 = points[i + 2] if i + 2 < len(points) else p2
        for s in range(1, steps + 1):
            t = s / steps
            t2, t3 = t * t, t * t * t
            out.append(tuple(
                0.5 * (2 * p1[k] + (-p0[k] + p2[k]) * t
                       + (2 * p0[k] - 5 * p1[k] + 4 * p2[k] - p3[k]) * t2
                       + (-p0[k] + 3 * p1[k] - 3 * p2[k] + p3[k]) * t3)
                for k in (0, 1)))
    return out


VEIL_STEP = 0.02       # each layer's opacity: WeasyPrint keeps opacities to two decimals


def veil(width: float, height: float, stops) -> list[str]:
    """Return a white veil fading down from the top through (place, opacity) stops, as flat
    white layers of VEIL_STEP opacity laid one over another from the top, each a little
    shorter, so that as many cover each height as make the stops' opacity there. (A
    press's CMYK has no SVG gradients in WeasyPrint, and bands side by side would seam.)"""
    def layers_at(place: float) -> int:
        for (p0, a0), (p1, a1) in zip(stops, stops[1:], strict=False):
            if p0 <= place <= p1:
                through = 1 - (a0 + (a1 - a0) * (place - p0) / (p1 - p0))
                return round(math.log(max(through, 1e-6)) / math.log(1 - VEIL_STEP))
        return 0
    samples, end = 2000, stops[-1][0]
    needed = [layers_at(end * (n + 0.5) / samples) for n in range(samples)]
    bottoms = [max(n + 1 for n, k in enumerate(needed) if k >= count) / samples * end * height
               for count in range(1, max(needed) + 1)]
    return [f"<rect x=\"0\" y=\"0\" width=\"{num(width)}\" height=\"{num(bottom)}\" "
            f"fill=\"{WHITE}\" fill-opacity=\"{VEIL_STEP}\"/>" for bottom in bottoms]


def svg_document(width: int, height: int, title: str, body: list[str]) -> str:
    head = (f"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            f"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" "
            f"viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label={quoteattr(title)}>\n"
            f"<title>{escape(title)}</title>\n")
    return head + "\n".join(body) + "\n</svg>\n"


# --------------------------------------------------------------------------- 1. corridor map

MAP_W, MAP_H = 1600, 900
MAP_K = 900.0                        # px per degree of latitude
MAP_LAT0, MAP_LON0 = 43.01, 22.61    # the point drawn at the centre of the map
MAP_COS = math.cos(math.radians(43.0))


def geo(lat: float, lon: float):
    return (MAP_W / 2 + (lon - MAP_LON0) * MAP_COS * MAP_K,
            MAP_H / 2 - (lat - MAP_LAT0) * MAP_K)


def corridor_map() -> str:
    body = []
    nis, pirot = geo(43.32, 21.90), geo(43.15, 22.59)
    dimitrovgrad, crossing = geo(43.01, 22.78), geo(42.99, 22.87)
    dragoman, sofia = geo(42.92, 22.93), geo(42.70, 23.32)

    # The border, schematic: from the Stara Planina ridge in the north, east of
    # Dimitrovgrad, through the Gradina-Kalotina crossing, then south-west past Tran.
    border_geo = [(43.62, 22.47), (43.46, 22.60), (43.34, 22.70), (43.20, 22.86),
                  (43.08, 22.93), (42.99, 22.87), (42.88, 22.74), (42.76, 22.56),
                  (42.62, 22.50), (42.48, 22.44), (42.40, 22.40)]
    border = [geo(*p) for p in border_geo]
    line = catmull_points(border)
    west = [(-10, -10)] + line + [(-10, MAP_H + 10)]
    body.append(f"<rect x=\"0\" y=\"0\" width=\"{MAP_W}\" height=\"{MAP_H}\" fill=\"{TINT_BG}\"/>")
    body.append(f"<polygon points=\"{pts(west)}\" fill=\"{TINT_RS}\"/>")

    # A faint graticule every half degree, labelled at the edge.
    body.append(f"<g stroke=\"{NAVY}\" stroke-opacity=\"0.10\" stroke-width=\"1.5\" fill=\"none\">")
    for lat in (42.5, 43.0, 43.5):
        y = geo(lat, MAP_LON0)[1]
        body.append(f"<line x1=\"0\" y1=\"{num(y)}\" x2=\"{MAP_W}\" y2=\"{num(y)}\"/>")
    for lon in (21.5, 22.0, 22.5, 23.0, 23.5):
        x = geo(MAP_LAT0, lon)[0]
        body.append(f"<line x1=\"{num(x)}\" y1=\"0\" x2=\"{num(x)}\" y2=\"{MAP_H}\"/>")
    body.append("</g>")
    for lat in (42.5, 43.0, 43.5):
        y = geo(lat, MAP_LON0)[1]
        if 20 < y < MAP_H - 20:
            body.append(line_label(f"{lat:.1f}\u00b0N".replace(".0", ""), MAP_W - 14, y - 8,
                                   15, REGULAR, "#8a9aab", "end"))
    for lon in (22.0, 22.5, 23.0, 23.5):
        x = geo(MAP_LAT0, lon)[0]
        body.append(line_label(f"{lon:.1f}\u00b0E".replace(".0", ""), x + 8, MAP_H - 14,
                               15, REGULAR, "#8a9aab"))

    # The Nisava river, which the corridor follows from Dimitrovgrad down to Nis.
    river = [geo(43.00, 22.86), geo(43.02, 22.78), geo(43.10, 22.66), geo(43.16, 22.57),
             geo(43.20, 22.42), geo(43.22, 22.30), geo(43.27, 22.10), geo(43.31, 21.98),
             geo(43.33, 21.83)]
    body.append(f"<path d=\"{smooth_path(river)}\" fill=\"none\" stroke=\"#a9d3ce\" "
                f"stroke-width=\"3\" stroke-linecap=\"round\"/>")

    # Country names, large and quiet.
    body.append(line_label("SRBIJA" + SEP + "СЪРБИЯ", 60, 552,
                           40, SEMIBOLD, "#a7b8ca", "start", tracking=0.14))
    body.append(line_label("BUGARSKA" + SEP + "БЪЛГАРИЯ", MAP_W - 60, 190,
                           40, SEMIBOLD, "#cfbb8c", "end", tracking=0.14))

    # The border line.
    body.append(f"<path d=\"{smooth_path(border)}\" fill=\"none\" stroke=\"{NAVY}\" "
                f"stroke-opacity=\"0.55\" stroke-width=\"3\" stroke-dasharray=\"14 10\" "
                f"stroke-linecap=\"round\"/>")

    # The corridor road, through the Nisava valley and over the Dragoman pass.
    road = [nis, geo(43.29, 22.01), geo(43.22, 22.31), pirot, geo(43.09, 22.68), dimitrovgrad,
            crossing, dragoman, geo(42.85, 23.04), geo(42.77, 23.19), sofia]
    road_d = smooth_path(road)
    body.append(f"<path d=\"{road_d}\" fill=\"none\" stroke=\"{WHITE}\" stroke-width=\"20\" "
                f"stroke-linecap=\"round\" stroke-linejoin=\"round\"/>")
    body.append(f"<path d=\"{road_d}\" fill=\"none\" stroke=\"{TEAL}\" stroke-width=\"12\" "
                f"stroke-linecap=\"round\" stroke-linejoin=\"round\"/>")

    # The border crossing: a small square astride the road.
    cx, cy = crossing
    body.append(f"<rect x=\"{num(cx - 11)}\" y=\"{num(cy - 11)}\" width=\"22\" height=\"22\" "
                f"rx=\"4\" fill=\"{SAND}\" stroke=\"{NAVY}\" stroke-width=\"3\" "
                f"transform=\"rotate(45 {num(cx)} {num(cy)})\"/>")

    # Towns on the way, then the two partner cities with a ring.
    for x, y in (pirot, dimitrovgrad, dragoman):
        body.append(f"<circle cx=\"{num(x)}\" cy=\"{num(y)}\" r=\"9\" fill=\"{WHITE}\" "
                    f"stroke=\"{NAVY}\" stroke-width=\"4\"/>")
    for x, y in (nis, sofia):
        body.append(f"<circle cx=\"{num(x)}\" cy=\"{num(y)}\" r=\"30\" fill=\"{WHITE}\" "
                    f"fill-opacity=\"0.7\" stroke=\"{NAVY}\" stroke-width=\"3\"/>")
        body.append(f"<circle cx=\"{num(x)}\" cy=\"{num(y)}\" r=\"17\" fill=\"{NAVY}\"/>")

    halo = dict(halo=WHITE, halo_width=9)
    body.append(line_label("Niš" + SEP + "Ниш", nis[0], nis[1] - 48, 40, anchor="middle", **halo))
    body.append(line_label("Sofija" + SEP + "София", sofia[0], sofia[1] + 78, 40,
                           anchor="middle", **halo))
    body.append(line_label("Pirot" + SEP + "Пирот", pirot[0] + 4, pirot[1] - 26, 28,
                           anchor="middle", **halo))
    body.append(line_label("Dimitrovgrad" + SEP + "Димитровград", dimitrovgrad[0] - 22,
                           dimitrovgrad[1] + 40, 28, anchor="end", **halo))
    body.append(line_label("Dragoman" + SEP + "Драгоман", dragoman[0] + 24, dragoman[1] + 12,
                           28, anchor="start", **halo))
    body.append(label([("Gradina – Kalotina", REGULAR, 21, NAVY, 0, 0),
                       ("Градина – Калотина", REGULAR, 21, NAVY, 26, 0)],
                      crossing[0] + 26, crossing[1] - 64, "start", WHITE, 8,
                      words="Gradina – Kalotina" + SEP + "Градина – Калотина"))

    # The road note, in a pill next to the road between Nis and Pirot.
    px, py = geo(43.13, 22.16)
    note = "Niš – Sofija ≈ 160 km"
    w = SEMIBOLD.width(note, 24)
    body.append(f"<rect x=\"{num(px - w / 2 - 20)}\" y=\"{num(py - 24)}\" "
                f"width=\"{num(w + 40)}\" height=\"48\" rx=\"24\" fill=\"{WHITE}\" "
                f"stroke=\"{TEAL}\" stroke-width=\"2.5\"/>")
    body.append(label([(note, SEMIBOLD, 24, TEAL, 0, 0)], px, py + 8.5, "middle",
                      words="Niš – Sofija · Ниш – София ≈ 160 km"))

    # North arrow, top left (the north-east is taken by the country name).
    ax, ay = 90, 90
    body.append(f"<circle cx=\"{ax}\" cy=\"{ay + 8}\" r=\"44\" fill=\"{WHITE}\" "
                f"fill-opacity=\"0.8\" stroke=\"{NAVY}\" stroke-opacity=\"0.35\" "
                f"stroke-width=\"2\"/>")
    body.append(f"<polygon points=\"{pts([(ax, ay - 26), (ax + 15, ay + 26), (ax, ay + 16)])}\" "
                f"fill=\"{NAVY}\"/>")
    body.append(f"<polygon points=\"{pts([(ax, ay - 26), (ax - 15, ay + 26), (ax, ay + 16)])}\" "
                f"fill=\"{NAVY}\" fill-opacity=\"0.35\"/>")
    body.append(label([("N", SEMIBOLD, 22, NAVY, 0, 0)], ax, ay - 50, "middle",
                      words="North · Север"))

    # Legend and scale bar, bottom left (southern Serbia is otherwise empty here).
    lx, ly = 60, 640
    rows = [("partner", "Partnerski grad", "Партньорски град"),
            ("town", "Grad", "Град"),
            ("road", "Koridor Niš – Sofija", "Коридор Ниш – София"),
            ("crossing", "Granični prelaz", "Граничен пункт"),
            ("border", "Granica", "Граница")]
    box_w = 56 + max(REGULAR.width(a + SEP + b, 21) for _, a, b in rows) + 24 + 24
    body.append(f"<rect x=\"{lx - 24}\" y=\"{ly - 40}\" width=\"{num(box_w)}\" "
                f"height=\"270\" rx=\"14\" fill=\"{WHITE}\" fill-opacity=\"0.85\" "
                f"stroke=\"{NAVY}\" stroke-opacity=\"0.15\" stroke-width=\"2\"/>")
    for i, (kind, latin, cyrillic) in enumerate(rows):
        y = ly + i * 38
        sx = lx + 20
        if kind == "partner":
            body.append(f"<circle cx=\"{sx}\" cy=\"{y}\" r=\"14\" fill=\"{WHITE}\" "
                        f"stroke=\"{NAVY}\" stroke-width=\"2\"/>"
                        f"<circle cx=\"{sx}\" cy=\"{y}\" r=\"8\" fill=\"{NAVY}\"/>")
        elif kind == "town":
            body.append(f"<circle cx=\"{sx}\" cy=\"{y}\" r=\"7\" fill=\"{WHITE}\" "
                        f"stroke=\"{NAVY}\" stroke-width=\"3.5\"/>")
        elif kind == "road":
            body.append(f"<line x1=\"{sx - 20}\" y1=\"{y}\" x2=\"{sx + 20}\" y2=\"{y}\" "
                        f"stroke=\"{TEAL}\" stroke-width=\"10\" stroke-linecap=\"round\"/>")
        elif kind == "crossing":
            body.append(f"<rect x=\"{sx - 8}\" y=\"{y - 8}\" width=\"16\" height=\"16\" rx=\"3\" "
                        f"fill=\"{SAND}\" stroke=\"{NAVY}\" stroke-width=\"2.5\" "
                        f"transform=\"rotate(45 {sx} {y})\"/>")
        else:
            body.append(f"<line x1=\"{sx - 22}\" y1=\"{y}\" x2=\"{sx + 22}\" y2=\"{y}\" "
                        f"stroke=\"{NAVY}\" stroke-opacity=\"0.55\" stroke-width=\"3\" "
                        f"stroke-dasharray=\"10 7\"/>")
        body.append(line_label(latin + SEP + cyrillic, lx + 56, y + 7.5, 21, REGULAR, NAVY))

    km = MAP_K / 111.2                # px per km (the map keeps the same scale both ways)
    bx, by = lx + 56, ly + 5 * 38 + 4
    body.append(f"<g fill=\"none\" stroke=\"{NAVY}\" stroke-width=\"2.5\">"
                f"<path d=\"M{num(bx)} {num(by - 7)}V{num(by)}H{num(bx + 20 * km)}"
                f"V{num(by - 7)}M{num(bx + 10 * km)} {num(by - 5)}V{num(by)}\"/></g>")
    body.append(f"<rect x=\"{num(bx)}\" y=\"{num(by - 4)}\" width=\"{num(10 * km)}\" "
                f"height=\"4\" fill=\"{NAVY}\"/>")
    body.append(line_label("0", bx - 18, by + 3, 18, REGULAR, NAVY, "middle"))
    body.append(line_label("20 km", bx + 20 * km + 12, by + 3, 18, REGULAR, NAVY))

    return svg_document(MAP_W, MAP_H,
                        "Niš – Sofija: shematska karta koridora · "
                        "Ниш – София: схематична карта на коридора", body)


# --------------------------------------------------------------------------- 2. project year

YEAR_W, YEAR_H = 1600, 600
MONTHS = ("IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "I", "II", "III")


def project_year() -> str:
    body = []
    x0, x1 = 90.0, 1410.0             # April 1 and April 1 of the next year
    axis_y = 400.0
    per = (x1 - x0) / 12
    band = 34                         # half the height of the month bands

    def tx(t: float) -> float:       # t: months since April 1
        return x0 + t * per

    body.append(f"<rect x=\"0\" y=\"0\" width=\"{YEAR_W}\" height=\"{YEAR_H}\" fill=\"{WHITE}\"/>")

    # Month bands, alternating; the final phase (March to the close) in sand.
    start_t, end_t = 0.85, 12.5
    for i in range(12):
        fill = TINT_RS if i % 2 == 0 else "#f7f9fb"
        body.append(f"<rect x=\"{num(tx(i))}\" y=\"{num(axis_y - band)}\" width=\"{num(per)}\" "
                    f"height=\"{2 * band}\" fill=\"{fill}\"/>")
    body.append(f"<rect x=\"{num(tx(11))}\" y=\"{num(axis_y - band)}\" "
                f"width=\"{num(tx(end_t) - tx(11) + 30)}\" height=\"{2 * band}\" "
                f"fill=\"{TINT_BG}\"/>")

    # The axis: a dashed lead-in from April 1, then the project from the end of April.
    body.append(f"<line x1=\"{num(tx(0))}\" y1=\"{num(axis_y)}\" x2=\"{num(tx(start_t))}\" "
                f"y2=\"{num(axis_y)}\" stroke=\"{NAVY}\" stroke-opacity=\"0.3\" "
                f"stroke-width=\"3\" stroke-dasharray=\"6 6\"/>")
    body.append(f"<line x1=\"{num(tx(start_t))}\" y1=\"{num(axis_y)}\" x2=\"{num(tx(end_t))}\" "
                f"y2=\"{num(axis_y)}\" stroke=\"{NAVY}\" stroke-width=\"6\" "
                f"stroke-linecap=\"round\"/>")

    # Ticks at the month boundaries (taller at the turn of the year); each month's numeral
    # under the middle of its band.
    for i in range(13):
        tall = 24 if i == 9 else 12
        body.append(f"<line x1=\"{num(tx(i))}\" y1=\"{num(axis_y - tall)}\" x2=\"{num(tx(i))}\" "
                    f"y2=\"{num(axis_y + tall)}\" stroke=\"{NAVY}\" stroke-width=\"2.5\"/>")
    for i, name in enumerate(MONTHS):
        body.append(line_label(name, tx(i + 0.5), axis_y + band + 36, 24, SEMIBOLD, NAVY,
                               "middle"))

    # The final phase, bracketed under the numerals.
    fy = axis_y + band + 62
    body.append(f"<path d=\"M{num(tx(11) + 4)} {num(fy - 8)}V{num(fy)}H{num(tx(end_t))}"
                f"V{num(fy - 8)}\" fill=\"none\" stroke=\"#c9a94f\" stroke-width=\"2.5\"/>")
    body.append(label([("Završna faza", SEMIBOLD, 21, "#8a6d1f", 0, 0),
                       ("Заключителна фаза", REGULAR, 19, "#8a6d1f", 24, 0)],
                      tx(end_t), fy + 30, "end"))

    # Milestones: (months since April 1, Latin, Cyrillic, level, anchor, colour). Every label
    # stands above the axis; the last three climb in steps so their leaders stay clear.
    milestones = [
        (start_t, "Start", "Старт", 1, "start", NAVY),
        (6.5, "Mapa klastera", "Карта на клъстерите", 1, "middle", TEAL),
        (10.35, "Strategija", "Стратегия", 1, "end", TEAL),
        (11.15, "Dan klastera", "Ден на клъстерите", 2, "end", TEAL),
        (end_t, "Završna konferencija", "Заключителна конференция", 3, "end", NAVY),
    ]
    step = 96
    for t, latin, cyrillic, level, anchor, colour in milestones:
        x = tx(t)
        tip = axis_y - band - 28 - (level - 1) * step
        body.append(f"<line x1=\"{num(x)}\" y1=\"{num(axis_y)}\" x2=\"{num(x)}\" "
                    f"y2=\"{num(tip)}\" stroke=\"{NAVY}\" stroke-width=\"2\" "
                    f"stroke-opacity=\"0.55\"/>")
        body.append(f"<circle cx=\"{num(x)}\" cy=\"{num(axis_y)}\" r=\"17\" fill=\"{WHITE}\" "
                    f"stroke=\"{colour}\" stroke-width=\"5\"/>"
                    f"<circle cx=\"{num(x)}\" cy=\"{num(axis_y)}\" r=\"8\" fill=\"{colour}\"/>")
        lx = x + {"start": -2, "middle": 0, "end": 2}[anchor]
        body.append(label([(latin, SEMIBOLD, 30, NAVY, 0, 0),
                           (cyrillic, REGULAR, 26, GREY, 34, 0)], lx, tip - 52, anchor))

    return svg_document(YEAR_W, YEAR_H,
                        "Godina projekta, od aprila do aprila · "
                        "Годината на проекта, от април до април", body)


# --------------------------------------------------------------------------- 3. cover

COVER_W, COVER_H = 2100, 2970


def cover() -> str:
    rng = random.Random(20261015)
    W, H = COVER_W, COVER_H
    calm = 0.35 * H                   # the masthead sits above this line
    body = []

    # The seam between the two halves: a gentle wave down the page.
    seam = [(W * 0.52 + 60 * math.sin(i * 0.9) + 25 * math.sin(i * 2.3), -40 + i * H / 11)
            for i in range(13)]
    seam_line = catmull_points(seam, 10)
    left = [(-10, -10)] + seam_line + [(-10, H + 10)]
    body.append(f"<rect x=\"0\" y=\"0\" width=\"{W}\" height=\"{H}\" fill=\"{TINT_BG}\"/>")
    body.append(f"<polygon points=\"{pts(left)}\" fill=\"{TINT_RS}\"/>")

    def seam_x(y: float) -> float:
        for (xa, ya), (xb, yb) in pairwise(seam_line):
            if ya <= y <= yb:
                return xa + (xb - xa) * (y - ya) / (yb - ya)
        return seam_line[-1][0]

    # Cluster centres: Poisson-disc sampling, denser towards the bottom of the page.
    centres = []
    tries = 0
    while len(centres) < 26 and tries < 20000:
        tries += 1
        y = 0.25 * H + 0.71 * H * rng.random() ** 0.8
        x = 150 + (W - 300) * rng.random()
        if y < calm and rng.random() < 0.7:
            continue                  # few clusters, and faint ones, in the masthead zone
        gap = 360 if y > calm else 480
        if all(math.hypot(x - cx, y - cy) > gap for cx, cy, _ in centres):
            centres.append((x, y, rng.randint(4, 10)))
    centres.sort(key=lambda c: (round(c[1]), round(c[0])))

    def weight(y: float) -> float:
        """0.25 at the top of the page, 1 from a little below the masthead zone."""
        return 0.2 + 0.8 * min(1.0, max(0.0, (y - 0.2 * H) / (0.3 * H)))

    nodes = []                         # (x, y, r, colour, cluster)
    for ci, (cx, cy, n) in enumerate(centres):
        side_colour = TEAL if cx < seam_x(cy) else SAND
        hub_r = 16 + n * 1.6
        nodes.append((cx, cy, hub_r, NAVY, ci, True))
        for _ in range(n):
            a = rng.uniform(0, 2 * math.pi)
            dist = rng.uniform(70, 190)
            x, y = cx + dist * math.cos(a), cy + dist * math.sin(a)
            r = rng.uniform(6, 14)
            colour = side_colour if rng.random() < 0.7 else NAVY
            nodes.append((x, y, r, colour, ci, False))

    # Soft halos behind each cluster.
    for cx, cy, n in centres:
        w = weight(cy)
        tint = "#dbe7ee" if cx < seam_x(cy) else "#efe3c4"
        body.append(f"<circle cx=\"{num(cx)}\" cy=\"{num(cy)}\" r=\"{num(150 + n * 8)}\" "
                    f"fill=\"{tint}\" fill-opacity=\"{w * 0.45:.2f}\"/>")

    # Links between clusters: each hub to its two nearest hubs; links that cross the
    # seam are the project's, drawn thicker in navy.
    links = set()
    for i, (xa, ya, _) in enumerate(centres):
        near = sorted(range(len(centres)),
                      key=lambda j: math.hypot(centres[j][0] - xa, centres[j][1] - ya))
        for j in near[1:3]:
            links.add((min(i, j), max(i, j)))
    body.append("<g fill=\"none\" stroke-linecap=\"round\">")
    for i, j in sorted(links):
        (xa, ya, _), (xb, yb, _) = centres[i], centres[j]
        crosses = (xa < seam_x(ya)) != (xb < seam_x(yb))
        w = weight(min(ya, yb))
        if crosses:
            body.append(f"<line x1=\"{num(xa)}\" y1=\"{num(ya)}\" x2=\"{num(xb)}\" "
                        f"y2=\"{num(yb)}\" stroke=\"{NAVY}\" stroke-width=\"{num(3 + 4 * w)}\" "
                        f"stroke-opacity=\"{0.25 + 0.5 * w:.2f}\"/>")
        else:
            body.append(f"<line x1=\"{num(xa)}\" y1=\"{num(ya)}\" x2=\"{num(xb)}\" "
                        f"y2=\"{num(yb)}\" stroke=\"{NAVY}\" stroke-width=\"{num(2 + 1.5 * w)}\" "
                        f"stroke-opacity=\"{0.12 + 0.25 * w:.2f}\" stroke-dasharray=\"2 12\"/>")
    # Spokes from each hub to its own nodes.
    for x, y, _r, _colour, ci, hub in nodes:
        if hub:
            continue
        cx, cy, _ = centres[ci]
        w = weight(y)
        body.append(f"<line x1=\"{num(cx)}\" y1=\"{num(cy)}\" x2=\"{num(x)}\" y2=\"{num(y)}\" "
                    f"stroke=\"{NAVY}\" stroke-width=\"2\" "
                    f"stroke-opacity=\"{0.08 + 0.3 * w:.2f}\"/>")
    body.append("</g>")

    # The seam itself, dashed.
    body.append(f"<path d=\"{smooth_path(seam)}\" fill=\"none\" stroke=\"{NAVY}\" "
                f"stroke-opacity=\"0.35\" stroke-width=\"5\" stroke-dasharray=\"26 18\"/>")

    # Nodes on top.
    for x, y, r, colour, _ci, hub in nodes:
        w = weight(y)
        if hub:
            body.append(f"<circle cx=\"{num(x)}\" cy=\"{num(y)}\" r=\"{num(r + 14)}\" "
                        f"fill=\"{WHITE}\" stroke=\"{NAVY}\" stroke-width=\"4\" "
                        f"stroke-opacity=\"{0.2 + 0.6 * w:.2f}\"/>")
            body.append(f"<circle cx=\"{num(x)}\" cy=\"{num(y)}\" r=\"{num(r)}\" fill=\"{NAVY}\" "
                        f"fill-opacity=\"{0.2 + 0.8 * w:.2f}\"/>")
        else:
            body.append(f"<circle cx=\"{num(x)}\" cy=\"{num(y)}\" r=\"{num(r)}\" "
                        f"fill=\"{colour}\" fill-opacity=\"{0.25 + 0.75 * w:.2f}\"/>")

    # A white veil over the top, for the masthead.
    body += veil(W, H, ((0, 0.92), (0.30, 0.6), (0.45, 0)))

    return svg_document(W, H, "INFOCLUSTER: naslovna grafika · корица", body)


# --------------------------------------------------------------------------- main

def write_figures(media: Path, drawings, script: str) -> int:
    """Write each (name, draw) figure into `media`, refusing one that holds <text> (every
    label is outlined, so the figure looks the same in every reader)."""
    media.mkdir(parents=True, exist_ok=True)
    for name, draw in drawings:
        svg = draw()
        path = media / name
        path.write_bytes(svg.encode("utf-8"))
        root = ElementTree.fromstring(svg.encode("utf-8"))
        if root.findall(".//{http://www.w3.org/2000/svg}text"):
            raise SystemExit(f"{script}: {name} contains <text>")
        print(f"{path.relative_to(ROOT)}: {len(svg.encode('utf-8')) / 1024:.1f} KB")
    return 0


def main() -> int:
    return write_figures(MEDIA, (("corridor-map.svg", corridor_map),
                                 ("project-year.svg", project_year), ("cover.svg", cover)),
                         "draw_figures")


if __name__ == "__main__":
    sys.exit(main())
