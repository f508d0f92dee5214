"""Draw the SVG figures of INFOCLUSTER issue 2 into issues/02/media/.

    .venv/bin/python scripts/draw_figures_02.py

Writes cover.svg, strategy-priorities.svg and survey-obstacles.svg. It follows the rules of
scripts/draw_figures.py and borrows its helpers: every label is bilingual (Serbian Latin,
then Bulgarian Cyrillic, since the same image prints in every edition), every letter is a
path outline from the IBM Plex Sans files in styles/fonts/ (no <text> element), and the
output is byte-for-byte the same on every run.
"""

import math
import random
import sys
from pathlib import Path

from draw_figures import (
    GREY,
    NAVY,
    REGULAR,
    SAND,
    SEMIBOLD,
    SEP,
    TEAL,
    TINT_BG,
    TINT_RS,
    WHITE,
    catmull_points,
    label,
    line_label,
    num,
    pts,
    smooth_path,
    svg_document,
    veil,
    write_figures,
)

ROOT = Path(__file__).resolve().parent.parent
MEDIA = ROOT / "issues" / "02" / "media"

CORAL = "#e76f51"
SKY = "#7fa7c9"
SAND_DARK = "#c9a94f"


# --------------------------------------------------------------------------- 1. priorities

PRIORITIES = [
    ("Informacije i umrežavanje", "Информация и контакти"),
    ("Zajednički nastup na tržištima", "Съвместно излизане на пазарите"),
    ("Lanci vrednosti", "Вериги на стойността"),
    ("Znanje i veštine", "Знания и умения"),
    ("Institucionalna podrška", "Институционална подкрепа"),
]
PRIORITY_COLOURS = [TEAL, NAVY, CORAL, SAND_DARK, SKY]


def strategy_priorities() -> str:
    W, H = 1600, 760
    cx, cy, r = 800.0, 450.0, 150.0
    body = [f"<rect x=\"0\" y=\"0\" width=\"{W}\" height=\"{H}\" fill=\"{WHITE}\"/>"]

    # Five boxes round the council: one above, two on each side.
    box_w = 102 + 36 + max(max(SEMIBOLD.width(a, 30), REGULAR.width(b, 25))
                           for a, b in PRIORITIES)
    box_h = 118.0
    centres = [(cx, 84.0), (box_w / 2 + 30, 290.0), (W - box_w / 2 - 30, 290.0),
               (box_w / 2 + 30, 640.0), (W - box_w / 2 - 30, 640.0)]

    # A soft ring behind the council, then the spokes.
    body.append(f"<circle cx=\"{num(cx)}\" cy=\"{num(cy)}\" r=\"{num(r + 70)}\" "
                f"fill=\"{TINT_RS}\"/>")
    body.append(f"<circle cx=\"{num(cx)}\" cy=\"{num(cy)}\" r=\"{num(r + 70)}\" fill=\"none\" "
                f"stroke=\"{NAVY}\" stroke-opacity=\"0.25\" stroke-width=\"2\" "
                f"stroke-dasharray=\"10 10\"/>")
    for (bx, by), colour in zip(centres, PRIORITY_COLOURS, strict=True):
        body.append(f"<line x1=\"{num(cx)}\" y1=\"{num(cy)}\" x2=\"{num(bx)}\" y2=\"{num(by)}\" "
                    f"stroke=\"{colour}\" stroke-width=\"6\" stroke-linecap=\"round\" "
                    f"stroke-opacity=\"0.8\"/>")

    # The council in the middle.
    body.append(f"<circle cx=\"{num(cx)}\" cy=\"{num(cy)}\" r=\"{num(r)}\" fill=\"{NAVY}\"/>")
    body.append(label([("Zajednički savet", SEMIBOLD, 30, WHITE, 0, 0),
                       ("Съвместен съвет", REGULAR, 26, "#cfd9e4", 34, 0)],
                      cx, cy - 20, "middle"))
    body.append(label([("2027–2031", SEMIBOLD, 26, SAND, 0, 0)], cx, cy + 62, "middle",
                      words="2027–2031"))

    # The boxes, each with its number in a disc.
    for i, ((bx, by), (latin, cyrillic), colour) in enumerate(
            zip(centres, PRIORITIES, PRIORITY_COLOURS, strict=True), start=1):
        x0, y0 = bx - box_w / 2, by - box_h / 2
        body.append(f"<rect x=\"{num(x0)}\" y=\"{num(y0)}\" width=\"{num(box_w)}\" "
                    f"height=\"{num(box_h)}\" rx=\"18\" fill=\"{WHITE}\" stroke=\"{colour}\" "
                    f"stroke-width=\"5\"/>")
        dx, dy = x0 + 52, by
        body.append(f"<circle cx=\"{num(dx)}\" cy=\"{num(dy)}\" r=\"30\" fill=\"{colour}\"/>")
        body.append(label([(str(i), SEMIBOLD, 34, WHITE, 0, 0)], dx, dy + 12, "middle",
                          words=str(i)))
        body.append(label([(latin, SEMIBOLD, 30, NAVY, 0, 0),
                           (cyrillic, REGULAR, 25, GREY, 36, 0)],
                          x0 + 102, by - 8, "start",
                          words=f"{i}. {latin}{SEP}{cyrillic}"))

    return svg_document(W, H, "Pet prioriteta Strategije i zajednički savet · "
                              "Петте приоритета на Стратегията и съвместният съвет", body)


