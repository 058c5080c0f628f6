#!/usr/bin/env bash
# Builds the libFuzzer harnesses (fuzz/, into build-fuzz/) and runs each one, two at a time, from
# a copy of its committed seed corpus, so that a run never writes into fuzz/corpus/. Prints each
# harness's executions and whether it found anything; crash, leak and timeout inputs are kept in a
# temporary folder named at the end. Exits non-zero when any harness failed. See docs/fuzzing.md.
#
# Usage: scripts/fuzz.sh [harness...]              (default: every harness built)
#   FUZZ_SECONDS=20     how long each harness runs (the default)
#   FUZZ_RUNS=10000000  run each harness for this many executions instead of a time (with
#                       FUZZ_SECONDS too: at most that long)
#   FUZZ_JOBS=2         harnesses run at the same time
#   FUZZ_BUILD=build-fuzz, FUZZ_KEEP=1 (keep the working corpora and logs too)
# Needs clang, libclang-rt-14-dev, cmake and ninja (scripts/setup.sh test installs them).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${FUZZ_BUILD:-build-fuzz}"
[[ "$build" = /* ]] || build="$root/$build"
seconds="${FUZZ_SECONDS:-20}"
runs="${FUZZ_RUNS:-}"
jobs="${FUZZ_JOBS:-2}"

build_started=$SECONDS
if [[ ! -f "$build/build.ninja" ]]; then
  cmake -S "$root/fuzz" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER="${CXX:-clang++}" >/dev/null
fi
if ! build_log="$(cmake --build "$build" -j"$jobs" 2>&1)"; then
  echo "$build_log"
  echo "fuzz: the harnesses did not build"
  exit 1
fi
echo "fuzz: built $build in $((SECONDS - build_started)) s"

if (( $# )); then
  harnesses=("$@")
else
  harnesses=()
  for exe in "$build"/*_fuzz; do harnesses+=("$(basename "$exe" _fuzz)"); done
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/northstar-fuzz.XXXXXX")"
if [[ -n "$runs" ]]; then
  limit=(-runs="$runs")
  # Both given: the number of runs, but no longer than FUZZ_SECONDS.
  [[ -n "${FUZZ_SECONDS:-}" ]] && limit+=(-max_total_time="$seconds")
else
  limit=(-max_total_time="$seconds")
fi

# Runs one harness; its outcome goes to $work/<name>.result as "ok|failed <executions> <reason>".
run_one() {
  local name="$1" exe="$build/$1_fuzz"
  local corpus="$work/corpus/$name" artifacts="$work/artifacts/$name" log="$work/$name.log"
  mkdir -p "$corpus" "$artifacts"
  [[ -d "$root/fuzz/corpus/$name" ]] && cp -r "$root/fuzz/corpus/$name/." "$corpus/"
  local args=("${limit[@]}" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
              -artifact_prefix="$artifacts/" "$corpus")
  [[ -f "$root/fuzz/dict/$name.dict" ]] && args=(-dict="$root/fuzz/dict/$name.dict" "${args[@]}")
  local status=0
  if [[ ! -x "$exe" ]]; then
    echo "failed 0 not-built" >"$work/$name.result"
    return
  fi
  "$exe" "${args[@]}" >"$log" 2>&1 || status=$?
  local execs
  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  execs="${execs:-0}"
  # The first report: a violated property, a sanitizer's error, or libFuzzer's (timeout, OOM).
  local pattern='PROPERTY VIOLATED: .*|runtime error: .{0,80}|ERROR: [A-Za-z]+Sanitizer: [a-z-]+'
  pattern+='|ERROR: libFuzzer: [a-z-]+'
  local found
  found="$(grep -hoE "$pattern" "$log" | head -1 || true)"
  # slow-unit-* files only say that one input took long (on a busy machine, not always its fault).
  if [[ $status -eq 0 ]] && ! compgen -G "$artifacts/[!s]*" >/dev/null; then
    echo "ok $execs" >"$work/$name.result"
  else
    echo "failed $execs ${found:-exit status $status}" >"$work/$name.result"
  fi
}

started=$SECONDS
running=0
for name in "${harnesses[@]}"; do
  run_one "$name" &
  running=$((running + 1))
  if (( running >= jobs )); then
    wait -n || true
    running=$((running - 1))
  fi
done
wait

passed=0
failed=0
for name in "${harnesses[@]}"; do
  read -r outcome execs reason <"$work/$name.result"
  if [[ "$outcome" == ok ]]; then
    passed=$((passed + 1))
    printf 'fuzz: %-10s ok      %12s executions, nothing found\n' "$name" "$execs"
  else
    failed=$((failed + 1))
    printf 'fuzz: %-10s FAILED  %12s executions: %s\n' "$name" "$execs" "$reason"
    for a in "$work/artifacts/$name"/[!s]*; do
      [[ -e "$a" ]] && echo "        input: $a (reproduce: $build/${name}_fuzz $a)"
    done
    echo "        log:   $work/$name.log"
  fi
done
if (( failed == 0 )) && [[ -z "${FUZZ_KEEP:-}" ]]; then
  rm -rf "$work"
  echo "fuzz: $((SECONDS - started)) s of fuzzing"
else
  [[ -n "${FUZZ_KEEP:-}" ]] || rm -rf "$work/corpus"  # the findings and logs stay
  echo "fuzz: $((SECONDS - started)) s of fuzzing; findings and logs in $work"
fi
echo "fuzz: $passed passed, $failed failed"
(( failed == 0 ))
