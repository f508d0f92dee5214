"""Build styles/colour/FOGRA39L-coated.icc, the CMYK output profile of the print PDFs.

    .venv/bin/python scripts/make_cmyk_profile.py

ArgyllCMS colprof (Debian package argyll) makes an ICC output profile from FOGRA39L.ti3,
Fogra's characterisation data for ISO 12647-2 offset on coated paper (Debian package
icc-profiles-free). colprof runs in a temporary directory that is removed afterwards.

The options (see styles/colour/README.md):
  -qm            medium quality: mean error 0.16 dE against the data, about 45 s here
                 (-qh: 0.05 dE, but 200 s, 3.5 GB of memory and a 1 MB profile)
  -nc            do not copy the 126 KB of measurements into the profile
  -kp 0 .15 1 1 .6  medium GCR: no black in highlights and light tints, black rising along a
                 concave curve from 15 % of the way to black up to 100 % at black
  -l300          300 % total ink, the limit of ISO Coated v2 300 % (ECI) for this condition
  -s sRGB.icc    perceptual table gamut-mapped from sRGB, the space of the magazine's colours

colprof's only varying output is the creation date in the header. It is set to a fixed
value and the profile ID (MD5, ICC.1:2010 7.2.18) is recomputed, so every run with the same
colprof writes the same bytes. The file is replaced atomically.
"""

import hashlib
import re
import shlex
import shutil
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from magazine.machinery.files import write_if_changed  # noqa: E402

OUT = ROOT / "styles" / "colour" / "FOGRA39L-coated.icc"
TI3 = Path("/usr/share/color/icc/FOGRA39L.ti3")
SRGB = Path("/usr/share/color/icc/sRGB.icc")
CREATED = (2026, 12, 2, 0, 0, 0)      # header date: year, month, day, hour, minute, second
DESCRIPTION = "INFOCLUSTER FOGRA39L coated (Argyll colprof)"
COPYRIGHT = ("Made for INFOCLUSTER by ArgyllCMS colprof {version} from FOGRA39L.ti3, "
             "Fogra characterisation data for ISO 12647-2 coated paper, (c) Kai-Uwe Behrmann, "
             "Zlib licence (Debian icc-profiles-free). Provided as is, without warranty.")


def colprof_version(colprof: str) -> str:
    """The version colprof prints in its usage text."""
    usage = subprocess.run([colprof], capture_output=True, text=True).stderr
    match = re.search(r"Version (\S+)", usage)
    return match.group(1) if match else "(unknown version)"


def reproducible(icc: bytes) -> bytes:
    """Fix the header's creation date and recompute the profile ID."""
    data = bytearray(icc)
    data[24:36] = struct.pack(">6H", *CREATED)
    zeroed = bytearray(data)
    zeroed[44:48] = zeroed[64:68] = bytes(4)
    zeroed[84:100] = bytes(16)
    data[84:100] = hashlib.md5(zeroed).digest()
    return bytes(data)


def main() -> int:
    colprof = shutil.which("colprof")
    if colprof is None:
        print("colprof not found: install the Debian package argyll (apt-get install argyll)")
        return 1
    for needed in (TI3, SRGB):
        if not needed.is_file():
            print(f"{needed} not found: install the Debian package icc-profiles-free")
            return 1

    cmd = ["colprof", "-qm", "-nc", "-kp", "0", "0.15", "1.0", "1.0", "0.6", "-l300",
           "-s", str(SRGB), "-D", DESCRIPTION,
           "-C", COPYRIGHT.format(version=colprof_version(colprof)), "FOGRA39L"]
    print(shlex.join(cmd))
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="cmyk-profile-") as tmp:
        shutil.copyfile(TI3, Path(tmp, "FOGRA39L.ti3"))
        if subprocess.run([colprof, *cmd[1:]], cwd=tmp).returncode != 0:
            print("colprof failed")
            return 1
        icc = reproducible(Path(tmp, "FOGRA39L.icc").read_bytes())
    write_if_changed(OUT, icc)
    print(f"{OUT.relative_to(ROOT)}: {len(icc)} bytes, "
          f"sha256 {hashlib.sha256(icc).hexdigest()}, {time.monotonic() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
