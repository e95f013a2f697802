#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer in build-fuzz/, seeds each corpus from the
# fixtures (fixtures/ and tests/fixtures/), and runs each target for a fixed
# time. Prints the executions and crashes of each; exits 1 if any crashed.
# A crash is saved as build-fuzz/fuzz/artifacts/<target>/crash-…: replay it
# with build-fuzz/fuzz/<target> <file>, and make it a regression test.
#
# Usage: scripts/fuzz.sh [seconds per target, default 120]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-120}
build=build-fuzz
targets=(fuzz_csv fuzz_registers_csv fuzz_round_xml fuzz_applications_xml fuzz_report_xml fuzz_followup_xml
  fuzz_xml_schema fuzz_application fuzz_pipeline)
# Run only some: FUZZ_TARGETS="fuzz_report_xml fuzz_followup_xml" scripts/fuzz.sh 60
if [[ -n "${FUZZ_TARGETS:-}" ]]; then read -r -a targets <<<"$FUZZ_TARGETS"; fi

cmake -S . -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DFUEL_FUZZ=ON -DBUILD_TESTING=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --target "${targets[@]}"

corpus="$build/fuzz/corpus"
# copy_seeds TARGET PREFIX FILES...: each file, PREFIX (printf format) first.
copy_seeds() {
  local target=$1 prefix=$2
  shift 2
  mkdir -p "$corpus/$target"
  for f in "$@"; do
    { printf "$prefix"; cat "$f"; } >"$corpus/$target/seed-$(echo "$f" | tr '/' '_')"
  done
}
mapfile -t csv < <(find fixtures tests/fixtures -name '*.csv' -type f | sort)
mapfile -t rounds < <(find fixtures tests/fixtures -name round.xml -type f | sort)
mapfile -t applications < <(find fixtures tests/fixtures -name '*.xml' ! -name round.xml ! -name report.xml \
  ! -name application.xml ! -path '*/projekt/*' -type f | sort)
mapfile -t fund_applications < <(find fixtures tests/fixtures -name application.xml -type f | sort)
mapfile -t budgets < <(find fixtures tests/fixtures -name 'budget*.csv' -type f | sort)
mapfile -t reports < <(find fixtures tests/fixtures -name report.xml -type f | sort)
mapfile -t followups < <(find fixtures tests/fixtures -path '*/projekt/*.xml' -type f | sort)
# fuzz_registers_csv: the first byte picks the reader, as fuzz_registers_csv.cpp
# numbers them: 0 reports, 1 repayments, 2 statistics, 3 activities,
# 4 networks, 5 study trips, 6 funds consumption, 7 causes, 8 cause changes,
# 9 causes by age.
register_seeds() {
  local prefix=$1 pattern=$2
  mapfile -t files < <(find fixtures tests/fixtures -name "$pattern" -type f | sort)
  if ((${#files[@]})); then copy_seeds fuzz_registers_csv "$prefix" "${files[@]}"; fi
}
register_seeds '\x00' 'rapporter*.csv'
register_seeds '\x01' 'aterbetalningar*.csv'
register_seeds '\x02' '*bistand*.csv'
register_seeds '\x03' 'aktiviteter*.csv'
register_seeds '\x04' 'natverk*.csv'
register_seeds '\x05' 'studieresor*.csv'
register_seeds '\x06' 'medelsforbrukning*.csv'
register_seeds '\x07' 'statistik-orsaker*.csv'
register_seeds '\x08' 'statistik-forandring*.csv'
register_seeds '\x09' 'statistik-alder*.csv'
copy_seeds fuzz_report_xml '' "${reports[@]}"
copy_seeds fuzz_followup_xml '' "${followups[@]}"
copy_seeds fuzz_csv '' "${csv[@]}"
copy_seeds fuzz_round_xml '' "${rounds[@]}"
copy_seeds fuzz_applications_xml '' "${applications[@]}"
# fuzz_xml_schema: the first byte picks the schema, as fuzz_xml_schema.cpp
# numbers them: 0 round, 1 applications, 2 report, 3 follow-up report, 4 an
# application to a fund.
copy_seeds fuzz_xml_schema '\x00' "${rounds[@]}"
copy_seeds fuzz_xml_schema '\x01' "${applications[@]}"
copy_seeds fuzz_xml_schema '\x02' "${reports[@]}"
copy_seeds fuzz_xml_schema '\x03' "${followups[@]}"
copy_seeds fuzz_xml_schema '\x04' "${fund_applications[@]}"
# fuzz_application: an even first byte is application.xml, an odd one its budget file.
copy_seeds fuzz_application '\x00' "${fund_applications[@]}"
copy_seeds fuzz_application '\x01' "${budgets[@]}"
# fuzz_pipeline: an even first byte reads the rest as CSV, an odd one as XML.
copy_seeds fuzz_pipeline '\x00' "${csv[@]}"
copy_seeds fuzz_pipeline '\x01' "${applications[@]}"

declare -A dictionary=([fuzz_csv]=csv [fuzz_registers_csv]=csv [fuzz_round_xml]=xml [fuzz_applications_xml]=xml
  [fuzz_report_xml]=xml [fuzz_followup_xml]=xml [fuzz_xml_schema]=xml [fuzz_application]=xml [fuzz_pipeline]=xml)
failed=0
summary=""
for target in "${targets[@]}"; do
  artifacts="$build/fuzz/artifacts/$target"
  mkdir -p "$artifacts"
  log="$build/fuzz/$target.log"
  echo "fuzz: $target for $seconds s"
  # -timeout: an input that takes 10 s is a hang (a real export takes
  # milliseconds); -rss_limit_mb: twice the largest memory a build uses.
  if ! "$build/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -dict="fuzz/${dictionary[$target]}.dict" -artifact_prefix="$artifacts/" -print_final_stats=1 \
      "$corpus/$target" >"$log" 2>&1; then
    failed=1
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  crashes=$(find "$artifacts" -type f | wc -l)
  summary+="$target: $runs executions, $crashes crashes or hangs saved in $artifacts"$'\n'
done
printf '%s' "$summary"
exit "$failed"
