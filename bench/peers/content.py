#!/usr/bin/env python3
"""Turn the two seed texts into one neutral content model (JSON) that every
peer generator renders.  Run:  python3 content.py SEEDS_DIR OUT_DIR

Model:
  {"title": str, "meta": [[runs]...], "toc": bool,
   "blocks": [
     {"t": "h", "level": 1..3, "runs": runs, "id": "s12"},
     {"t": "p", "runs": runs},
     {"t": "ol"|"ul", "items": [runs, ...]},
     {"t": "table", "header": [str], "rows": [[str]], "total": [str]|null,
      "widths": [float], "align": ["l"|"r"], "caption": str|null},
     {"t": "sig", "people": [[name, title, org], ...]},
     {"t": "pagebreak"}]}
  runs = [[text, style], ...] with style "" | "b" | "i"
"""
import copy
import json
import os
import re
import sys

# ---------------------------------------------------------------- utilities

def runs_from_md(s):
    """Tiny inline parser: **bold**, *italic*, <b>bold</b>."""
    s = s.replace("<b>", "**").replace("</b>", "**")
    out = []
    pos = 0
    for m in re.finditer(r"\*\*(.+?)\*\*|\*(.+?)\*", s):
        if m.start() > pos:
            out.append([s[pos:m.start()], ""])
        if m.group(1) is not None:
            out.append([m.group(1), "b"])
        else:
            out.append([m.group(2), "i"])
        pos = m.end()
    if pos < len(s):
        out.append([s[pos:], ""])
    return out or [["", ""]]


def plain(runs):
    return "".join(t for t, _ in runs)


def strip_md(s):
    return plain(runs_from_md(s))


# ---------------------------------------------------------------- decision

def parse_decision(text):
    lines = [l.rstrip("\n") for l in text.split("\n")]
    # group into blocks separated by blank lines
    blocks, cur = [], []
    for l in lines:
        if l.strip() == "":
            if cur:
                blocks.append(cur)
                cur = []
        else:
            cur.append(l)
    if cur:
        blocks.append(cur)

    doc = {"title": None, "meta": [], "toc": False, "blocks": []}
    out = doc["blocks"]
    seen_table = False
    pending_sig = []
    hid = 0

    def flush_sig():
        if pending_sig:
            out.append({"t": "sig", "people": list(pending_sig)})
            pending_sig.clear()

    for b in blocks:
        first = b[0]
        if first.startswith("#"):
            flush_sig()
            m = re.match(r"(#+)\s*(.*)", first)
            hashes, txt = len(m.group(1)), strip_md(m.group(2))
            if hashes == 2 and doc["title"] is None:
                doc["title"] = txt
                continue
            if hashes == 2:  # the "Attesterat av" page
                out.append({"t": "pagebreak"})
                level = 1
            else:
                level = hashes - 2  # ### -> 1, #### -> 2
            hid += 1
            out.append({"t": "h", "level": level, "runs": [[txt, ""]],
                        "id": "s%d" % hid})
            continue
        if all("\t" in l for l in b):
            flush_sig()
            seen_table = True
            cells = [l.split("\t") for l in b]
            header = [strip_md(c) for c in cells[0]]
            rows, total = [], None
            for r in cells[1:]:
                if r[0].strip() == "" and any("<b>" in c for c in r):
                    total = [strip_md(c) for c in r]
                else:
                    rows.append([strip_md(c) for c in r])
            n = len(header)
            if n == 3:
                widths, align = [0.30, 0.52, 0.18], ["l", "l", "r"]
            else:
                widths, align = [0.6, 0.4][:n], ["l"] * n
            out.append({"t": "table", "header": header, "rows": rows,
                        "total": total, "widths": widths, "align": align,
                        "caption": None})
            continue
        if re.match(r"\d+\.\s", first):
            flush_sig()
            out.append({"t": "ol", "items": [runs_from_md(re.sub(r"^\d+\.\s+", "", l)) for l in b]})
            continue
        if first.startswith("- "):
            flush_sig()
            out.append({"t": "ul", "items": [runs_from_md(l[2:]) for l in b]})
            continue
        if all(l.endswith("  ") for l in b[:-1]) and len(b) > 1:
            items = [l.strip() for l in b]
            if seen_table and len(items) == 3:
                pending_sig.append(items)
                continue
            flush_sig()
            if not out:  # header block before the title
                doc["meta"].append([runs_from_md(x) for x in items])
            else:
                out.append({"t": "p", "runs": runs_from_md(" / ".join(items))})
            continue
        flush_sig()
        out.append({"t": "p", "runs": runs_from_md(" ".join(l.strip() for l in b))})
    flush_sig()
    return doc


