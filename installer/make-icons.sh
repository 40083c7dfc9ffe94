#!/usr/bin/env bash
# Renders the app icon from assets/icons/aigc-desk.svg into every raster form the installers use.
# Needs: librsvg2-bin (rsvg-convert), imagemagick (convert), icnsutils (png2icns).
# Run from anywhere:  bash installer/make-icons.sh   — then commit assets/icons/.
set -euo pipefail
cd "$(dirname "$0")/../assets/icons"
for size in 16 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$size" -h "$size" aigc-desk.svg -o "aigc-desk-$size.png"
done
/usr/bin/convert aigc-desk-16.png aigc-desk-32.png aigc-desk-48.png aigc-desk-64.png aigc-desk-128.png aigc-desk-256.png aigc-desk.ico
png2icns aigc-desk.icns aigc-desk-16.png aigc-desk-32.png aigc-desk-128.png aigc-desk-256.png aigc-desk-512.png aigc-desk-1024.png >/dev/null
ls -l
