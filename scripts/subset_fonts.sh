#!/usr/bin/env bash
# Subset DejaVu Sans (Debian's fonts-dejavu-core 2.37) to the letters charts draw: ASCII,
# Latin-1, Latin Extended-A (İ ı Ş ş Ğ ğ and the rest of Turkish) and a few typographic symbols.
# Needs fontTools (pip install fonttools). Writes assets/fonts/DejaVuSans*.ttf, about 50 KB each.
set -euo pipefail
cd "$(dirname "$0")/.."
unicodes="U+0020-007E,U+00A0-00FF,U+0100-017F,U+2013,U+2014,U+2018,U+2019,U+201C,U+201D,U+2022,U+2026,U+2030,U+2032,U+20AC,U+20BA,U+2212,U+2248,U+2264,U+2265,U+2191,U+2193,U+25B2,U+25BC"
for face in DejaVuSans DejaVuSans-Bold; do
  pyftsubset "/usr/share/fonts/truetype/dejavu/$face.ttf" --unicodes="$unicodes" \
    --layout-features='kern,liga' --output-file="assets/fonts/$face.ttf"
done
