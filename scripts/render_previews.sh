#!/usr/bin/env bash
# Render the HTML report, the annotated .docx copies and the HR workbook to PNG previews, to look at
# them on a machine without Office.
#
#   scripts/render_previews.sh [OUT_DIR (default out/previews)] [INPUT...]
#
# Needs Debian packages chromium, libreoffice-writer, libreoffice-calc, poppler-utils (and
# fonts-noto-cjk for Chinese glyphs):
#   apt-get update && apt-get install -y chromium libreoffice-writer libreoffice-calc poppler-utils fonts-noto-cjk
# Exits 3 when one of these tools is missing.
# Inputs default to samples/*.docx|*.xlsx, or ../shared/eval/docs/ when samples/ has none.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-out/previews}"
shift || true
CHECKER="${CHECKER:-.venv/bin/checker}"
[ -x "$CHECKER" ] || CHECKER=checker

inputs=("$@")
if [ ${#inputs[@]} -eq 0 ]; then
  shopt -s nullglob
  inputs=(samples/*.docx samples/*.xlsx)
  [ ${#inputs[@]} -gt 0 ] || inputs=(../shared/eval/docs/*.docx ../shared/eval/docs/*.xlsx)
fi
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"

"$CHECKER" audit "${inputs[@]}" --format html --format docx --format xlsx --output "$OUT" || true

for tool in chromium soffice pdftoppm pdftotext pdfinfo; do
  command -v "$tool" >/dev/null || { echo "缺少 $tool,请先安装(见脚本开头)" >&2; exit 3; }
done

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --no-first-run --user-data-dir="$profile" \
  --screenshot="$OUT/report.png" --window-size=1280,3400 "file://$OUT/report.html" 2>/dev/null
# the print layout too (@media print)
chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --no-first-run --user-data-dir="$profile" \
  --no-pdf-header-footer --print-to-pdf="$OUT/report.print.pdf" "file://$OUT/report.html" 2>/dev/null
pdftoppm -png -r 60 -f 1 -l 3 "$OUT/report.print.pdf" "$OUT/report.print"

PYTHON="${PYTHON:-.venv/bin/python}"
[ -x "$PYTHON" ] || PYTHON=python3
for docx in "$OUT"/*.checked.docx; do
  [ -e "$docx" ] || continue
  # the annotated file as LibreOffice prints it (comments as PDF notes) ...
  soffice --headless --norestore "-env:UserInstallation=file://$profile/lo" \
    --convert-to 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}' \
    --outdir "$OUT" "$docx" >/dev/null 2>&1
  pdf="${docx%.docx}.pdf"
  [ -e "$pdf" ] && pdftoppm -png -r 70 -f 1 -l 1 "$pdf" "${pdf%.pdf}" 2>/dev/null
  # ... and a preview copy where the commented ranges are highlighted and the comments listed
  preview="${docx%.checked.docx}.preview.docx"
  "$PYTHON" scripts/docx_comment_preview.py "$docx" "$preview"
  soffice --headless --norestore "-env:UserInstallation=file://$profile/lo" \
    --convert-to pdf --outdir "$OUT" "$preview" >/dev/null 2>&1
  pdftoppm -png -r 80 -f 1 -l 2 "${preview%.docx}.pdf" "${preview%.docx}"
done

# The HR workbook as LibreOffice Calc prints it (the workbook sets landscape, fit to width, the
# sheet's name as page header): report.pdf, then a PNG of the first page of every sheet, named after
# the sheet (found by the page header).
if [ -e "$OUT/report.xlsx" ]; then
  soffice --headless --norestore "-env:UserInstallation=file://$profile/lo" \
    --convert-to pdf --outdir "$OUT" "$OUT/report.xlsx" >/dev/null 2>&1
  rm -f "$OUT"/report.xlsx-*.png
  pages="$(pdfinfo "$OUT/report.pdf" | awk '/^Pages:/ {print $2}')"
  for page in $(seq 1 "$pages"); do
    sheet="$(pdftotext -f "$page" -l "$page" -layout "$OUT/report.pdf" - | awk 'NF && !seen {print $1; seen = 1}')"  # no early exit: pipefail
    [ -n "$sheet" ] && [ ! -e "$OUT/report.xlsx-$sheet.png" ] || continue
    pdftoppm -png -r 80 -f "$page" -l "$page" -singlefile "$OUT/report.pdf" "$OUT/report.xlsx-$sheet"
  done
fi
ls -1 "$OUT"/*.png
