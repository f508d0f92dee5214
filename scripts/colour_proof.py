"""Side-by-side colour proofs: the cover and the first spread of each edition as the screen PDF
shows them (sRGB) and as the print PDF will print (its CMYK rendered back to the screen through
the output profile, by Ghostscript), for a designer to compare.

    .venv/bin/python scripts/colour_proof.py [ISSUE]   ->  build/<ISSUE>/proofs/colour-<edition>.png

Needs a built issue (make issue) and Ghostscript (`gs`)."""

import subprocess
import sys
import tempfile
from pathlib import Path

import pypdfium2
from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from magazine.build import output_name  # noqa: E402
from magazine.languages import EDITIONS  # noqa: E402
from magazine.model import Project  # noqa: E402
from magazine.sources.issue import newest_issue_id  # noqa: E402
from magazine.typeset.press import Press  # noqa: E402

DPI = 60
PAGES = (1, 2, 3)                       # the cover, then the contents and the first article


def screen_pages(path: Path) -> list[Image.Image]:
    document = pypdfium2.PdfDocument(str(path))
    return [document[n - 1].render(scale=DPI / 72).to_pil().convert("RGB") for n in PAGES]


def press_pages(path: Path, profile: Path, folder: Path) -> list[Image.Image]:
    """Render the print PDF's trim as the press prints it, back to sRGB through the profile."""
    subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=png16m", f"-r{DPI}",
                    "-dUseTrimBox", f"-sDefaultCMYKProfile={profile}",
                    f"-dFirstPage={PAGES[0]}", f"-dLastPage={PAGES[-1]}",
                    f"-sOutputFile={folder / 'page-%d.png'}", str(path)], check=True)
    return [Image.open(folder / f"page-{n}.png").convert("RGB") for n in range(1, len(PAGES) + 1)]


def side_by_side(rows: list[tuple[str, list[Image.Image]]]) -> Image.Image:
    width = sum(image.width for image in rows[0][1]) + 20 * len(rows[0][1])
    height = sum(max(i.height for i in images) + 30 for _, images in rows)
    sheet = Image.new("RGB", (width, height), (90, 90, 90))
    draw = ImageDraw.Draw(sheet)
    y = 0
    for label, images in rows:
        draw.text((10, y + 8), label, fill=(255, 255, 255))
        x = 10
        for image in images:
            sheet.paste(image, (x, y + 26))
            x += image.width + 20
        y += max(i.height for i in images) + 30
    return sheet


def main() -> int:
    project = Project(ROOT)
    issue_id = sys.argv[1] if len(sys.argv) > 1 else newest_issue_id(project)
    profile = Press.of(project.styles).profile
    out = project.build / issue_id / "proofs"
    out.mkdir(parents=True, exist_ok=True)
    for tag in EDITIONS:
        screen = project.build / issue_id / output_name(issue_id, tag, "screen")
        printed = project.build / issue_id / output_name(issue_id, tag, "print")
        if not screen.is_file() or not printed.is_file():
            print(f"colour_proof: build issue {issue_id} first (make issue)", file=sys.stderr)
            return 1
        with tempfile.TemporaryDirectory() as folder:
            sheet = side_by_side([("screen PDF (sRGB)", screen_pages(screen)),
                                  (f"print PDF (CMYK through {profile.name})",
                                   press_pages(printed, profile, Path(folder)))])
        path = out / f"colour-{tag}.png"
        sheet.save(path)
        print(f"colour_proof: {path.relative_to(project.root)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
