"""Reads a Word document's body in one state of its tracked changes, independently of
drafttrail: with every change accepted (insertions and moves kept, deletions and move sources
dropped) or rejected (the reverse). Paragraphs in the Title and Subtitle styles (the title
block) are left out. Prints JSON: {"text": ..., "changes": [[kind, author, date], ...],
"comments": [[author, text], ...]}.

Usage: python3 docx_states.py FILE.docx accept|reject"""
import json
import sys
import zipfile
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CHANGES = {"ins": "insert", "del": "delete", "moveFrom": "move-from", "moveTo": "move-to"}


def text_of(el, state, inside=None):
    out = []
    tag = el.tag[len(W):] if el.tag.startswith(W) else el.tag
    if tag in CHANGES:
        inside = tag
    dropped = (state == "accept" and inside in ("del", "moveFrom")) or (
        state == "reject" and inside in ("ins", "moveTo")
    )
    if tag in ("t", "delText") and not dropped:
        out.append(el.text or "")
    elif tag in ("br", "cr", "tab") and not dropped:
        out.append(" ")
    for child in el:
        out.append(text_of(child, state, inside))
    return "".join(out)


def main():
    path, state = sys.argv[1], sys.argv[2]
    with zipfile.ZipFile(path) as z:
        body = ET.fromstring(z.read("word/document.xml"))
        comments_xml = z.read("word/comments.xml") if "word/comments.xml" in z.namelist() else None
    paragraphs = []
    for p in body.iter(W + "p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        if style is not None and style.get(W + "val") in ("Title", "Subtitle"):
            continue
        paragraphs.append(text_of(p, state))
    changes = [
        [CHANGES[el.tag[len(W):]], el.get(W + "author"), el.get(W + "date")]
        for el in body.iter()
        if el.tag.startswith(W) and el.tag[len(W):] in CHANGES
    ]
    comments = []
    if comments_xml:
        for c in ET.fromstring(comments_xml).iter(W + "comment"):
            comments.append([c.get(W + "author"), text_of(c, "accept")])
    print(json.dumps({"text": "\n".join(paragraphs), "changes": changes, "comments": comments}))


main()
