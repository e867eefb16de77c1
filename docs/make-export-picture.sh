#!/usr/bin/env bash
# Regenerates docs/export-docx.png: the Word export of the sample corpus (28-point plan →
# 20-point framework), opened by LibreOffice (not by drafttrail) and its first page rendered
# by poppler. Needs the Debian packages libreoffice-writer-nogui and poppler-utils.
# Run from the project: bash docs/make-export-picture.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build -q --release
bin=$PWD/target/release/drafttrail
(cd "$work" && "$bin" import "$OLDPWD/drafts" --init -q \
  && "$bin" export 28-point-plan 20-point-framework --out redline.docx >/dev/null)
soffice -env:UserInstallation=file://"$work"/profile --headless --convert-to pdf \
  --outdir "$work" "$work"/redline.docx >/dev/null 2>&1
pdftoppm -f 1 -l 1 -r 80 -png -singlefile "$work"/redline.pdf docs/export-docx
echo "wrote docs/export-docx.png"