# ---------------------------------------------------------------- final

TABLE1 = {
    "t": "table",
    "caption": "Tabell 1. Medelsförbrukning per nämnd (tkr)",
    "header": ["År", "Socialtjänstnämnden", "Integrationsnämnden", "Totalt"],
    "rows": [["2002", "4 770,5", "4 770,5", "9 541"],
             ["2003", "4 476", "4 589", "9 065"]],
    "total": ["Summa", "9 246,5", "9 359,5", "18 606"],
    "widths": [0.16, 0.30, 0.30, 0.24], "align": ["l", "r", "r", "r"],
}

TABLE2 = {
    "t": "table",
    "caption": "Tabell 2. Beviljade medel för metodutveckling per stadsdel",
    "header": ["Stadsdelsförvaltning", "Arbets\u00admarknad", "SFI",
               "Social\u00admedicin", "Antal projekt", "Beviljat (tkr)",
               "Impl. ja", "Impl. nej"],
    "rows": [
        ["Rinkeby", "4", "2", "", "6", "3 836", "6", ""],
        ["Vantör", "3", "2", "1", "6", "2 322", "", ""],
        ["Kista", "4", "", "1", "5", "2 265", "4", "1"],
        ["Hägersten, Älvsjö och Liljeholmen", "", "1", "", "1", "1 207", "1", ""],
        ["Skärholmen", "", "", "2", "2", "1 062", "2", ""],
        ["Skarpnäck", "", "2", "", "2", "854", "2", ""],
        ["Enskede-Årsta", "", "", "1", "1", "813", "1", ""],
        ["Maria-Gamla stan", "", "", "2", "2", "800", "1", "1"],
        ["Hässelby-Vällingby", "", "2", "", "2", "655", "2", ""],
        ["Simba", "1", "", "", "1", "600", "1", ""],
        ["Kungsholmen", "", "", "2", "2", "432", "2", ""],
        ["Farsta", "1", "", "", "1", "397", "", "1"],
        ["Spånga-Tensta", "1", "", "", "1", "285", "1", ""],
    ],
    "total": ["Totalt", "14", "9", "9", "32", "15 528", "18", "14"],
    "widths": [0.28, 0.11, 0.07, 0.11, 0.10, 0.13, 0.10, 0.10],
    "align": ["l", "r", "r", "r", "r", "r", "r", "r"],
}


