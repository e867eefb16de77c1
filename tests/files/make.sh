#!/usr/bin/env bash
# Regenerates the binary fixtures of tests/integration/ingest.rs with real programs
# (LibreOffice, poppler): none of them is written by drafttrail. Needs the Debian packages
# libreoffice-writer-nogui (or libreoffice-writer) and poppler-utils.
# Run from anywhere: bash tests/files/make.sh
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
lo() { soffice -env:UserInstallation=file://"$work"/profile --headless "$@" 2>&1 >/dev/null | grep -v javaldx || true; }
# The body of the first sample draft, front matter removed, as plain text.
awk 'f; /^\+\+\+$/ && ++n == 2 { f = 1 }' ../../drafts/01-us-28-point-plan.md > "$work"/plan.txt
cp "$work"/plan.txt plan.txt
lo --convert-to docx:"MS Word 2007 XML" --outdir . "$work"/plan.txt
lo --convert-to odt --outdir . "$work"/plan.txt
lo --convert-to pdf --outdir . "$work"/plan.txt
lo --convert-to html:"HTML (StarWriter)" --outdir . "$work"/plan.txt
# The first page as a picture, and that picture as an image-only PDF (a scan).
pdftoppm -f 1 -l 1 -r 200 -gray -png -singlefile plan.pdf plan-page1
pdftoppm -f 1 -l 1 -r 200 -gray -jpeg -singlefile plan.pdf "$work"/scan
python3 jpeg2pdf.py "$work"/scan.jpg scan.pdf
# A Cyrillic page as a picture.
lo --convert-to pdf --outdir "$work" ru-page.txt
pdftoppm -f 1 -l 1 -r 200 -gray -png -singlefile "$work"/ru-page.pdf ru-page
# Tracked changes by two authors, written to DOCX by LibreOffice.
lo --convert-to docx:"MS Word 2007 XML" --outdir . tracked.fodt
lo --convert-to odt --outdir . tracked.fodt
# Automatic list numbering (numbers that are not in the text), written to DOCX by LibreOffice.
lo --convert-to docx:"MS Word 2007 XML" --outdir . numbered.fodt
lo --convert-to odt --outdir . numbered.fodt
# A bill printed with numbered lines: every line, and every fifth line (with one section
# changed), as PDF.
lo --convert-to pdf --outdir . lined.fodt
lo --convert-to pdf --outdir . lined-5.fodt
# A PDF that opens only with a password.
lo --convert-to 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}' --outdir "$work" "$work"/plan.txt
cp "$work"/plan.pdf encrypted.pdf
ls -l
