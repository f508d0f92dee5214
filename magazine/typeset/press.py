"""Press colour: the print PDF in the CMYK of the output profile that styles/press.css names
(`@color-profile device-cmyk`), the screen PDF and the e-books in sRGB.

The palette of magazine.css gives each colour twice, `--teal: #2a9d8f` for the screen and
`--teal-cmyk: device-cmyk(…)` for the press; the print is laid out with the second (the text
black on the black plate alone, as the designer wrote it). Pictures are converted as they are
read: SVG colours of the palette to its CMYK, pure greys to the black plate alone, any other
colour and every colour photo through the output profile (relative colorimetric with
black-point compensation, littleCMS by Pillow's ImageCms); a grey photo stays grey (the black
plate). A picture that arrives in CMYK or with its own ICC profile is read through that
profile, both ways; one with transparent parts is refused for the press."""

import io
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from PIL import Image, ImageChops, ImageCms
from tinycss2.color5 import parse_color

from magazine.errors import RenderError

PALETTE = re.compile(r"--([\w-]+)\s*:\s*(#[0-9a-fA-F]{3,8})\s*;")
PALETTE_CMYK = re.compile(r"--([\w-]+)-cmyk\s*:\s*device-cmyk\(\s*([\d.\s]+?)\s*"
                          r"(?:/\s*([\d.]+)\s*)?\)\s*;")
CONDITION = re.compile(r"--output-condition\s*:\s*['\"]([^'\"]+)['\"]")
PROFILE = re.compile(r"@color-profile\s+device-cmyk\s*\{[^}]*src\s*:\s*url\(\s*['\"]?([^'\")]+)")
# the SVG attributes and style properties that hold a colour
SVG_COLOUR = re.compile(r"""((?:fill|stroke|stop-color|flood-color|lighting-color|color)
                            \s*(?:=\s*["']|:\s*))([^"';>}]+)""", re.VERBOSE)
SRGB_SPACES = ("srgb", "hsl", "hwb")          # colours CSS writes in sRGB
GRADIENT = re.compile(r"<(linear|radial)Gradient\b")
SVG_ROOT = re.compile(r"<(?:[\w-]+:)?svg(\b)[^>]*>")
JPEG_QUALITY = 95
INTENT = ImageCms.Intent.RELATIVE_COLORIMETRIC
FLAGS = ImageCms.Flags.BLACKPOINTCOMPENSATION
PICTURES = {".svg": "image/svg+xml", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
            ".png": "image/png", ".gif": "image/gif", ".tif": "image/tiff",
            ".tiff": "image/tiff", ".webp": "image/webp"}         # what a picture's name says
RASTER = tuple(suffix for suffix, kind in PICTURES.items() if kind != "image/svg+xml")


def _hex(value: str) -> tuple[int, int, int] | None:
    """Return a #rgb, #rgba, #rrggbb or #rrggbbaa colour's red, green and blue; None for
    another length."""
    value = value.lstrip("#").lower()
    if len(value) in (3, 4):
        value = "".join(c * 2 for c in value)
    if len(value) not in (6, 8):
        return None
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _device(cmyk, alpha: float | None = None) -> str:
    return "device-cmyk(" + " ".join(f"{round(c, 4):g}" for c in cmyk) + (
        f" / {alpha:g}" if alpha is not None and alpha < 1 else "") + ")"


