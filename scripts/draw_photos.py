"""Draw the "photos" of INFOCLUSTER issue 2 into issues/02/media/ as JPEG files.

    .venv/bin/python scripts/draw_photos.py [NAME...]

Nothing may be downloaded for the sample issue, so its photographs are painted here with
Pillow: procedural scenes (a conference hall before a workshop, the Timok valley, vineyard
rows, Sofia at dusk with Vitosha, a handshake against a window, a chart on a seminar screen,
spools of thread, a TV camera in a knitting plant, strings of drying peppers). Each is
rendered at twice its size and reduced, given a little film grain and saved at print
resolution: 2400 px wide for a picture across both columns, 1200 px for one column
(300 dpi or more on the A4 page). Every run writes the same bytes: all randomness comes from
seeded random.Random instances and the JPEG encoder is given fixed settings.

Words on the screen and on the slide use the magazine's own fonts from styles/fonts/.
"""

import math
import random
import sys
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "styles" / "fonts"
MEDIA = ROOT / "issues" / "02" / "media"

SS = 2                                # supersampling factor
RGB = tuple[int, int, int]

NAVY: RGB = (31, 58, 95)
TEAL: RGB = (42, 157, 143)
SAND: RGB = (233, 196, 106)
CORAL: RGB = (231, 111, 81)


# --------------------------------------------------------------------------- helpers

def mix(a: RGB, b: RGB, t: float) -> RGB:
    """The colour a fraction t of the way from a to b."""
    t = max(0.0, min(1.0, t))
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t),
            round(a[2] + (b[2] - a[2]) * t))


def gradient(size: tuple[int, int], stops: list[tuple[float, RGB]],
             vertical: bool = True) -> Image.Image:
    """A linear gradient through (position 0-1, colour) stops, top to bottom or left to
    right."""
    w, h = size
    n = h if vertical else w
    line = []
    for i in range(n):
        t = i / max(n - 1, 1)
        for (ta, ca), (tb, cb) in zip(stops, stops[1:], strict=False):
            if ta <= t <= tb:
                line.append(mix(ca, cb, (t - ta) / (tb - ta) if tb > ta else 0))
                break
        else:
            line.append(stops[-1][1] if t > stops[-1][0] else stops[0][1])
    strip = Image.new("RGB", (1, n) if vertical else (n, 1))
    strip.putdata(line)
    return strip.resize(size, Image.Resampling.BILINEAR)


def glow(size: tuple[int, int], centre: tuple[float, float], radius: float,
         strength: float = 1.0) -> Image.Image:
    """A soft round mask (L): white at centre, fading to black at radius."""
    w, h = size
    g = Image.radial_gradient("L").resize((max(1, int(2 * radius)),) * 2,
                                          Image.Resampling.BILINEAR)
    # radial_gradient is 0 at the centre and 179 at the middle of each edge
    g = g.point(lambda v: round(255 * strength * max(0.0, 1 - v / 179) ** 1.6))
    mask = Image.new("L", size, 0)
    mask.paste(g, (int(centre[0] - radius), int(centre[1] - radius)))
    return mask


def add_light(img: Image.Image, mask: Image.Image, colour: RGB) -> Image.Image:
    """Screen-blend colour into img through mask."""
    layer = Image.new("RGB", img.size, colour)
    lit = ImageChops.screen(img, layer)
    return Image.composite(lit, img, mask)


def shade(img: Image.Image, mask: Image.Image, colour: RGB = (0, 0, 0)) -> Image.Image:
    """Multiply colour into img through mask (shadows, vignettes)."""
    layer = Image.new("RGB", img.size, colour)
    dark = ImageChops.multiply(img, layer)
    return Image.composite(dark, img, mask)


def vignette(img: Image.Image, amount: float = 0.35) -> Image.Image:
    w, h = img.size
    g = Image.radial_gradient("L").resize((w, h), Image.Resampling.BILINEAR)
    g = g.point(lambda v: round(255 * amount * max(0.0, (v / 255 - 0.45) / 0.55) ** 1.5))
    return shade(img, g)


def ridge(rng: random.Random, width: int, base: float, rough: float,
          steps: int = 9) -> list[float]:
    """Heights along a ridge line by midpoint displacement: width + 1 values."""
    pts = [base + rng.uniform(-rough, rough), base + rng.uniform(-rough, rough)]
    amp = rough
    for _ in range(steps):
        nxt = []
        for a, b in zip(pts, pts[1:], strict=False):
            nxt += [a, (a + b) / 2 + rng.uniform(-amp, amp)]
        nxt.append(pts[-1])
        pts = nxt
        amp *= 0.55
    out = []
    for x in range(width + 1):
        f = x / width * (len(pts) - 1)
        i = min(int(f), len(pts) - 2)
        out.append(pts[i] + (pts[i + 1] - pts[i]) * (f - i))
    return out


