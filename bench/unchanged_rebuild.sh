#!/usr/bin/env bash
# A build of all fixtures with nothing changed since the last one (goal:
# under 30 ms of wall time): fuel build into a fresh output folder, and once
# more when its files have settled, then hyperfine -N times the same command
# RUNS times. Every run must leave
# the output and archive folders as they were: the script compares the
# listing, sizes, modification times and inodes of everything below them
# before and after (not the output folder's own times: its lock and staging
# come and go), so a dataset published again fails the bench.
#
# usage: bench/unchanged_rebuild.sh [BUILD_DIR]     (default: build)
# env:   RUNS (default 30), WARMUP (default 5)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
fuel=$build/fuel
runs=${RUNS:-30}
warmup=${WARMUP:-5}
[ -x "$fuel" ] || { echo "no $fuel: build fuel first" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
command=(--quiet --jobs "$(nproc)" --templates "$root/templates" --data "$root/fixtures" --out "$work/out"
         --archive "$work/archive")
"$fuel" build "${command[@]}" 2>/dev/null
# As the nightly build finds it: the files published more than two seconds
# ago, and their digests in OUT/.fuel-digests (pipeline/job/file_digests.hpp:
# a file is remembered once its status-change time is that old), which the
# second build writes. From then on a build with nothing to do writes nothing.
sleep 2.5
"$fuel" build "${command[@]}" 2>/dev/null
snapshot() { find "$work/out" "$work/archive" -mindepth 1 -printf '%P %s %T@ %i\n' | sort; }
snapshot > "$work/before"
echo "load before the run: $(uptime)"
hyperfine -N --style basic --runs "$runs" --warmup "$warmup" --export-json "$work/unchanged.json" \
  -n "fuel build, nothing changed" "$fuel build ${command[*]}"
echo "load after the run: $(uptime)"
snapshot > "$work/after"
if ! diff -q "$work/before" "$work/after" >/dev/null; then
  echo "FAIL: a build with nothing changed rewrote the output or the archive:" >&2
  diff "$work/before" "$work/after" | head -20 >&2
  exit 1
fi
python3 - "$work/unchanged.json" <<'PY'
import json, statistics, sys
r = json.load(open(sys.argv[1]))["results"][0]
times = r["times"]
print("nothing changed, all fixtures: median %.1f ms wall, min %.1f ms, max %.1f ms over %d runs (goal: under 30 ms);"
      " mean CPU (user + system) %.1f ms; no file of the output or the archive was written" % (
    statistics.median(times) * 1e3, min(times) * 1e3, max(times) * 1e3, len(times), (r["user"] + r["system"]) * 1e3))
PY
