#!/usr/bin/env bash
# Makes typst/decision.typ and typst/final.typ again from the seed texts:
# content.py parses seeds/*.txt into one neutral JSON model, gen_typst.py
# writes Typst 0.14 source from it (the v014 dialect). Run after changing
# either script or a seed; the .typ files are committed so the bench needs
# no Python.
set -euo pipefail
cd "$(dirname "$0")"
model=$(mktemp -d)
trap 'rm -rf "$model"' EXIT
python3 content.py seeds "$model" >/dev/null
for d in decision final; do python3 gen_typst.py "$model/$d.json" "typst/$d.typ" v014; done