# --------------------------------------------------------------------------- 2. survey chart

OBSTACLES = [
    ("Nedostatak informacija o partnerima", "Липса на информация за партньори", 66, 61),
    ("Jezičke i administrativne razlike", "Езикови и административни различия", 38, 45),
    ("Carinske i granične procedure", "Митнически и гранични процедури", 44, 31),
    ("Nedostatak poverenja", "Липса на доверие", 35, 31),
    ("Teškoće u finansiranju", "Трудности при финансирането", 33, 24),
    ("Transport i logistika", "Транспорт и логистика", 20, 25),
]


def survey_obstacles() -> str:
    W, H = 1600, 940
    left = 40 + max(max(SEMIBOLD.width(a, 25), REGULAR.width(b, 22))
                    for a, b, _, _ in OBSTACLES) + 40
    right = W - 110
    top, row = 130.0, 124.0
    per = (right - left) / 80          # px per percentage point, 0 to 80 %
    bar = 34.0
    body = [f"<rect x=\"0\" y=\"0\" width=\"{W}\" height=\"{H}\" fill=\"{WHITE}\"/>"]

    # Legend, top left.
    lx = 40.0
    for name, colour in (("Srbija" + SEP + "Сърбия", TEAL),
                         ("Bugarska" + SEP + "България", SAND)):
        body.append(f"<rect x=\"{num(lx)}\" y=\"40\" width=\"34\" height=\"34\" rx=\"6\" "
                    f"fill=\"{colour}\"/>")
        body.append(line_label(name, lx + 48, 67, 26, SEMIBOLD, NAVY))
        lx += 48 + SEMIBOLD.width(name, 26) + 60
    body.append(line_label("% ispitanika" + SEP + "% от анкетираните", right + 70, 67, 22,
                           REGULAR, GREY, "end"))

    # Gridlines every 20 points, labelled at the foot.
    bottom = top + row * len(OBSTACLES)
    body.append(f"<g stroke=\"{NAVY}\" stroke-width=\"1.5\">")
    for p in range(0, 81, 20):
        x = left + p * per
        opacity = "0.6" if p == 0 else "0.15"
        body.append(f"<line x1=\"{num(x)}\" y1=\"{num(top - 10)}\" x2=\"{num(x)}\" "
                    f"y2=\"{num(bottom)}\" stroke-opacity=\"{opacity}\"/>")
    body.append("</g>")
    for p in range(0, 81, 20):
        body.append(line_label(f"{p}%", left + p * per, bottom + 36, 22, REGULAR, GREY,
                               "middle"))

    # One row per obstacle: the label on the left, two bars, the values at their ends.
    for i, (latin, cyrillic, rs, bg) in enumerate(OBSTACLES):
        y = top + i * row
        if i % 2 == 1:
            body.append(f"<rect x=\"20\" y=\"{num(y - 6)}\" width=\"{W - 40}\" "
                        f"height=\"{num(row - 8)}\" fill=\"{TINT_RS}\" fill-opacity=\"0.6\"/>")
        body.append(label([(latin, SEMIBOLD, 25, NAVY, 0, 0),
                           (cyrillic, REGULAR, 22, GREY, 30, 0)],
                          left - 30, y + 44, "end"))
        for j, (value, colour) in enumerate(((rs, TEAL), (bg, SAND))):
            by = y + 12 + j * (bar + 8)
            body.append(f"<rect x=\"{num(left)}\" y=\"{num(by)}\" width=\"{num(value * per)}\" "
                        f"height=\"{num(bar)}\" rx=\"4\" fill=\"{colour}\"/>")
            body.append(line_label(f"{value}%", left + value * per + 12, by + bar - 8, 24,
                                   SEMIBOLD, NAVY))

    return svg_document(W, H, "Prepreke prekograničnoj saradnji · "
                              "Пречки пред трансграничното сътрудничество", body)


