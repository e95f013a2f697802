#!/usr/bin/python3
"""Reads .docx files back with python-docx (Debian's python3-docx), a reader
fuel did not write, and prints what the tests compare, one item per line,
tab-separated, texts as JSON strings:

  property <name> <value>       core properties (title, subject, author, created, language)
  section <w> <h> <top> <bottom> <left> <right> <first-page-header>   in points
  style <paragraph style id> <style name> <builtin>   every style the body uses
  p <style name> <text>         a body paragraph with text, in order
  cell <h|b> <bold> <align> <text>   a table cell (h: in a repeated header row)
  header1 <text>                a paragraph of the first page's header
  header <text>                 a paragraph of the other pages' header (fields as {PAGE})
  note <id> <text>              a footnote (not the separators)
  chart <c:chartSpace count>    charts in the package

Usage: docx_read.py FILE.docx
"""
import json
import sys
import zipfile

import docx
import docx.enum.style
import docx.table
import docx.text.paragraph
from docx.oxml.ns import qn

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def text_of(element):
    """The text of a paragraph element: runs (also inside hyperlinks and
    simple fields), breaks and tabs; a footnote reference as [^id]; a field
    as {INSTRUCTION}."""
    out = []
    for node in element.iter():
        if node.tag == W + "t":
            out.append(node.text or "")
        elif node.tag == W + "br":
            out.append("\n")
        elif node.tag == W + "tab" and node.getparent().tag == W + "r":
            out.append("\t")
        elif node.tag == W + "footnoteReference":
            out.append("[^" + node.get(W + "id") + "]")
    return "".join(out)


def header_text(paragraph):
    """Header text with simple fields shown as {PAGE}, {NUMPAGES}."""
    out = []
    for node in paragraph.iter():
        if node.tag == W + "fldSimple":
            out.append("{" + node.get(W + "instr").strip() + "}")
        elif node.tag == W + "t" and not any(a.tag == W + "fldSimple" for a in node.iterancestors()):
            out.append(node.text or "")
        elif node.tag == W + "tab" and node.getparent().tag == W + "r":
            out.append("\t")
    return "".join(out)


def emit(*fields):
    print("\t".join(fields[:-1] + (json.dumps(fields[-1], ensure_ascii=False),)))


def main(path):
    document = docx.Document(path)
    props = document.core_properties
    emit("property", "title", props.title)
    emit("property", "subject", props.subject)
    emit("property", "author", props.author)
    emit("property", "language", props.language)
    emit("property", "created", props.created.isoformat() if props.created else "")
    section = document.sections[0]
    emit("section", *(str(round(v.pt, 1)) for v in (section.page_width, section.page_height, section.top_margin,
         section.bottom_margin, section.left_margin, section.right_margin)), str(section.different_first_page_header_footer))
    used = set()
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == W + "p":
            paragraph = docx.text.paragraph.Paragraph(child, document)
            used.add(paragraph.style.style_id)
            text = text_of(child)
            if text:
                emit("p", paragraph.style.name, text)
        elif child.tag == W + "tbl":
            table = docx.table.Table(child, document)
            for row in table.rows:
                head = "h" if row._tr.find(qn("w:trPr") + "/" + qn("w:tblHeader")) is not None else "b"
                for cell in row.cells:
                    texts = [text_of(p._p) for p in cell.paragraphs]
                    runs = [r for p in cell.paragraphs for r in p.runs if r.text.strip()]
                    bold = "bold" if runs and all(r.bold for r in runs) else "-"
                    align = cell.paragraphs[0].alignment
                    emit("cell", head, bold, "right" if align is not None and align == 2 else "-", "\n".join(texts))
    for style_id in sorted(used):
        style = document.styles.get_by_id(style_id, docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
        emit("style", style_id, style.builtin and "builtin" or "custom", style.name)
    for paragraph in section.first_page_header._element.iter(W + "p"):
        emit("header1", header_text(paragraph))
    for paragraph in section.header._element.iter(W + "p"):
        emit("header", header_text(paragraph))
    with zipfile.ZipFile(path) as package:
        names = package.namelist()
        if "word/footnotes.xml" in names:
            from lxml import etree
            notes = etree.fromstring(package.read("word/footnotes.xml"))
            for note in notes.iter(W + "footnote"):
                if note.get(W + "type") in ("separator", "continuationSeparator"):
                    continue
                emit("note", note.get(W + "id"), text_of(note).strip())
        charts = [n for n in names if n.startswith("word/charts/chart")]
        emit("charts", str(sum(b"<c:chartSpace" in package.read(n) for n in charts)))


if __name__ == "__main__":
    main(sys.argv[1])