@dataclass
class Press:
    """The press colours of the magazine: the palette's CMYK and the output profile."""

    styles: Path
    palette: dict[tuple[int, int, int], tuple[float, ...]] = field(default_factory=dict)
    names: dict[str, tuple[float, ...]] = field(default_factory=dict)
    alphas: dict[str, float] = field(default_factory=dict)    # the translucent ones
    profile: Path | None = None
    condition: str = ""                 # the print condition, as the output intent names it

    @classmethod
    def of(cls, styles: Path) -> "Press":
        """Read the palette from magazine.css and the output profile from press.css."""
        css = (styles / "magazine.css").read_text(encoding="utf-8")
        rgb = {name: _hex(value) for name, value in PALETTE.findall(css)}
        wrong = sorted(name for name, value in rgb.items() if value is None)
        if wrong:
            raise RenderError(f"--{wrong[0]} is not a colour (#rgb, #rrggbb, #rrggbbaa)",
                              styles / "magazine.css")
        names = {name: tuple(float(v) for v in values.split())
                 for name, values, _ in PALETTE_CMYK.findall(css)}
        alphas = {name: float(alpha) for name, _, alpha in PALETTE_CMYK.findall(css) if alpha}
        for name, cmyk in names.items():
            if len(cmyk) != 4 or not all(0 <= v <= 1 for v in cmyk):
                raise RenderError(f"--{name}-cmyk must be device-cmyk(c m y k), each 0 to 1",
                                  styles / "magazine.css")
        lacking = sorted(set(rgb) - set(names))
        if lacking:
            raise RenderError(f"the colour --{lacking[0]} has no --{lacking[0]}-cmyk for the "
                              "press; give it one beside it", styles / "magazine.css")
        press = styles / "press.css"
        rules = press.read_text(encoding="utf-8") if press.is_file() else ""
        found = PROFILE.search(rules)
        condition = CONDITION.search(rules)
        profile = (styles / found[1]).resolve() if found else None
        if found and profile is not None and not profile.is_file():
            raise RenderError(f"the output profile {found[1]} is not there", press)
        return cls(styles, {colour: names[name] for name, colour in rgb.items()
                            if colour is not None and name not in alphas},
                   names, alphas, profile, condition[1] if condition else "")

    def key(self) -> tuple:
        """Return what the conversions depend on: the palette and the profile."""
        stat = self.profile.stat() if self.profile is not None else None
        return (tuple(sorted(self.palette.items())), str(self.profile),
                stat and (stat.st_mtime_ns, stat.st_size))

    def css(self) -> str:
        """Return the stylesheet that sets the palette's custom properties to their CMYK."""
        return ":root { " + " ".join(f"--{name}: {_device(cmyk, self.alphas.get(name))};"
                                     for name, cmyk in sorted(self.names.items())) + " }"

    @cached_property
    def _cms(self) -> ImageCms.ImageCmsProfile:
        if self.profile is None:
            raise RenderError("no output profile: name one in @color-profile device-cmyk",
                              self.styles / "press.css")
        return ImageCms.getOpenProfile(str(self.profile))

    @cached_property
    def _from_srgb(self):
        return ImageCms.buildTransform(ImageCms.createProfile("sRGB"), self._cms, "RGB", "CMYK",
                                       renderingIntent=INTENT, flags=FLAGS)

    def cmyk(self, rgb: tuple[int, int, int]) -> tuple[float, ...]:
        """Return the press colour of an sRGB colour: the palette's, the black plate's for a
        grey, else the output profile's."""
        if rgb in self.palette:
            return self.palette[rgb]
        if rgb[0] == rgb[1] == rgb[2]:
            return (0.0, 0.0, 0.0, round(1 - rgb[0] / 255, 4))
        pixel = ImageCms.applyTransform(Image.new("RGB", (1, 1), rgb), self._from_srgb)
        assert pixel is not None                    # a new image, not converted in place
        return tuple(round(v / 255, 4) for v in pixel.tobytes())

    # --- Pictures

    def svg(self, data: bytes, where: str) -> bytes:
        """Return an SVG with its colours in the press's CMYK (what it leaves black, black
        on the black plate alone)."""
        text = data.decode("utf-8", errors="replace")
        if GRADIENT.search(text):
            raise RenderError("an SVG gradient cannot go to the press: WeasyPrint writes its "
                              "colours in RGB; draw it in flat colours (thin bands fade as "
                              "well)", where)

        def swap(match: re.Match) -> str:
            colour = parse_color(match[2].strip())
            if colour is None or isinstance(colour, str) or colour.space not in SRGB_SPACES:
                return match[0]
            rgb = tuple(min(255, max(0, round(c * 255)))
                        for c in colour.to("srgb").coordinates)
            return match[1] + _device(self.cmyk(rgb), colour.alpha)
        text = SVG_COLOUR.sub(swap, text)
        root = SVG_ROOT.search(text)
        if root:                        # what the SVG leaves unpainted or currentColor: black
            black = _device((0, 0, 0, 1))
            added = "".join(f' {name}="{black}"' for name in ("fill", "color")
                            if not re.search(rf"\s{name}\s*=", root[0]))
            text = text[:root.end(1)] + added + text[root.end(1):]
        return text.encode("utf-8")

    def raster(self, data: bytes, where: str) -> bytes | None:
        """Return a raster image as a CMYK JPEG in the output profile, read through its own
        ICC profile (sRGB when it has none; the output profile for CMYK without one); None
        when it goes to the press as it is: CMYK without a profile, or grey (the black
        plate alone)."""
        image = _open(data, where)
        if image.mode in ("1", "L") and "transparency" not in image.info or \
                image.mode == "CMYK" and not image.info.get("icc_profile"):
            return None
        if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
            if ImageChops.invert(image.convert("RGBA").getchannel("A")).getbbox():
                raise RenderError("a picture with transparent parts cannot go to the press "
                                  "in CMYK: give it its background (flatten it), or draw it as "
                                  "SVG", where)
        image = _without_alpha(image)
        source = _own_profile(image) or (self._cms if image.mode == "CMYK"
                                         else ImageCms.createProfile("sRGB"))
        return _jpeg(_convert(image, source, self._cms, "CMYK", where), image)

    def to_srgb(self, data: bytes, where: str) -> bytes | None:
        """Return a raster image in sRGB when it came in CMYK or with another profile (a
        screen shows it right only so); None when it is sRGB already."""
        image = _open(data, where, load=False)         # its header tells
        own = _own_profile(image)
        if image.mode != "CMYK" and (own is None or _is_srgb(own)):
            return None
        image.load()
        image = _without_alpha(image)
        return _jpeg(_convert(image, own or self._cms, ImageCms.createProfile("sRGB"), "RGB",
                              where), image)