def parse_final(text):
    raw = text.split("\n")
    blocks, cur = [], []
    for l in raw:
        # a leading space marks an OCR page start: treat it as a block break
        if l.startswith(" ") and cur:
            blocks.append(cur)
            cur = []
        if l.strip() == "":
            if cur:
                blocks.append(cur)
                cur = []
        else:
            cur.append(l.strip())
    if cur:
        blocks.append(cur)

    doc = {"title": " ".join(blocks[0]), "meta": [], "toc": True, "blocks": []}
    out = doc["blocks"]
    l1 = 0
    hid = 0
    i = 1
    skip_mode = None
    disposition = None
    projects = []          # (num, title, amount)
    cur_project = None
    while i < len(blocks):
        b = blocks[i]
        txt = " ".join(b)
        i += 1
        # --- hand-transcribed tables replace the OCR garbage
        if txt.startswith("Ar Socialtj"):
            out.append(copy.deepcopy(TABLE1))
            skip_mode = "t1"
            continue
        if skip_mode == "t1":
            if txt.startswith("1.2 "):
                skip_mode = None
            else:
                continue
        if txt.startswith("Stadsdels- Projekt"):
            out.append(copy.deepcopy(TABLE2))
            skip_mode = "t2"
            continue
        if skip_mode == "t2":
            if txt.startswith("2. Uppf"):
                skip_mode = None
            else:
                continue
        if txt == "Simba" and out and out[-1]["t"] == "h":
            out[-1]["runs"][0][0] += " Simba"
            continue
        # --- the "disposition" list near the start
        if disposition is None and txt.startswith("1. Medelsforbrukning"):
            disposition = {"t": "ol", "items": []}
            out.append(disposition)
            disposition["items"].append([[re.sub(r"^\d+\.\s*", "", txt), ""]])
            continue
        if disposition is not None and disposition.get("open", True) and l1 == 0:
            if txt.startswith("1. Medelsforbrukning"):
                disposition["open"] = False
            elif re.match(r"^\d+(\.\d+)?\.?\s", txt):
                m = re.match(r"^(\d+)\.\s+(.*)", txt)
                if m:
                    disposition["items"].append([[m.group(2), ""]])
                else:
                    disposition["items"][-1].append([" \u2013 " + txt, ""])
                continue
        # --- headings (first line of a block; the rest stays a paragraph)
        first = b[0].replace("2.14 Kista", "2.1.4 Kista")
        m = re.match(r"^(\d)\.((\d+)(\.(\d+))?)?\.?\s+(\S.*)$", first)
        if m and len(first) < 120 and not first.rstrip().endswith("?"):
            n1 = int(m.group(1))
            level = 1 if m.group(2) is None else (2 if m.group(4) is None else 3)
            ok = (level == 1 and n1 == l1 + 1) or (level > 1 and n1 == l1)
            rest = b[1:]
            if ok and rest and rest[0][:1].islower() and len(first) + len(rest[0]) < 140:
                first = first + " " + rest[0]
                rest = rest[1:]
            if ok:
                if level == 1:
                    l1 = n1
                    if l1 == 3 and projects:
                        out.append(project_table(projects))
                hid += 1
                out.append({"t": "h", "level": level, "runs": [[first, ""]],
                            "id": "s%d" % hid})
                if level == 3:
                    cur_project = first
                if not rest:
                    continue
                b = rest
                txt = " ".join(b)
        # --- project facts
        mm = re.match(r"^Beviljade medel:\s*([\d ]+)\s*tkr", txt)
        if mm and cur_project:
            num, _, title = cur_project.partition(" ")
            projects.append((num, title, mm.group(1).strip()))
            cur_project = None
        out.append({"t": "p", "runs": [[txt, ""]]})
    for b in out:
        b.pop("open", None)
    return doc


def project_table(projects):
    rows = []
    tot = 0
    for num, title, amount in projects:
        parts = re.split(r"\s+[-\u2014\u2013]\s+", title, maxsplit=1)
        sd = parts[0]
        name = parts[1] if len(parts) > 1 else ""
        rows.append([num, sd, name, amount])
        tot += int(amount.replace(" ", ""))
    return {"t": "table",
            "caption": "Tabell 3. Sammanställning av projekt med beviljade medel",
            "header": ["Nr", "Stadsdel", "Projekt", "Beviljat (tkr)"],
            "rows": rows,
            "total": ["", "Totalt", "", "{:,}".format(tot).replace(",", " ")],
            "widths": [0.09, 0.25, 0.50, 0.16], "align": ["l", "l", "l", "r"]}


def scale(doc, n):
    d = copy.deepcopy(doc)
    body = doc["blocks"]
    d["blocks"] = []
    hid = 0
    for k in range(n):
        for b in copy.deepcopy(body):
            if b["t"] == "h":
                hid += 1
                b["id"] = "s%d" % hid
                if b["level"] == 1:
                    b["runs"][0][0] += " (del %d)" % (k + 1)
            d["blocks"].append(b)
    return d


def main():
    seeds, outdir = sys.argv[1], sys.argv[2]
    os.makedirs(outdir, exist_ok=True)
    dec = parse_decision(open(os.path.join(seeds, "decision.txt"), encoding="utf-8").read())
    fin = parse_final(open(os.path.join(seeds, "final.txt"), encoding="utf-8").read())
    docs = {"decision": dec, "final": fin, "final-x20": scale(fin, 20)}
    for name, d in docs.items():
        with open(os.path.join(outdir, name + ".json"), "w", encoding="utf-8") as f:
            json.dump(d, f, ensure_ascii=False, indent=0)
        counts = {}
        for b in d["blocks"]:
            counts[b["t"]] = counts.get(b["t"], 0) + 1
        chars = sum(len(json.dumps(b, ensure_ascii=False)) for b in d["blocks"])
        print(name, counts, "approx chars", chars, file=sys.stderr)


if __name__ == "__main__":
    main()
