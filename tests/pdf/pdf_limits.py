#!/usr/bin/env python3
"""Reads a PDF through qpdf's JSON (`qpdf --json=2 --json-key=qpdf FILE`,
FILE the one argument) and prints what a test checks against PDF/A-1's implementation limits (ISO 19005-1 6.1.12: PDF 1.4's
Appendix C, no array of more than 8 191 items) and the structure tree's order:

    longest <items of the longest array in any object>
    divs <Div elements directly under the Document>
    paragraphs <P elements found by walking the tree from the root>
    in_order <yes when those P come in page order, else no>

Standard library only. Poppler's pdfinfo -struct-text is not used here: it
takes minutes on a tree of thousands of elements.
"""
import json
import subprocess
import sys


def longest_array(value):
    if isinstance(value, list):
        return max([len(value)] + [longest_array(v) for v in value])
    if isinstance(value, dict):
        return max([0] + [longest_array(v) for v in value.values()])
    return 0


def main():
    out = subprocess.run(["qpdf", "--json=2", "--json-key=qpdf", sys.argv[1]], check=True,
                         capture_output=True).stdout
    objects = json.loads(out)["qpdf"][1]
    values = {}
    for key, entry in objects.items():
        if key.startswith("obj:"):
            values[key[4:]] = entry.get("value", entry.get("stream", {}).get("dict"))
    longest = max(longest_array(v) for v in values.values())

    def kids(element):
        k = element.get("/K", [])
        return k if isinstance(k, list) else [k]

    catalog = next(v for v in values.values() if isinstance(v, dict) and v.get("/Type") == "/Catalog")
    root = values[catalog["/StructTreeRoot"]]
    document = values[root["/K"]]
    divs = sum(1 for r in kids(document) if isinstance(r, str) and values[r].get("/S") == "/Div")

    pages = []
    def collect_pages(ref):
        node = values[ref]
        if node.get("/Type") == "/Pages":
            for kid in node["/Kids"]:
                collect_pages(kid)
        else:
            pages.append(ref)
    collect_pages(catalog["/Pages"])
    page_index = {ref: i for i, ref in enumerate(pages)}

    order = []
    stack = [root["/K"]]
    while stack:  # depth first, kids in their order
        element = values[stack.pop()]
        if element.get("/S") == "/P":
            order.append(page_index[element["/Pg"]])
        stack.extend(reversed([r for r in kids(element) if isinstance(r, str)]))
    print("longest", longest)
    print("divs", divs)
    print("paragraphs", len(order))
    print("in_order", "yes" if order == sorted(order) else "no")


if __name__ == "__main__":
    main()