def fill_below(img: Image.Image, heights: list[float], colour: RGB | Image.Image,
               bottom: float | None = None) -> None:
    """Fill the region below a ridge line (heights per x pixel) with colour or an image."""
    w, h = img.size
    step = max(1, w // 400)
    poly = [(x, heights[min(x, len(heights) - 1)]) for x in range(0, w + 1, step)]
    poly += [(w, bottom if bottom is not None else h), (0, bottom if bottom is not None else h)]
    mask = Image.new("L", img.size, 0)
    ImageDraw.Draw(mask).polygon(poly, fill=255)
    src = colour if isinstance(colour, Image.Image) else Image.new("RGB", img.size, colour)
    img.paste(src, (0, 0), mask)


def grain(img: Image.Image, seed: int, amount: int = 5) -> Image.Image:
    """Fine monochrome film grain, the same for every run."""
    rng = random.Random(seed)
    w, h = img.size
    small = Image.new("L", (w // 2, h // 2))
    small.putdata([128 + rng.randint(-amount, amount) for _ in range(small.width * small.height)])
    noise = small.resize((w, h), Image.Resampling.BILINEAR).convert("RGB")
    # img + (noise - 128): add the positive part, subtract the negative part.
    up = noise.point(lambda v: max(0, v - 128))
    down = noise.point(lambda v: max(0, 128 - v))
    return ImageChops.subtract(ImageChops.add(img, up), down)


def font(name: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / name), size)


def finish(img: Image.Image, size: tuple[int, int], seed: int, grain_amount: int = 4,
           blur: float = 0.0) -> Image.Image:
    """Reduce a supersampled canvas to its size, soften it and add grain."""
    out = img.resize(size, Image.Resampling.LANCZOS)
    if blur:
        out = out.filter(ImageFilter.GaussianBlur(blur))
    return grain(out, seed, grain_amount)


# --------------------------------------------------------------------------- 1. the hall

def workshop_hall() -> Image.Image:
    """A conference hall in Niš before the workshop: rows of blue chairs, a screen."""
    rng = random.Random(2101)
    W, H = 2400 * SS, 1350 * SS
    f = 0.85 * W                       # focal length in px
    cam_x, cam_h = 0.55, 1.8          # camera: a little right of the aisle, eye height
    vx, vy = W * 0.47, H * 0.40        # vanishing point

    def project(x: float, y: float, z: float) -> tuple[float, float]:
        return vx + f * (x - cam_x) / z, vy - f * (y - cam_h) / z

    img = gradient((W, H), [(0, (236, 232, 224)), (0.4, (222, 216, 205)), (1, (200, 192, 180))])
    d = ImageDraw.Draw(img)
    room_w, room_h, back = 5.2, 3.6, 16.0          # metres: half width, height, back wall

    # Floor, ceiling and walls as polygons between the near plane and the back wall.
    near = 0.6

    def quad(p, colour):
        d.polygon([project(*q) for q in p], fill=colour)

    quad([(-room_w, 0, near), (room_w, 0, near), (room_w, 0, back), (-room_w, 0, back)],
         (121, 96, 78))                             # parquet
    quad([(-room_w, room_h, near), (room_w, room_h, near), (room_w, room_h, back),
          (-room_w, room_h, back)], (238, 236, 231))
    quad([(-room_w, 0, near), (-room_w, 0, back), (-room_w, room_h, back),
          (-room_w, room_h, near)], (226, 221, 211))
    quad([(room_w, 0, near), (room_w, 0, back), (room_w, room_h, back),
          (room_w, room_h, near)], (214, 207, 195))
    quad([(-room_w, 0, back), (room_w, 0, back), (room_w, room_h, back),
          (-room_w, room_h, back)], (205, 200, 190))

    # Parquet strips running towards the back wall.
    for i in range(-28, 29):
        x = i * 0.18
        colour = mix((112, 88, 70), (134, 108, 86), rng.random())
        d.line([project(x, 0, near), project(x, 0, back)], fill=colour, width=3 * SS)

    # Windows on the left wall: bright panes, and their light on the floor.
    light = Image.new("L", (W, H), 0)
    ld = ImageDraw.Draw(light)
    for z0 in (2.5, 5.5, 8.5, 11.5):
        z1 = z0 + 1.8
        pane = [project(-room_w, 0.9, z0), project(-room_w, 0.9, z1),
                project(-room_w, 3.0, z1), project(-room_w, 3.0, z0)]
        d.polygon(pane, fill=(246, 249, 252))
        for k in range(1, 3):
            zz = z0 + k * (z1 - z0) / 3
            d.line([project(-room_w, 0.9, zz), project(-room_w, 3.0, zz)],
                   fill=(180, 176, 168), width=5 * SS)
        d.line([project(-room_w, 2.2, z0), project(-room_w, 2.2, z1)],
               fill=(180, 176, 168), width=4 * SS)
        ld.polygon([project(-room_w, 0, z0 + 0.4), project(-room_w, 0, z1 + 0.4),
                    project(-room_w + 4.5, 0, z1 + 1.6), project(-room_w + 4.5, 0, z0 + 1.6)],
                   fill=120)
    light = light.filter(ImageFilter.GaussianBlur(18 * SS))
    img = add_light(img, light, (255, 236, 200))
    d = ImageDraw.Draw(img)

    # Ceiling lights: rows of panels.
    for z in (2.0, 4.5, 7.0, 9.5, 12.0, 14.5):
        for x in (-3.5, 0.0, 3.5):
            quad([(x - 0.6, room_h - 0.01, z), (x + 0.6, room_h - 0.01, z),
                  (x + 0.6, room_h - 0.01, z + 0.6), (x - 0.6, room_h - 0.01, z + 0.6)],
                 (255, 253, 245))

    # The projection screen and its slide on the back wall.
    sl, st = project(-2.2, 3.1, back - 0.02), project(2.2, 1.0, back - 0.02)
    d.rectangle([sl[0] - 6 * SS, sl[1] - 6 * SS, st[0] + 6 * SS, st[1] + 6 * SS], fill=(90, 90, 92))
    slide = gradient((int(st[0] - sl[0]), int(st[1] - sl[1])),
                     [(0, (250, 250, 252)), (1, (232, 238, 244))])
    sd = ImageDraw.Draw(slide)
    sw, sh = slide.size
    sd.rectangle([0, 0, sw, int(sh * 0.08)], fill=NAVY)
    sd.rectangle([0, int(sh * 0.08), sw, int(sh * 0.1)], fill=TEAL)
    f1 = font("IBMPlexSans-SemiBold.ttf", int(sh * 0.085))
    f2 = font("IBMPlexSans-Regular.ttf", int(sh * 0.055))
    sd.text((int(sw * 0.07), int(sh * 0.30)), "Strategija prekogranične", font=f1, fill=NAVY)
    sd.text((int(sw * 0.07), int(sh * 0.42)), "klasterske saradnje", font=f1, fill=NAVY)
    sd.text((int(sw * 0.07), int(sh * 0.60)), "Radionica · Niš, 21–22. januar", font=f2,
            fill=(70, 90, 110))
    for k, colour in enumerate((TEAL, NAVY, SAND, CORAL)):
        cx, cy, r = int(sw * (0.80 + 0.06 * (k % 2))), int(sh * (0.72 + 0.1 * (k // 2))), sh // 22
        sd.ellipse([cx - r, cy - r, cx + r, cy + r], fill=colour)
    img.paste(slide, (int(sl[0]), int(sl[1])))
    d = ImageDraw.Draw(img)

    # A lectern to the right of the screen and a roll-up banner to the left.
    lx0, ly0 = project(2.8, 1.15, back - 1.0)
    lx1, ly1 = project(3.5, 0.0, back - 1.0)
    d.polygon([(lx0, ly0), (lx1, ly0), (lx1 - 4 * SS, ly1), (lx0 + 4 * SS, ly1)], fill=(92, 70, 54))
    d.rectangle([lx0 - 4 * SS, ly0 - 6 * SS, lx1 + 4 * SS, ly0 + 4 * SS], fill=(70, 52, 40))
    bx0, by0 = project(-3.8, 2.1, back - 0.8)
    bx1, by1 = project(-3.0, 0.0, back - 0.8)
    d.rectangle([bx0, by0, bx1, by1], fill=(248, 248, 248))
    d.rectangle([bx0, by0, bx1, by0 + (by1 - by0) * 0.22], fill=NAVY)
    d.rectangle([bx0, by1 - (by1 - by0) * 0.25, bx1, by1], fill=TEAL)
    d.ellipse([bx0 + (bx1 - bx0) * 0.25, by0 + (by1 - by0) * 0.35,
               bx1 - (bx1 - bx0) * 0.25, by0 + (by1 - by0) * 0.35 + (bx1 - bx0) * 0.5],
              fill=SAND)

    # Rows of chairs, back to front, with an aisle at x = 0.
    seat_colour = (36, 62, 104)
    for z in [back - 2.4 - 0.95 * i for i in range(14)]:
        if z < 2.4:
            break
        fog = max(0.0, min(0.45, (z - 3) / 28))
        for side in (-1, 1):
            for k in range(6):
                x = side * (0.75 + k * 0.58)
                if abs(x) > room_w - 0.5:
                    continue
                jitter = rng.uniform(-0.02, 0.02)
                col = mix(seat_colour, (196, 192, 184), fog)
                dark = mix((20, 34, 60), (180, 176, 168), fog)
                # legs
                leg = mix((40, 40, 44), (170, 166, 160), fog)
                for lx in (x - 0.2, x + 0.2):
                    d.line([project(lx + jitter, 0.45, z), project(lx + jitter, 0.0, z)],
                           fill=leg, width=max(2, int(SS * 8 / z)))
                # seat (a thin slab seen from above)
                xa, xb = x - 0.24 + jitter, x + 0.24 + jitter
                s = [project(xa, 0.46, z - 0.42), project(xb, 0.46, z - 0.42),
                     project(xb, 0.46, z), project(xa, 0.46, z)]
                d.polygon(s, fill=mix(col, (255, 255, 255), 0.08))
                # backrest
                b0 = project(x - 0.24 + jitter, 0.92, z)
                b1 = project(x + 0.24 + jitter, 0.46, z)
                r = max(2, int((b1[0] - b0[0]) * 0.18))
                d.rounded_rectangle([b0[0], b0[1], b1[0], b1[1]], radius=r, fill=col)
                d.rounded_rectangle([b0[0], b1[1] - (b1[1] - b0[1]) * 0.12, b1[0], b1[1]],
                                    radius=r // 2, fill=dark)

    out = img.filter(ImageFilter.GaussianBlur(1.2 * SS))
    glow_mask = Image.new("L", (W, H), 0)
    for z in (2.0, 4.5, 7.0):
        for x in (-3.5, 0.0, 3.5):
            glow_mask = ImageChops.lighter(glow_mask, glow(
                (W, H), project(x, room_h, z + 0.3), 260 * SS / z, 0.5))
    out = add_light(out, glow_mask, (255, 248, 230))
    out = vignette(out, 0.35)
    return finish(out, (2400, 1350), 2102)


# --------------------------------------------------------------------------- 2. the valley

def soft_clouds(img: Image.Image, rng: random.Random, count: int, band: tuple[float, float],
                scale: float) -> Image.Image:
    """Soft white clouds: clusters of blurred ellipses in a horizontal band."""
    W, H = img.size
    mask = Image.new("L", (W, H), 0)
    md = ImageDraw.Draw(mask)
    for _ in range(count):
        cx, cy = rng.uniform(-0.1, 1.1) * W, rng.uniform(*band) * H
        for _ in range(rng.randint(5, 9)):
            rx = rng.uniform(0.03, 0.08) * W * scale
            ry = rx * rng.uniform(0.25, 0.45)
            ox, oy = rng.uniform(-2.2, 2.2) * rx, rng.uniform(-0.5, 0.3) * ry
            md.ellipse([cx + ox - rx, cy + oy - ry, cx + ox + rx, cy + oy + ry],
                       fill=rng.randint(120, 200))
    mask = mask.filter(ImageFilter.GaussianBlur(0.006 * W))
    return Image.composite(Image.new("RGB", (W, H), (252, 250, 246)), img, mask)


def haze(img: Image.Image, top: float, bottom: float, colour: RGB, strength: float) -> None:
    """Lay a band of haze over img (in place) between two heights, densest at top."""
    W, H = img.size
    strip = Image.new("L", (1, H), 0)
    vals = []
    for y in range(H):
        t = (y / H - top) / (bottom - top)
        if t > 1:
            vals.append(0)
        elif t >= 0:
            vals.append(round(255 * strength * (1 - t)))
        else:                          # above the band: fade in over a tenth of the height
            vals.append(round(255 * strength * max(0.0, 1 + (y / H - top) / 0.1)))
    strip.putdata(vals)
    img.paste(Image.new("RGB", (W, H), colour), (0, 0),
              strip.resize((W, H), Image.Resampling.BILINEAR))


def timok_valley() -> Image.Image:
    """The Timok valley at the end of summer: hills, fields, the river, vineyards."""
    rng = random.Random(2201)
    W, H = 2400 * SS, 1200 * SS
    img = gradient((W, H), [(0, (128, 170, 208)), (0.35, (196, 214, 226)),
                            (0.5, (236, 228, 210)), (1, (236, 228, 210))])
    img = soft_clouds(img, rng, 9, (0.06, 0.3), 1.0)

    # Far ridge (Stara Planina), then nearer hills, each warmer and darker.
    for base, rough, colour, blur in ((0.38, 0.09, (150, 166, 186), 3),
                                      (0.46, 0.06, (128, 148, 140), 2),
                                      (0.53, 0.03, (112, 136, 96), 1)):
        layer = img.copy()
        fill_below(layer, [h * H for h in ridge(rng, W, base, rough)], colour)
        img = layer.filter(ImageFilter.GaussianBlur(blur * SS)) if blur > 1 else layer
    d = ImageDraw.Draw(img)

    # The valley floor: rows of fields, shallower towards the horizon.
    palette = [(152, 160, 84), (178, 168, 96), (120, 146, 72), (196, 176, 110),
               (138, 150, 80), (168, 140, 84), (104, 134, 70)]
    y = 0.56 * H
    depth = 0.012 * H
    while y < H:
        x = -rng.uniform(0, 0.1) * W
        while x < W:
            w = rng.uniform(0.05, 0.16) * W * (0.6 + (y / H - 0.5) * 2)
            skew = rng.uniform(-0.3, 0.3) * depth
            d.polygon([(x, y), (x + w, y + skew), (x + w + depth * 0.6, y + depth + skew),
                       (x + depth * 0.3, y + depth)], fill=rng.choice(palette))
            x += w
        y += depth
        depth *= 1.18

    # Hedgerows and trees scattered over the fields.
    for _ in range(180):
        ty = rng.uniform(0.56, 0.8) * H
        tx = rng.uniform(0, W)
        r = (ty / H - 0.5) * 0.02 * W * rng.uniform(0.4, 1.1)
        d.ellipse([tx - r, ty - r * 0.8, tx + r, ty + r * 0.5],
                  fill=mix((46, 72, 40), (90, 110, 80), rng.random() * 0.5))

    # A village across the valley: white walls, red roofs.
    for _ in range(26):
        hx, hy = rng.uniform(0.58, 0.78) * W, rng.uniform(0.555, 0.585) * H
        hw = rng.uniform(0.006, 0.011) * W
        d.rectangle([hx, hy, hx + hw, hy + hw * 0.55], fill=(232, 226, 214))
        d.polygon([(hx - hw * 0.1, hy), (hx + hw / 2, hy - hw * 0.35), (hx + hw * 1.1, hy)],
                  fill=(168, 72, 50))

    # The river: a winding band, narrow in the distance, with willows on its banks.
    river = []
    for i in range(61):
        t = i / 60
        ry = (0.585 + 0.43 * t ** 1.6) * H
        rx = (0.56 + 0.30 * t + 0.08 * math.sin(t * 7.5) * (0.3 + t)) * W
        river.append((rx, ry, (0.004 + 0.07 * t ** 1.5) * W))
    left = [(x - w / 2, y) for x, y, w in river]
    right = [(x + w / 2, y) for x, y, w in reversed(river)]
    d.polygon(left + right, fill=(186, 206, 216))
    for (x, y, w) in river[::4]:
        for side in (-1, 1):
            r = w * rng.uniform(0.15, 0.3) + 0.002 * W
            bx = x + side * (w / 2 + r * 0.6)
            d.ellipse([bx - r, y - r * 1.3, bx + r, y + r * 0.4],
                      fill=mix((52, 80, 44), (80, 104, 62), rng.random()))
    shine = Image.new("L", (W, H), 0)
    ImageDraw.Draw(shine).polygon(left + right, fill=90)
    shine = ImageChops.multiply(shine, gradient((W, H), [(0, (255,) * 3), (1, (60,) * 3)],
                                                False).convert("L"))
    img = add_light(img, shine.filter(ImageFilter.GaussianBlur(4 * SS)), (255, 250, 235))

    # The near slope on the left, planted with vines along its contour.
    slope = [0.70 * H + 0.30 * H * (x / W) ** 1.3 * 1.8 - 0.02 * H * math.sin(x / W * 5)
             for x in range(W + 1)]
    fill_below(img, slope, (150, 124, 88))
    d = ImageDraw.Draw(img)
    gap = 0.006 * H
    offset = 0.0
    while offset < 0.5 * H:
        row = [(x, slope[x] + offset) for x in range(0, W + 1, 8 * SS) if slope[x] + offset < H]
        if len(row) > 1:
            width = max(2, int(gap * 0.55))
            d.line(row, fill=mix((70, 104, 48), (104, 132, 62), rng.random()), width=width)
        offset += gap
        gap *= 1.07

    out = img.filter(ImageFilter.GaussianBlur(0.8 * SS))
    haze(out, 0.36, 0.62, (232, 228, 220), 0.22)
    sun = glow((W, H), (0.82 * W, 0.12 * H), 0.5 * W, 0.35)
    out = add_light(out, sun, (255, 236, 190))
    out = vignette(out, 0.3)
    return finish(out, (2400, 1200), 2202)


# --------------------------------------------------------------------------- 3. the vines

def vineyard_rows() -> Image.Image:
    """Vine rows near Novo Selo before the harvest, in the late afternoon (portrait)."""
    rng = random.Random(2301)
    W, H = 1200 * SS, 1500 * SS
    vx, vy = 0.47 * W, 0.36 * H
    f, cam_h = 0.75 * W, 1.55
    img = gradient((W, H), [(0, (118, 160, 204)), (0.3, (214, 210, 196)),
                            (0.36, (240, 214, 168)), (1, (240, 214, 168))])
    img = soft_clouds(img, rng, 5, (0.05, 0.2), 1.6)
    fill_below(img, [h * H for h in ridge(rng, W, 0.335, 0.03)], (132, 142, 150))
    fill_below(img, [h * H for h in ridge(rng, W, 0.352, 0.012)], (118, 128, 96))
    fill_below(img, [vy + 2 * SS] * (W + 1), gradient((W, H), [
        (0, (150, 130, 92)), (0.36, (150, 130, 92)), (1, (120, 98, 66))]))
    d = ImageDraw.Draw(img)

    def sx(x: float, z: float) -> float:
        return vx + f * x / z

    def sy(height: float, z: float) -> float:
        return vy + f * (cam_h - height) / z

    zs = [1.0 * 1.04 ** i for i in range(120)]            # depths from 1 m to ~110 m

    # Grass between the rows, lighter in the sun.
    for k in range(-6, 7):
        x0, x1 = -1.1 + k * 2.2 + 0.55, 1.1 + k * 2.2 - 0.55
        poly = [(sx(x0, z), sy(0, z)) for z in zs] + [(sx(x1, z), sy(0, z)) for z in reversed(zs)]
        d.polygon(poly, fill=mix((118, 138, 70), (150, 160, 84), rng.random()))

    # The rows, outermost first, so that nearer hedges hide those behind them.
    rows = sorted((side * (1.1 + 2.2 * k) for k in range(6) for side in (-1, 1)), key=abs,
                  reverse=True)
    for x in rows:
        hedge = ([(sx(x, z), sy(1.45, z)) for z in zs] +
                 [(sx(x, z), sy(0.45, z)) for z in reversed(zs)])
        d.polygon(hedge, fill=(58, 84, 38))
        for z in zs:
            if sx(x, z) < -0.2 * W or sx(x, z) > 1.2 * W:
                continue
            r = f * 0.16 / z
            for _ in range(3 if z < 12 else 1):
                lx = sx(x + rng.uniform(-0.15, 0.15), z)
                ly = sy(rng.uniform(0.55, 1.45), z)
                colour = mix((52, 84, 36), (134, 160, 62), rng.random() ** 1.5)
                d.ellipse([lx - r, ly - r * 0.8, lx + r, ly + r * 0.8], fill=colour)
            if z < 9 and rng.random() < 0.45:              # a bunch of grapes
                gx, gy = sx(x + rng.uniform(-0.1, 0.1), z), sy(0.65, z)
                g = f * 0.018 / z
                for _ in range(16):
                    ox, oy = rng.gauss(0, 1.6 * g), abs(rng.gauss(0, 2.6 * g))
                    d.ellipse([gx + ox - g, gy + oy - g, gx + ox + g, gy + oy + g],
                              fill=mix((48, 30, 62), (92, 60, 104), rng.random()))
        for z in [zs[0] * 1.6 ** i for i in range(12)]:    # posts every few metres
            px = sx(x, z)
            d.line([(px, sy(1.6, z)), (px, sy(0, z))], fill=(104, 84, 62),
                   width=max(2, int(f * 0.05 / z)))

    out = img.filter(ImageFilter.GaussianBlur(0.7 * SS))
    out = add_light(out, glow((W, H), (0.85 * W, 0.28 * H), 0.8 * W, 0.45), (255, 214, 150))
    out = vignette(out, 0.35)
    return finish(out, (1200, 1500), 2302)


# --------------------------------------------------------------------------- 4. Sofia at dusk

def sofia_dusk() -> Image.Image:
    """Sofia at dusk, Vitosha behind: lit windows, golden domes, street lights."""
    rng = random.Random(2401)
    W, H = 2400 * SS, 1100 * SS
    horizon = 0.70 * H
    img = gradient((W, H), [(0, (22, 34, 74)), (0.32, (58, 66, 118)), (0.52, (152, 108, 128)),
                            (0.66, (236, 150, 96)), (0.72, (246, 184, 116)), (1, (40, 40, 56))])
    sun = glow((W, H), (0.3 * W, horizon), 0.45 * W, 0.5)
    img = add_light(img, sun, (255, 170, 100))

    # Vitosha: a broad massif with snow on its top.
    base = [horizon - 0.02 * H] * (W + 1)
    peaks = ridge(rng, W, 0.0, 1.0, 8)
    mountain = []
    for x in range(W + 1):
        t = x / W
        hump = math.exp(-((t - 0.58) / 0.42) ** 4)      # a broad dome, not a cone
        mountain.append(base[x] - H * (0.20 * hump + 0.03 * hump * peaks[x]))
    fill_below(img, mountain, gradient((W, H), [(0, (150, 150, 180)), (0.42, (126, 118, 150)),
                                                (0.56, (92, 84, 118)), (1, (70, 64, 96))]))
    haze(img, 0.55, 0.72, (214, 150, 130), 0.28)
    d = ImageDraw.Draw(img)

    def windows(x0: float, y0: float, x1: float, y1: float, size: float, lit: float) -> None:
        y = y0 + size
        while y < y1 - size:
            x = x0 + size
            while x < x1 - size:
                if rng.random() < lit:
                    colour = mix((255, 196, 110), (255, 236, 190), rng.random())
                    d.rectangle([x, y, x + size, y + size * 1.2], fill=colour)
                x += size * 2.2
            y += size * 2.6

    # Three layers of buildings, far to near, darker and larger.
    for layer, (top, bottom, colour, wmin, wmax, hmin, hmax, size, lit) in enumerate((
            (horizon, horizon + 0.06 * H, (86, 74, 100), 0.02, 0.05, 0.02, 0.07, 2.2, 0.25),
            (horizon + 0.03 * H, horizon + 0.16 * H, (58, 50, 74), 0.03, 0.07, 0.04, 0.13, 3.6,
             0.35),
            (horizon + 0.12 * H, H, (30, 28, 44), 0.04, 0.09, 0.05, 0.16, 5.0, 0.45))):
        x = -rng.uniform(0, 0.05) * W
        while x < W:
            bw = rng.uniform(wmin, wmax) * W
            bh = rng.uniform(hmin, hmax) * H
            if layer == 1 and rng.random() < 0.12:
                bh *= 2.0                                  # a tower block
            y0 = top - bh + (bottom - top) * 0.3
            d.rectangle([x, y0, x + bw, H], fill=mix(colour, (0, 0, 0), rng.random() * 0.2))
            windows(x, y0, x + bw, min(H, y0 + bh * 3), size * SS, lit)
            x += bw + rng.uniform(0, 0.01) * W

    # The cathedral's domes, gold in the last light, and a tall TV tower to the right.
    cx, cy = 0.36 * W, horizon + 0.10 * H
    d.rectangle([cx - 0.09 * W, cy, cx + 0.09 * W, H], fill=(40, 36, 52))
    d.rectangle([cx - 0.05 * W, cy - 0.05 * H, cx + 0.05 * W, H], fill=(40, 36, 52))
    for ox, r, h in ((-0.07, 0.008, 0.03), (0.07, 0.008, 0.03), (-0.035, 0.011, 0.08),
                     (0.035, 0.011, 0.08), (0.0, 0.019, 0.13)):
        bx, by = cx + ox * W, cy - h * H
        d.rectangle([bx - r * W * 0.8, by, bx + r * W * 0.8, cy], fill=(46, 40, 58))
        d.ellipse([bx - r * W, by - r * W, bx + r * W, by + r * W * 0.9], fill=(206, 160, 74))
        d.ellipse([bx - r * W * 0.55, by - r * W * 0.85, bx + r * W * 0.1, by - r * W * 0.2],
                  fill=(246, 214, 130))
        d.line([(bx, by - r * W), (bx, by - r * W * 1.7)], fill=(206, 160, 74), width=3 * SS)
    tx = 0.83 * W
    d.polygon([(tx - 0.006 * W, H), (tx + 0.006 * W, H), (tx + 0.003 * W, horizon - 0.25 * H),
               (tx - 0.003 * W, horizon - 0.25 * H)], fill=(44, 40, 60))
    d.ellipse([tx - 0.01 * W, horizon - 0.2 * H, tx + 0.01 * W, horizon - 0.17 * H],
              fill=(44, 40, 60))
    d.line([(tx, horizon - 0.25 * H), (tx, horizon - 0.33 * H)], fill=(44, 40, 60), width=4 * SS)
    d.ellipse([tx - 4 * SS, horizon - 0.335 * H, tx + 4 * SS, horizon - 0.325 * H],
              fill=(255, 80, 60))

    # Trees of a park in the foreground and a line of street lights.
    for _ in range(60):
        px, py = rng.uniform(0, W), rng.uniform(0.88, 1.0) * H
        r = rng.uniform(0.02, 0.05) * W
        d.ellipse([px - r, py - r * 0.8, px + r, py + r], fill=(18, 20, 28))
    lights = Image.new("L", (W, H), 0)
    for i in range(26):
        lx, ly = (i + 0.5) / 26 * W, 0.86 * H + 0.02 * H * math.sin(i)
        d.ellipse([lx - 3 * SS, ly - 3 * SS, lx + 3 * SS, ly + 3 * SS], fill=(255, 210, 140))
        lights = ImageChops.lighter(lights, glow((W, H), (lx, ly), 0.012 * W, 0.6))
    img = add_light(img, lights, (255, 180, 100))
    out = img.filter(ImageFilter.GaussianBlur(0.6 * SS))
    out = vignette(out, 0.3)
    return finish(out, (2400, 1100), 2402)


# --------------------------------------------------------------------------- 5. handshake

def capsule(d: ImageDraw.ImageDraw, a: tuple[float, float], b: tuple[float, float],
            width: float, fill: RGB) -> None:
    """A thick line with round ends from a to b."""
    d.line([a, b], fill=fill, width=max(1, int(width)))
    r = width / 2
    for x, y in (a, b):
        d.ellipse([x - r, y - r, x + r, y + r], fill=fill)


def handshake() -> Image.Image:
    """Two hands meeting over a signed contract, against a bright office window."""
    rng = random.Random(2501)
    W, H = 1200 * SS, 1500 * SS

    # The window behind: blinds and bokeh, thrown well out of focus.
    back = gradient((W, H), [(0, (214, 222, 230)), (0.5, (236, 232, 222)), (1, (150, 142, 132))])
    bd = ImageDraw.Draw(back)
    for i in range(14):
        y = i * 0.055 * H
        bd.rectangle([0, y, W, y + 0.03 * H], fill=(246, 246, 240))
    bd.rectangle([0.62 * W, 0, 0.66 * W, 0.78 * H], fill=(120, 118, 116))
    for _ in range(40):
        x, y, r = rng.uniform(0, W), rng.uniform(0, 0.7 * H), rng.uniform(0.02, 0.06) * W
        bd.ellipse([x - r, y - r, x + r, y + r], fill=mix((255, 250, 235), (236, 226, 200),
                                                            rng.random()))
    bd.rectangle([0, 0.78 * H, W, H], fill=(92, 72, 58))          # the table edge
    img = back.filter(ImageFilter.GaussianBlur(0.03 * W))
    d = ImageDraw.Draw(img)

    # Papers on the table, a pen.
    d.polygon([(0.12 * W, 0.86 * H), (0.62 * W, 0.82 * H), (0.70 * W, 0.98 * H),
               (0.16 * W, 1.02 * H)], fill=(242, 240, 234))
    for k in range(9):
        y = 0.865 * H + k * 0.012 * H
        d.line([(0.17 * W, y), (0.55 * W - k * 0.02 * W, y - 0.006 * H)], fill=(170, 170, 172),
               width=2 * SS)
    d.line([(0.50 * W, 0.95 * H), (0.66 * W, 0.90 * H)], fill=(30, 40, 60), width=10 * SS)

    cx, cy, u = 0.5 * W, 0.52 * H, 0.05 * W
    skin_a, skin_b = (196, 146, 116), (176, 126, 98)
    suit_a, suit_b = (34, 44, 66), (96, 98, 104)

    # Sleeves, shirt cuffs and wrists: straight bands along each forearm.
    def band(a: tuple[float, float], b: tuple[float, float], width: float, fill: RGB) -> None:
        dx, dy = b[0] - a[0], b[1] - a[1]
        n = math.hypot(dx, dy)
        ox, oy = -dy / n * width / 2, dx / n * width / 2
        d.polygon([(a[0] + ox, a[1] + oy), (b[0] + ox, b[1] + oy), (b[0] - ox, b[1] - oy),
                   (a[0] - ox, a[1] - oy)], fill=fill)

    def along(a: tuple[float, float], b: tuple[float, float], t: float) -> tuple[float, float]:
        return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)

    elbow_a, wrist_a = (cx - 13 * u, cy + 8.5 * u), (cx - 2.6 * u, cy + 0.3 * u)
    elbow_b, wrist_b = (cx + 13 * u, cy + 6.5 * u), (cx + 2.8 * u, cy + 0.5 * u)
    band(along(elbow_a, wrist_a, 0.80), wrist_a, 1.9 * u, skin_a)
    band(along(elbow_b, wrist_b, 0.80), wrist_b, 1.8 * u, skin_b)
    band(along(elbow_a, wrist_a, 0.72), along(elbow_a, wrist_a, 0.86), 2.5 * u, (238, 240, 244))
    band(along(elbow_b, wrist_b, 0.72), along(elbow_b, wrist_b, 0.86), 2.4 * u, (226, 232, 240))
    band(elbow_a, along(elbow_a, wrist_a, 0.76), 3.1 * u, suit_a)
    band(elbow_b, along(elbow_b, wrist_b, 0.76), 3.0 * u, suit_b)
    for a, b, col in ((elbow_a, wrist_a, (22, 30, 48)), (elbow_b, wrist_b, (70, 72, 78))):
        band(along(a, b, 0.74), along(a, b, 0.76), 3.1 * u, col)       # the sleeve's hem

    # The right-hand person's palm, the left-hand person's hand and its knuckles, then the
    # fingers that wrap over it, then the thumb on top.
    d.ellipse([cx - 1.4 * u, cy - 1.1 * u, cx + 3.4 * u, cy + 1.6 * u], fill=skin_b)
    d.ellipse([cx - 3.4 * u, cy - 1.3 * u, cx + 1.2 * u, cy + 1.4 * u], fill=skin_a)
    for k in range(4):
        x = cx - 0.2 * u - k * 0.72 * u
        top, bottom = cy - 1.2 * u + 0.08 * k * u, cy + 1.2 * u - 0.12 * k * u
        capsule(d, (x + 0.45 * u, top), (x - 0.15 * u, bottom), 0.74 * u,
                mix(skin_b, (150, 104, 80), 0.12 * k))
        d.line([(x + 0.83 * u, top + 0.25 * u), (x + 0.25 * u, bottom - 0.1 * u)],
               fill=(146, 100, 78), width=max(1, int(0.07 * u)))
    capsule(d, (cx - 2.0 * u, cy - 1.15 * u), (cx + 1.5 * u, cy - 1.35 * u), 0.9 * u, skin_a)
    d.ellipse([cx + 1.1 * u, cy - 1.75 * u, cx + 1.9 * u, cy - 1.0 * u], fill=(212, 168, 144))

    # Rim light from the window along the upper edges.
    rim = Image.new("L", (W, H), 0)
    ImageDraw.Draw(rim).line([(cx - 3.0 * u, cy - 1.1 * u), (cx + 1.8 * u, cy - 1.7 * u),
                              (cx + 3.3 * u, cy - 0.7 * u)], fill=150, width=int(0.25 * u))
    img = add_light(img, rim.filter(ImageFilter.GaussianBlur(0.25 * u)), (255, 240, 220))
    out = img.filter(ImageFilter.GaussianBlur(0.9 * SS))
    out = vignette(out, 0.4)
    return finish(out, (1200, 1500), 2502)


# --------------------------------------------------------------------------- 6. seminar

def seminar_screen() -> Image.Image:
    """A dim seminar room: survey bars on the screen, a speaker, the audience's heads."""
    rng = random.Random(2601)
    W, H = 2400 * SS, 1500 * SS
    img = gradient((W, H), [(0, (40, 44, 56)), (0.6, (58, 60, 70)), (1, (26, 26, 32))])
    d = ImageDraw.Draw(img)

    # The screen, with a bar chart of the survey and a title.
    x0, y0, x1, y1 = 0.22 * W, 0.10 * H, 0.84 * W, 0.60 * H
    d.rectangle([x0 - 10 * SS, y0 - 10 * SS, x1 + 10 * SS, y1 + 10 * SS], fill=(20, 20, 24))
    slide = gradient((int(x1 - x0), int(y1 - y0)), [(0, (246, 248, 250)), (1, (226, 232, 240))])
    sd = ImageDraw.Draw(slide)
    sw, sh = slide.size
    sd.rectangle([0, 0, sw, int(0.13 * sh)], fill=NAVY)
    sd.text((int(0.04 * sw), int(0.025 * sh)), "Prepreke saradnji · Пречки пред сътрудничеството",
            font=font("IBMPlexSans-SemiBold.ttf", int(0.07 * sh)), fill=(255, 255, 255))
    values = [(66, 61), (38, 45), (44, 31), (35, 31), (33, 24), (20, 25)]
    base, top = 0.86 * sh, 0.22 * sh
    sd.line([(0.07 * sw, base), (0.95 * sw, base)], fill=(120, 130, 140), width=3 * SS)
    for g in range(1, 5):
        y = base - g * (base - top) / 4
        sd.line([(0.07 * sw, y), (0.95 * sw, y)], fill=(206, 212, 220), width=2 * SS)
    slot = 0.88 * sw / len(values)
    for i, (rs, bg) in enumerate(values):
        for j, (v, colour) in enumerate(((rs, TEAL), (bg, SAND))):
            bx = 0.07 * sw + i * slot + slot * (0.18 + 0.33 * j)
            sd.rectangle([bx, base - v / 80 * (base - top), bx + slot * 0.3, base], fill=colour)
    img.paste(slide, (int(x0), int(y0)))
    d = ImageDraw.Draw(img)

    # Light from the screen on the walls and the audience.
    spill = glow((W, H), ((x0 + x1) / 2, (y0 + y1) / 2), 0.75 * W, 0.45)
    img = add_light(img, spill, (170, 190, 220))
    d = ImageDraw.Draw(img)

    # The speaker at the left of the screen, pointing at the bars.
    sx, sy = 0.15 * W, 0.70 * H
    body_c = (30, 30, 38)
    d.ellipse([sx - 0.017 * W, sy - 0.385 * H, sx + 0.017 * W, sy - 0.33 * H], fill=body_c)
    d.rectangle([sx - 0.007 * W, sy - 0.34 * H, sx + 0.007 * W, sy - 0.30 * H], fill=body_c)
    d.rounded_rectangle([sx - 0.034 * W, sy - 0.31 * H, sx + 0.034 * W, sy - 0.08 * H],
                        radius=int(0.02 * W), fill=body_c)
    for lx in (-0.016, 0.016):
        d.rectangle([sx + (lx - 0.012) * W, sy - 0.12 * H, sx + (lx + 0.012) * W, sy + 0.1 * H],
                    fill=body_c)
    capsule(d, (sx + 0.024 * W, sy - 0.285 * H), (sx + 0.07 * W, sy - 0.24 * H), 0.016 * W,
            body_c)
    capsule(d, (sx + 0.07 * W, sy - 0.24 * H), (sx + 0.10 * W, sy - 0.33 * H), 0.014 * W,
            body_c)
    capsule(d, (sx - 0.026 * W, sy - 0.28 * H), (sx - 0.03 * W, sy - 0.15 * H), 0.015 * W,
            body_c)

    # Three rows of heads and shoulders, darker towards the camera.
    for row, (y, scale, colour) in enumerate(((0.80, 0.8, (40, 42, 50)),
                                              (0.90, 1.0, (28, 28, 34)),
                                              (1.02, 1.3, (16, 16, 20)))):
        x = -rng.uniform(0, 0.05) * W
        while x < W + 0.1 * W:
            r = 0.028 * W * scale * rng.uniform(0.9, 1.1)
            hx, hy = x, y * H - r * 1.9
            d.ellipse([hx - 2.4 * r, hy + 1.4 * r, hx + 2.4 * r, hy + 5 * r], fill=colour)
            d.ellipse([hx - r, hy - r * 1.15, hx + r, hy + r * 1.15], fill=colour)
            if row < 2:                                # the screen's light on the hair
                d.arc([hx - r, hy - r * 1.15, hx + r, hy + r * 1.15], 200, 340,
                      fill=mix(colour, (150, 160, 180), 0.5), width=int(3 * SS))
            x += r * rng.uniform(4.6, 6.2)
    out = img.filter(ImageFilter.GaussianBlur(0.8 * SS))
    out = vignette(out, 0.45)
    return finish(out, (2400, 1500), 2602, grain_amount=6)


# --------------------------------------------------------------------------- 7. spools

def textile_spools() -> Image.Image:
    """Cones of thread on a rack in a knitwear store room (portrait)."""
    rng = random.Random(2701)
    W, H = 1200 * SS, 1500 * SS
    img = gradient((W, H), [(0, (70, 66, 62)), (1, (48, 44, 42))])
    d = ImageDraw.Draw(img)
    palette = [(178, 34, 52), (31, 58, 95), (42, 157, 143), (233, 196, 106), (236, 234, 226),
               (120, 122, 128), (214, 120, 150), (86, 128, 70), (206, 96, 52), (92, 60, 110),
               (24, 26, 30), (160, 200, 220)]
    cols, rows = 5, 6
    cw, rh = W / cols, H / rows
    for r in range(rows):
        # a shelf under each row
        sy = (r + 1) * rh - 0.08 * rh
        d.rectangle([0, sy, W, sy + 0.06 * rh], fill=(128, 100, 74))
        d.rectangle([0, sy + 0.06 * rh, W, sy + 0.09 * rh], fill=(60, 46, 36))
        for c in range(cols):
            colour = rng.choice(palette)
            cx = (c + 0.5) * cw + rng.uniform(-0.04, 0.04) * cw
            top, bottom = r * rh + 0.16 * rh, sy
            wt, wb = 0.30 * cw, 0.42 * cw
            # the cone, shaded like a cylinder: dark edges, a highlight left of centre
            steps = 40
            for k in range(steps):
                t0, t1 = k / steps, (k + 1) / steps
                light = 0.55 + 0.45 * math.cos((t0 - 0.38) * math.pi * 1.1)
                shade_c = mix((0, 0, 0), colour, light)
                if light > 0.96:
                    shade_c = mix(shade_c, (255, 255, 255), 0.25)
                d.polygon([(cx - wt / 2 + wt * t0, top), (cx - wt / 2 + wt * t1, top),
                           (cx - wb / 2 + wb * t1, bottom), (cx - wb / 2 + wb * t0, bottom)],
                          fill=shade_c)
            for k in range(60):                         # the wound thread
                y = top + (bottom - top) * k / 60
                w = wt + (wb - wt) * k / 60
                d.line([(cx - w / 2, y), (cx + w / 2, y)],
                       fill=mix(colour, (0, 0, 0), 0.18 + 0.1 * rng.random()), width=1)
            d.polygon([(cx - 0.06 * cw, top - 0.09 * rh), (cx + 0.06 * cw, top - 0.09 * rh),
                       (cx + wt / 2 * 0.5, top), (cx - wt / 2 * 0.5, top)], fill=(196, 170, 128))
            d.ellipse([cx - 0.06 * cw, top - 0.11 * rh, cx + 0.06 * cw, top - 0.07 * rh],
                      fill=(150, 126, 92))
    # A shallow depth of field: sharp in the middle rows, soft at the top and the bottom.
    soft = img.filter(ImageFilter.GaussianBlur(0.012 * W))
    focus = gradient((W, H), [(0, (255,) * 3), (0.35, (0,) * 3), (0.7, (0,) * 3),
                              (1, (200,) * 3)]).convert("L")
    img = Image.composite(soft, img.filter(ImageFilter.GaussianBlur(0.6 * SS)), focus)
    img = add_light(img, glow((W, H), (0.3 * W, 0.2 * H), 0.9 * W, 0.25), (255, 230, 200))
    out = vignette(img, 0.45)
    return finish(out, (1200, 1500), 2702)


# --------------------------------------------------------------------------- 8. TV camera

def tv_camera() -> Image.Image:
    """A TV camera on its tripod in a knitting plant, the machines out of focus (portrait)."""
    rng = random.Random(2801)
    W, H = 1200 * SS, 1500 * SS
    vx, vy = 0.42 * W, 0.42 * H
    back = gradient((W, H), [(0, (150, 158, 166)), (0.42, (140, 144, 146)), (1, (96, 92, 88))])
    bd = ImageDraw.Draw(back)
    # Fluorescent tubes on the ceiling and two rows of knitting machines, in perspective.
    for z in (2, 3, 4.5, 6.5, 9, 13, 18):
        for x in (-1.5, 1.5):
            a = (vx + W * 0.5 * (x - 0.3) / z, vy - H * 0.5 / z)
            b = (vx + W * 0.5 * (x + 0.3) / z, vy - H * 0.5 / z)
            bd.line([a, b], fill=(255, 255, 250), width=max(2, int(0.04 * W / z)))
    f = 0.9 * W
    bd.polygon([(0, vy + f * 1.5 / 60), (W, vy + f * 1.5 / 60), (W, H), (0, H)],
               fill=(104, 120, 112))                                     # the floor
    for z in (18, 13, 9, 6.5, 4.5, 3.2):
        for x in (-1.3, 1.3):
            mx0, mx1 = vx + f * (x - 0.6) / z, vx + f * (x + 0.6) / z
            my0, my1 = vy + f * 0.25 / z, vy + f * 1.5 / z
            bd.rectangle([mx0, my0, mx1, my1], fill=mix((60, 84, 108), (122, 130, 136), z / 18),
                         outline=(34, 44, 56), width=max(2, int(f * 0.03 / z)))
            bd.rectangle([mx0, my0, mx1, my0 + (my1 - my0) * 0.12], fill=(206, 210, 214))
            for k, lamp in enumerate(((80, 220, 120), (250, 190, 60))):    # the panel
                lx, ly, lr = mx0 + (0.15 + 0.1 * k) * (mx1 - mx0), my0 + 0.3 * (my1 - my0), \
                    f * 0.02 / z
                bd.ellipse([lx - lr, ly - lr, lx + lr, ly + lr], fill=lamp)
            for k in range(6):                              # cones of yarn on top
                kx = mx0 + (k + 0.5) * (mx1 - mx0) / 6
                r = f * 0.05 / z
                bd.polygon([(kx - r, my0), (kx + r, my0), (kx + r * 0.6, my0 - 3 * r),
                            (kx - r * 0.6, my0 - 3 * r)],
                           fill=rng.choice([CORAL, TEAL, SAND, (236, 234, 226), NAVY]))
    img = back.filter(ImageFilter.GaussianBlur(0.008 * W))
    d = ImageDraw.Draw(img)

    # The camera on a tripod, right of centre, dark against the bright hall.
    cam = (28, 30, 34)
    px, py = 0.62 * W, 0.50 * H
    for ex in (0.38 * W, 0.66 * W, 0.92 * W):
        capsule(d, (px, py + 0.06 * H), (ex, H + 0.02 * H), 0.018 * W, (40, 42, 46))
    capsule(d, (px, py + 0.05 * H), (px, py + 0.25 * H), 0.03 * W, (40, 42, 46))
    d.rounded_rectangle([px - 0.08 * W, py - 0.02 * H, px + 0.08 * W, py + 0.06 * H],
                        radius=int(0.01 * W), fill=(46, 48, 52))            # the head
    capsule(d, (px + 0.07 * W, py + 0.03 * H), (px + 0.30 * W, py + 0.09 * H), 0.014 * W, cam)
    d.rounded_rectangle([px - 0.16 * W, py - 0.16 * H, px + 0.18 * W, py - 0.02 * H],
                        radius=int(0.02 * W), fill=cam)                     # the body
    d.rounded_rectangle([px - 0.36 * W, py - 0.14 * H, px - 0.14 * W, py - 0.04 * H],
                        radius=int(0.01 * W), fill=(22, 22, 26))            # the lens
    d.polygon([(px - 0.36 * W, py - 0.17 * H), (px - 0.44 * W, py - 0.20 * H),
               (px - 0.44 * W, py + 0.0 * H), (px - 0.36 * W, py - 0.01 * H)],
              fill=(18, 18, 22))                                            # the hood
    d.rounded_rectangle([px - 0.12 * W, py - 0.22 * H, px + 0.06 * W, py - 0.16 * H],
                        radius=int(0.01 * W), fill=(36, 38, 42))            # viewfinder
    d.ellipse([px + 0.12 * W, py - 0.15 * H, px + 0.14 * W, py - 0.135 * H], fill=(230, 40, 40))
    for k in range(5):                                                      # lens rings
        x = px - 0.33 * W + k * 0.04 * W
        d.line([(x, py - 0.14 * H), (x, py - 0.04 * H)], fill=(54, 56, 60), width=4 * SS)
    rim = Image.new("L", (W, H), 0)
    ImageDraw.Draw(rim).line([(px - 0.36 * W, py - 0.14 * H), (px + 0.18 * W, py - 0.16 * H)],
                             fill=140, width=int(0.006 * W))
    img = add_light(img, rim.filter(ImageFilter.GaussianBlur(0.004 * W)), (255, 250, 240))
    out = img.filter(ImageFilter.GaussianBlur(0.7 * SS))
    out = vignette(out, 0.4)
    return finish(out, (1200, 1500), 2802)


# --------------------------------------------------------------------------- 9. peppers

def peppers() -> Image.Image:
    """Strings of red peppers drying on a whitewashed wall in the autumn sun (portrait)."""
    rng = random.Random(2901)
    W, H = 1200 * SS, 1500 * SS
    wall = gradient((W, H), [(0, (238, 230, 214)), (1, (222, 210, 190))])
    blot = Image.new("L", (W // 8, H // 8))
    blot.putdata([rng.randint(0, 60) for _ in range(blot.width * blot.height)])
    blot = blot.resize((W, H), Image.Resampling.BILINEAR).filter(ImageFilter.GaussianBlur(6 * SS))
    wall = shade(wall, blot, (200, 186, 160))
    img = wall
    shadow = Image.new("L", (W, H), 0)
    sd = ImageDraw.Draw(shadow)
    layer = Image.new("RGBA", (W, H), (0, 0, 0, 0))
    ld = ImageDraw.Draw(layer)

    def pepper(x: float, y: float, length: float, angle: float, colour: RGB) -> None:
        """One pepper hanging from (x, y): a long, slightly curved cone."""
        wid = length * 0.3
        ca, sa = math.cos(angle), math.sin(angle)
        outline_l, outline_r = [], []
        for k in range(13):
            t = k / 12
            half = wid / 2 * (1 - t ** 1.6) * (0.7 + 0.3 * math.sin(math.pi * min(1, t * 3)))
            bend = 0.12 * length * t * t
            px, py = x + bend * ca + t * length * -sa, y + t * length * ca + bend * sa
            outline_l.append((px - half * ca, py - half * sa))
            outline_r.append((px + half * ca, py + half * sa))
        poly = outline_l + outline_r[::-1]
        ld.polygon(poly, fill=colour + (255,))
        sd.polygon([(px + 0.05 * W, py + 0.03 * W) for px, py in poly], fill=150)
        hl = [(a[0] * 0.7 + b[0] * 0.3, a[1] * 0.7 + b[1] * 0.3)
              for a, b in zip(outline_l[1:9], outline_r[1:9], strict=True)]
        ld.line(hl, fill=mix(colour, (255, 240, 220), 0.45) + (255,), width=max(2, int(wid * 0.12)))
        ld.ellipse([x - wid * 0.22, y - wid * 0.3, x + wid * 0.22, y + wid * 0.1],
                   fill=(92, 96, 40, 255))

    # The beam, the strings and their peppers.
    beam_y = 0.07 * H
    for s_x in (0.16, 0.40, 0.64, 0.87):
        x = s_x * W + rng.uniform(-0.02, 0.02) * W
        bottom = rng.uniform(0.82, 0.96) * H
        ld.line([(x, beam_y), (x, bottom)], fill=(170, 150, 110, 255), width=3 * SS)
        sd.line([(x + 0.05 * W, beam_y + 0.03 * W), (x + 0.05 * W, bottom + 0.03 * W)],
                fill=120, width=3 * SS)
        y = beam_y + 0.03 * H
        while y < bottom:
            for side in (-1, 1):
                length = rng.uniform(0.11, 0.15) * H
                colour = mix((150, 20, 24), (214, 52, 30), rng.random())
                pepper(x + side * rng.uniform(0.0, 0.012) * W, y + rng.uniform(0, 0.01) * H,
                       length, side * rng.uniform(0.05, 0.3), colour)
            y += rng.uniform(0.034, 0.042) * H
    shadow = shadow.filter(ImageFilter.GaussianBlur(0.012 * W))
    img = shade(img, shadow, (150, 130, 110))
    img.paste(layer, (0, 0), layer)
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, W, beam_y + 0.012 * H], fill=(104, 78, 54))
    d.rectangle([0, beam_y + 0.006 * H, W, beam_y + 0.012 * H], fill=(72, 52, 36))
    out = img.filter(ImageFilter.GaussianBlur(0.7 * SS))
    out = add_light(out, glow((W, H), (0.2 * W, 0.3 * H), 0.9 * W, 0.25), (255, 236, 200))
    out = vignette(out, 0.3)
    return finish(out, (1200, 1500), 2902)


# --------------------------------------------------------------------------- main

PHOTOS: dict[str, Callable[[], Image.Image]] = {
    "workshop-hall.jpg": workshop_hall,
    "timok-valley.jpg": timok_valley,
    "vineyard-rows.jpg": vineyard_rows,
    "sofia-dusk.jpg": sofia_dusk,
    "handshake.jpg": handshake,
    "seminar-screen.jpg": seminar_screen,
    "textile-spools.jpg": textile_spools,
    "tv-camera.jpg": tv_camera,
    "peppers.jpg": peppers,
}


def main(argv: list[str]) -> int:
    MEDIA.mkdir(parents=True, exist_ok=True)
    names = argv or list(PHOTOS)
    for name in names:
        img = PHOTOS[name]()
        path = MEDIA / name
        img.save(path, "JPEG", quality=84, optimize=True, progressive=False,
                 subsampling="4:2:0", dpi=(300, 300))
        print(f"{path.relative_to(ROOT)}: {img.width}x{img.height}, "
              f"{path.stat().st_size / 1024:.0f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
