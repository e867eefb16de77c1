#!/usr/bin/env bash
# Regenerates docs/export-docx.png and docs/export-pdf.png: the Word and PDF exports of the
# sample corpus (28-point plan → 20-point framework). The Word file is opened by LibreOffice
# (not by drafttrail), and poppler renders the first page of each. Needs the Debian packages
# libreoffice-writer-nogui and poppler-utils.
# Run from the project: bash docs/make-export-picture.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build -q --release
bin=$PWD/target/release/drafttrail
(cd "$work" && "$bin" import "$OLDPWD/drafts" --init -q \
  && "$bin" export 28-point-plan 20-point-framework --out redline.docx >/dev/null \
  && "$bin" export 28-point-plan 20-point-framework --format pdf --out redline.pdf >/dev/null)
mkdir "$work"/lo
soffice -env:UserInstallation=file://"$work"/profile --headless --convert-to pdf \
  --outdir "$work"/lo "$work"/redline.docx >/dev/null 2>&1
pdftoppm -f 1 -l 1 -r 80 -png -singlefile "$work"/lo/redline.pdf docs/export-docx
pdftoppm -f 1 -l 1 -r 80 -png -singlefile "$work"/redline.pdf docs/export-pdf
echo "wrote docs/export-docx.png and docs/export-pdf.png"