# --------------------------------------------------------------------------- 3. cover

COVER_W, COVER_H = 2100, 2970


def contour(rng: random.Random, cx: float, cy: float, radius: float, wobble: float):
    """A closed, irregular ring round (cx, cy): one line of a contour map."""
    n = 14
    phases = [rng.uniform(0, 2 * math.pi) for _ in range(3)]
    ring = []
    for k in range(n + 3):
        a = 2 * math.pi * k / n
        d = radius * (1 + wobble * (0.5 * math.sin(2 * a + phases[0])
                                    + 0.3 * math.sin(3 * a + phases[1])
                                    + 0.2 * math.sin(5 * a + phases[2])))
        ring.append((cx + d * math.cos(a), cy + 0.8 * d * math.sin(a)))
    return ring


def cover() -> str:
    rng = random.Random(20270215)
    W, H = COVER_W, COVER_H
    body: list[str] = []

    # The two sides of the border, split by a slanting, gently waving seam.
    seam = [(W * 0.44 + 0.10 * W * i / 10 + 45 * math.sin(i * 1.1), -40 + i * (H + 80) / 10)
            for i in range(11)]
    seam_line = catmull_points(seam, 10)
    body.append(f"<rect x=\"0\" y=\"0\" width=\"{W}\" height=\"{H}\" fill=\"{TINT_BG}\"/>")
    body.append(f"<polygon points=\"{pts([(-10, -10), *seam_line, (-10, H + 10)])}\" "
                f"fill=\"{TINT_RS}\"/>")

    # The map: contour rings round a few summits (Stara Planina, Vitosha, the hills).
    body.append(f"<g fill=\"none\" stroke=\"{NAVY}\" stroke-width=\"2.5\" "
                f"stroke-opacity=\"0.10\">")
    for sx, sy, rings in ((0.18 * W, 0.50 * H, 7), (0.80 * W, 0.44 * H, 8),
                          (0.30 * W, 0.86 * H, 6), (0.74 * W, 0.88 * H, 7),
                          (0.52 * W, 0.22 * H, 5)):
        for k in range(1, rings + 1):
            ring = contour(rng, sx, sy, 70 * k, 0.12 + 0.02 * k)
            body.append(f"<path d=\"{smooth_path(ring[1:-1])}Z\"/>")
    body.append("</g>")

    # The seam, dashed.
    body.append(f"<path d=\"{smooth_path(seam)}\" fill=\"none\" stroke=\"{NAVY}\" "
                f"stroke-opacity=\"0.30\" stroke-width=\"5\" stroke-dasharray=\"26 18\"/>")

    # Five priority routes: from the Serbian side through one meeting point (the council)
    # and out across the Bulgarian side.
    meet = (0.55 * W, 0.42 * H)
    starts = [0.31, 0.39, 0.50, 0.66, 0.84]
    ends = [0.30, 0.37, 0.47, 0.63, 0.86]
    colours = [TEAL, NAVY, CORAL, SAND_DARK, SKY]
    routes = []
    for k, (s, e) in enumerate(zip(starts, ends, strict=True)):
        spread = (k - 2) * 46
        route = [(-80, s * H), (0.16 * W, (s * H + meet[1]) / 2 + spread * 0.8 - 60),
                 (0.38 * W, meet[1] + spread * 0.5 + 20), (meet[0], meet[1] + spread * 0.25),
                 (0.74 * W, meet[1] + spread * 0.6 - 30),
                 (0.90 * W, (e * H + meet[1]) / 2 + spread), (W + 80, e * H)]
        routes.append(route)
    body.append("<g fill=\"none\" stroke-linecap=\"round\" stroke-linejoin=\"round\">")
    for route in routes:
        body.append(f"<path d=\"{smooth_path(route)}\" stroke=\"{WHITE}\" "
                    f"stroke-width=\"58\"/>")
    for route, colour in zip(routes, colours, strict=True):
        body.append(f"<path d=\"{smooth_path(route)}\" stroke=\"{colour}\" "
                    f"stroke-width=\"40\" stroke-opacity=\"0.9\"/>")
    body.append("</g>")

    # Stops along each route: clusters, firms, institutions.
    for route, colour in zip(routes, colours, strict=True):
        line = catmull_points(route, 24)
        step = rng.randint(9, 13)
        for x, y in line[step // 2::step]:
            if not (-20 < x < W + 20) or math.hypot(x - meet[0], y - meet[1]) < 220:
                continue
            r = rng.choice((14, 16, 20))
            body.append(f"<circle cx=\"{num(x)}\" cy=\"{num(y)}\" r=\"{r}\" fill=\"{WHITE}\" "
                        f"stroke=\"{colour}\" stroke-width=\"7\"/>")

    # The meeting point: rings round a navy hub.
    mx, my = meet
    for radius, opacity in ((260, 0.10), (200, 0.16), (150, 0.9)):
        fill = NAVY if opacity > 0.5 else TEAL
        body.append(f"<circle cx=\"{num(mx)}\" cy=\"{num(my)}\" r=\"{radius}\" "
                    f"fill=\"{fill}\" fill-opacity=\"{opacity}\"/>")
    body.append(f"<circle cx=\"{num(mx)}\" cy=\"{num(my)}\" r=\"110\" fill=\"none\" "
                f"stroke=\"{SAND}\" stroke-width=\"10\"/>")
    body.append(f"<circle cx=\"{num(mx)}\" cy=\"{num(my)}\" r=\"46\" fill=\"{SAND}\"/>")

    # Scattered small dots: the map's other organisations, fainter near the masthead.
    for _ in range(160):
        x, y = rng.uniform(40, W - 40), rng.uniform(0.2 * H, H - 40)
        if any(math.hypot(x - px, y - py) < 60 for route in routes
               for px, py in catmull_points(route, 6)):
            continue
        side = TEAL if x < W * 0.5 else SAND_DARK
        body.append(f"<circle cx=\"{num(x)}\" cy=\"{num(y)}\" r=\"{rng.choice((6, 8, 10))}\" "
                    f"fill=\"{side}\" fill-opacity=\"0.45\"/>")

    # A white veil over the top, for the masthead.
    body += veil(W, H, ((0, 0.94), (0.2, 0.75), (0.31, 0)))

    return svg_document(W, H, "INFOCLUSTER 2: naslovna grafika · корица", body)


# --------------------------------------------------------------------------- main

def main() -> int:
    return write_figures(MEDIA, (("cover.svg", cover),
                                 ("strategy-priorities.svg", strategy_priorities),
                                 ("survey-obstacles.svg", survey_obstacles)), "draw_figures_02")


if __name__ == "__main__":
    sys.exit(main())