def _convert(image: Image.Image, source, target, mode: str, where: str) -> Image.Image:
    try:
        converted = ImageCms.profileToProfile(image, source, target, renderingIntent=INTENT,
                                              outputMode=mode, flags=FLAGS)
    except ImageCms.PyCMSError as exc:
        raise RenderError(f"cannot convert the picture's colours ({exc}); save it in sRGB or "
                          "CMYK with a matching ICC profile", where) from None
    assert converted is not None                    # a new image, not converted in place
    return converted


def _open(data: bytes, where: str, load: bool = True) -> Image.Image:
    try:
        image = Image.open(io.BytesIO(data))
        if load:
            image.load()
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        raise RenderError(f"cannot read the image: {exc}", where) from None
    return image


def _own_profile(image: Image.Image) -> ImageCms.ImageCmsProfile | None:
    """Return the image's embedded ICC profile when it describes the image's colours (an RGB
    profile for RGB, grey for grey, CMYK for CMYK); else None."""
    icc = image.info.get("icc_profile")
    if not icc:
        return None
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
    except (OSError, ImageCms.PyCMSError):
        return None
    space = (profile.profile.xcolor_space or "").strip()
    wanted = {"CMYK": "CMYK", "L": "GRAY", "LA": "GRAY"}.get(image.mode, "RGB")
    return profile if space == wanted else None


def _is_srgb(profile: ImageCms.ImageCmsProfile) -> bool:
    return "srgb" in (profile.profile.profile_description or "").lower().replace(" ", "")


def _without_alpha(image: Image.Image) -> Image.Image:
    """Return the image in RGB, grey or CMYK, on white where it had transparency."""
    if image.mode in ("CMYK", "RGB", "L"):
        return image
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        converted = Image.new("RGB", image.size, (255, 255, 255))
        converted.paste(rgba, mask=rgba.getchannel("A"))
    else:
        converted = image.convert("RGB")
    converted.info = image.info
    return converted


def _jpeg(converted: Image.Image, original: Image.Image) -> bytes:
    out = io.BytesIO()
    options = {"quality": JPEG_QUALITY, "subsampling": 0}
    if original.info.get("dpi"):
        options["dpi"] = original.info["dpi"]
    converted.save(out, format="JPEG", **options)
    return out.getvalue()
