#!/usr/bin/env python3
"""The Swedish catalogue is complete and right for the sources.

Extracts every message of pipeline/ with xgettext (the keywords tr, tr_noop
and trn, as po/CMakeLists.txt does), then:
  - msgcmp: every message has a translation in po/sv.po that is neither empty
    nor fuzzy (msgcmp ignores both unless asked), each missing one named;
  - every translation uses the placeholders {1}, {2}, ... of its message, no
    fewer and no others, so that no value is lost or invented in Swedish;
  - po/sv.po compiles with msgfmt --check.
Usage: check_catalogue.py SOURCE_DIR WORK_DIR
"""
import os
import re
import subprocess
import sys

source, work = sys.argv[1], sys.argv[2]
os.makedirs(work, exist_ok=True)
pot = os.path.join(work, "fuel-check.pot")
po = os.path.join(source, "po", "sv.po")

files = sorted(
    os.path.relpath(os.path.join(d, f), source)
    for d, _, names in os.walk(os.path.join(source, "pipeline"))
    for f in names
    if f.endswith((".cpp", ".hpp")))
subprocess.run(["xgettext", "--language=C++", "--keyword=tr", "--keyword=tr_noop", "--keyword=trn:1,2",
                "--from-code=UTF-8", "-o", pot] + files, cwd=source, check=True)

failed = False


def strings(block, keyword):
    m = re.search(r"^" + keyword + r" ((?:\".*\"\n?)+)", block, re.M)
    return None if not m else "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1)))


def placeholders(text):
    return set(re.findall(r"\{\d+\}", text or ""))


compared = subprocess.run(["msgcmp", po, pot], capture_output=True, text=True)
if compared.returncode != 0:
    failed = True
    print("msgcmp: messages without a Swedish translation in po/sv.po (missing, empty or fuzzy):")
    print(compared.stderr)
# msgcmp names the lines of po/sv.po; these name the messages and their sources.
translated = set()
for block in open(po, encoding="utf-8").read().split("\n\n"):
    msgid = strings(block, "msgid")
    forms = [strings(block, "msgstr")] + [strings(block, r"msgstr\[%d\]" % i) for i in (0, 1)]
    if msgid and "#, fuzzy" not in block and any(forms) and all(f != "" for f in forms if f is not None):
        translated.add(msgid)
for block in open(pot, encoding="utf-8").read().split("\n\n"):
    msgid = strings(block, "msgid")
    if msgid and msgid not in translated:
        failed = True
        where = " ".join(re.findall(r"^#: (.*)$", block, re.M))
        print("no Swedish translation: \"%s\" (%s)" % (msgid, where))

entries = 0
for block in open(po, encoding="utf-8").read().split("\n\n"):
    msgid = strings(block, "msgid")
    if not msgid:
        continue
    entries += 1
    plural = strings(block, "msgid_plural")
    if plural is None:
        wanted, got = placeholders(msgid), [placeholders(strings(block, "msgstr"))]
    else:
        # A form may leave out the count it spells out ("one dataset"), but
        # never brings in a value the English does not have.
        wanted = placeholders(msgid) | placeholders(plural)
        got = [placeholders(strings(block, r"msgstr\[%d\]" % i)) for i in (0, 1)]
        if placeholders(plural) - got[1]:
            failed = True
            print("plural form drops %s: %s" % (sorted(placeholders(plural) - got[1]), msgid))
    for g in got:
        extra = g - wanted
        missing = wanted - g if plural is None else set()
        if extra or missing:
            failed = True
            print("placeholders differ (%s in Swedish, %s in English): %s"
                  % (sorted(g), sorted(wanted), msgid))

checked = subprocess.run(["msgfmt", "--check", "-o", os.devnull, po], capture_output=True, text=True)
if checked.returncode != 0:
    failed = True
    print(checked.stderr)

print("%d messages in po/sv.po checked" % entries)
sys.exit(1 if failed else 0)
