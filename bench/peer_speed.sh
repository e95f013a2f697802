#!/usr/bin/env bash
# fuel against Typst 0.14 on the same content, whole processes, in one run.
#
#   final report:  fuel build of fixtures/halvering-2002-2003 (the 29-page
#                  slutrapport and its 3-page decision document, each with
#                  HTML, Word, Excel, PDF/A tagged) against Typst 0.14
#                  compiling bench/peers/typst/final.typ (the same report,
#                  one PDF).
#   decision:      fuel build of fixtures/lum-mul-2025 (the decision document
#                  and its two appendices with HTML, Word, Excel and case
#                  fields) against Typst 0.14 compiling
#                  bench/peers/typst/decision.typ (the decision document).
#
# fuel does a full rebuild every run: a fresh output and archive folder
# (hyperfine --prepare). Both sides are timed by hyperfine -N (no shell
# between), in ROUNDS rounds of RUNS / ROUNDS runs of every command each
# (after WARMUP warm-ups in each round), so that a slow spell of the machine
# falls on all the commands rather than on the one timed then; the ratio is
# Typst's median over fuel's, of all the runs.
#
# Then the floor under fuel's time, from the same run, of four parts no
# build of these documents can do without, each counted at its least:
#   - the start of the fuel program (`fuel --version`: loading its libraries);
#   - reading and checking the inputs (`fuel check` of the dataset, less the
#     start), spread over the cores: nothing is laid out before that;
#   - the deflate work the archived bytes fix (build/bench/deflate_floor on
#     the output: the PDFs' streams and the Word and Excel entries deflated
#     again), spread over the cores: it needs the pages;
#   - writing the files to the output and the archive and flushing them to
#     disk (deflate_floor --flush): the datasets are decided, so a first
#     build archives them, and only after the documents are made.
# The sum is printed beside the time five times Typst's speed would leave.
#
# usage: bench/peer_speed.sh [BUILD_DIR]      (default: build)
# env:   RUNS (default 15), ROUNDS (default 5), WARMUP (default 1), KEEP=DIR keeps the JSON there
# needs: bench/peers/setup.sh once (hyperfine, Liberation, Typst from npm).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
fuel=$build/fuel
typst="node $root/bench/peers/typst14.js"
runs=${RUNS:-15}
rounds=${ROUNDS:-5}
warmup=${WARMUP:-1}
[ -x "$fuel" ] || { echo "no $fuel: build fuel first" >&2; exit 2; }
[ -x "$build/bench/deflate_floor" ] || { echo "no $build/bench/deflate_floor: build it first" >&2; exit 2; }
[ -d "$root/bench/peers/node_modules/@myriaddreamin" ] || { echo "run bench/peers/setup.sh first" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"

fuel_build() {  # dataset -> the command hyperfine runs
  echo "$fuel build --quiet --jobs $(nproc) --templates $root/templates --data $root/fixtures/$1" \
       "--out $work/$1/out --archive $work/$1/archive"
}

echo "load before the run: $(uptime)"
for round in $(seq "$rounds"); do
hyperfine -N --style none --runs $(( (runs + rounds - 1) / rounds )) --warmup "$warmup" \
  --export-json "$work/round-$round.json" \
  --prepare "rm -rf $work/halvering-2002-2003" -n "fuel final report" "$(fuel_build halvering-2002-2003)" \
  --prepare "rm -f $work/final.pdf" -n "typst final report" "$typst bench/peers/typst/final.typ $work/final.pdf" \
  --prepare "rm -rf $work/lum-mul-2025" -n "fuel decision" "$(fuel_build lum-mul-2025)" \
  --prepare "rm -f $work/decision.pdf" -n "typst decision" "$typst bench/peers/typst/decision.typ $work/decision.pdf" \
  --prepare true -n "fuel start" "$fuel --version" \
  --prepare true -n "fuel check final report" \
    "$fuel check --quiet --templates $root/templates --data $root/fixtures/halvering-2002-2003" \
  --prepare true -n "fuel check decision" \
    "$fuel check --quiet --templates $root/templates --data $root/fixtures/lum-mul-2025"
done
echo "load after the run: $(uptime)"
# The rounds' runs as one result per command (times of every run; CPU time
# as the mean of the rounds' means).
python3 - "$work" "$rounds" <<'PY'
import json, sys
work, rounds = sys.argv[1], int(sys.argv[2])
merged = {}
for k in range(1, rounds + 1):
    for r in json.load(open("%s/round-%d.json" % (work, k)))["results"]:
        m = merged.setdefault(r["command"], {"command": r["command"], "times": [], "user": 0.0, "system": 0.0})
        m["times"] += r["times"]
        m["user"] += r["user"] / rounds
        m["system"] += r["system"] / rounds
json.dump({"results": list(merged.values())}, open(work + "/peers.json", "w"))
PY
[ -n "${KEEP:-}" ] && cp "$work/peers.json" "$KEEP/"

echo
for dataset in halvering-2002-2003 lum-mul-2025; do
  echo "deflate work fixed by the archived bytes, $dataset:"
  "$build/bench/deflate_floor" --flush "$work/$dataset/out/$dataset" | tee "$work/floor-$dataset.txt" |
    sed '/_ms=/d; s/^/  /'
done
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/{print $2}'; }
python3 - "$work/peers.json" "$(nproc)" \
  "$(sed -n 's/^floor_ms=//p' "$work/floor-halvering-2002-2003.txt")" \
  "$(sed -n 's/^floor_ms=//p' "$work/floor-lum-mul-2025.txt")" \
  "$(sed -n 's/^flush_ms=//p' "$work/floor-halvering-2002-2003.txt")" \
  "$(sed -n 's/^flush_ms=//p' "$work/floor-lum-mul-2025.txt")" \
  "$(pages $work/halvering-2002-2003/out/halvering-2002-2003/slutrapport.pdf)+$(pages $work/halvering-2002-2003/out/halvering-2002-2003/tjansteutlatande.pdf)" \
  "$(pages $work/final.pdf)" \
  "$(for f in $work/lum-mul-2025/out/lum-mul-2025/*.pdf; do pages $f; done | paste -sd+)" \
  "$(pages $work/decision.pdf)" <<'PY'
import json, statistics, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
cores, deflate_floor = int(sys.argv[2]), {"final report": float(sys.argv[3]), "decision": float(sys.argv[4])}
flush = {"final report": float(sys.argv[5]), "decision": float(sys.argv[6])}
pages = dict(zip(["fuel final report", "typst final report", "fuel decision", "typst decision"], sys.argv[7:]))
for name in ("fuel start", "fuel check final report", "fuel check decision"):
    pages[name] = "-"
med = {name: statistics.median(r["times"]) for name, r in results.items()}
# CPU time (user + system, hyperfine's mean) is steadier than wall time
# on a loaded machine; the goal is wall time.
print("\n| command | pages | runs | median wall | min | max | mean CPU |")
print("|---|---:|---:|---:|---:|---:|---:|")
for name, r in results.items():
    print("| %s | %s | %d | %.1f ms | %.1f ms | %.1f ms | %.1f ms |" % (
        name, pages[name], len(r["times"]), med[name] * 1e3, min(r["times"]) * 1e3, max(r["times"]) * 1e3,
        (r["user"] + r["system"]) * 1e3))
print()
for what in ("final report", "decision"):
    typst, fuel = results["typst " + what], results["fuel " + what]
    print("%s: Typst 0.14 / fuel = %.2f in wall time (goal: at least 5), %.2f in CPU time" % (
        what, med["typst " + what] / med["fuel " + what],
        (typst["user"] + typst["system"]) / (fuel["user"] + fuel["system"])))
print()
start = med["fuel start"] * 1e3
for what in ("final report", "decision"):
    budget = med["typst " + what] * 1e3 / 5
    check = med["fuel check " + what] * 1e3 - start
    least = start + check / cores + deflate_floor[what] / cores + flush[what]
    print("%s: 5 times Typst leaves %.1f ms; the floor is %.1f ms = start %.1f + reading and checking %.1f / %d cores"
          " + deflate %.1f / %d cores + writing and flushing %.1f (fuel takes %.1f ms in all)" % (
        what, budget, least, start, check, cores, deflate_floor[what], cores, flush[what], med["fuel " + what] * 1e3))
PY
