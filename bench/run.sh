#!/usr/bin/env bash
# End-to-end load test of the budgets in DESIGN.md section 7, on loopback only.
#
#   bench/run.sh                  build, generate 10,000 alliances, load-test, print a table
#   BENCH_ALLIANCES=2000 bench/run.sh
#
# Steps: build build-bench (Release), generate a fresh SQLite data set through the real services
# (bench/generate.cpp) into a temporary folder, start the server on 127.0.0.1, record its idle
# memory, sign in, run wrk against /healthz, an authenticated alliance read and a filtered list,
# record peak memory, stop the server, run the micro-benchmarks briefly, print a Markdown table.
#
# Settings (environment):
#   BENCH_ALLIANCES    alliances to generate (10000)
#   BENCH_DURATION     seconds per wrk run (25; 5..120)
#   BENCH_CONNECTIONS  wrk connections (64)
#   BENCH_WRK_THREADS  wrk threads (2)
#   BENCH_DATA_DIR     keep the data set here and reuse it on the next run (default: a temporary
#                      folder, deleted at the end)
#   BENCH_OUT          also write the Markdown results to this file
#   BENCH_SKIP_BUILD   1 to use the binaries already in build-bench
#   JOBS               parallel build jobs (2)
#
# Everything it starts (the server) is stopped on exit, whatever the exit path.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${BENCH_BUILD:-$ROOT/build-bench}
ALLIANCES=${BENCH_ALLIANCES:-10000}
DURATION=${BENCH_DURATION:-25}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
WRK_THREADS=${BENCH_WRK_THREADS:-2}
JOBS=${JOBS:-2}
DATA_DIR=${BENCH_DATA_DIR:-}
HOST=127.0.0.1

if ! [[ $ALLIANCES =~ ^[0-9]+$ ]] || (( ALLIANCES < 1 )); then
  echo "BENCH_ALLIANCES must be a positive whole number" >&2; exit 2
fi
if ! [[ $DURATION =~ ^[0-9]+$ ]] || (( DURATION < 5 || DURATION > 120 )); then
  echo "BENCH_DURATION must be 5..120 seconds" >&2; exit 2
fi

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# ---- tools ------------------------------------------------------------------------------------
for tool in cmake curl awk sed; do
  command -v "$tool" >/dev/null || die "$tool is required"
done
if ! command -v wrk >/dev/null; then
  log "wrk is missing; installing the Debian package"
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    timeout 300 apt-get install -y -qq wrk >/dev/null || die "could not install wrk"
  else
    die "install wrk (sudo apt-get install wrk)"
  fi
fi

# ---- clean-up of everything this script starts -----------------------------------------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/northstar-bench.XXXXXX")
SERVER_PID=""
stop_server() {
  [[ -n $SERVER_PID ]] || return 0
  if kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do  # up to 10 s for a graceful stop
      kill -0 "$SERVER_PID" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
  fi
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}
cleanup() {
  stop_server
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- build ------------------------------------------------------------------------------------
if [[ ${BENCH_SKIP_BUILD:-0} != 1 ]]; then
  log "building $BUILD (Release)"
  if [[ ! -f $BUILD/build.ninja ]]; then
    cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DNORTHSTAR_TESTS=OFF >/dev/null
  fi
  cmake --build "$BUILD" -j"$JOBS"
fi
SERVER_BIN=$BUILD/northstar
GENERATE_BIN=$BUILD/bench/northstar-bench-generate
MICRO_BIN=$BUILD/bench/northstar-bench-micro
[[ -x $SERVER_BIN && -x $GENERATE_BIN ]] || die "binaries missing in $BUILD"
BUILD_TYPE=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$BUILD/CMakeCache.txt" 2>/dev/null || true)

# ---- data set ---------------------------------------------------------------------------------
if [[ -n $DATA_DIR ]]; then
  mkdir -p "$DATA_DIR"
  DATA=$(cd "$DATA_DIR" && pwd)
else
  DATA=$WORK
fi
DB=$DATA/bench.db
SUMMARY=$DATA/generate.out
if [[ -s $SUMMARY && -f $DB ]] && grep -q "^alliances=$ALLIANCES$" "$SUMMARY"; then
  log "reusing the data set in $DATA"
  GENERATED="reused; generated earlier in $(sed -n 's/^total_seconds=\([0-9]*\).*/\1/p' "$SUMMARY") s"
else
  rm -f "$DB" "$DB-wal" "$DB-shm" "$SUMMARY"
  log "generating $ALLIANCES alliances into $DB"
  started=$(date +%s.%N)
  timeout 7200 "$GENERATE_BIN" --database "sqlite:$DB" --alliances "$ALLIANCES" >"$SUMMARY.tmp"
  GENERATED="generated in $(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.0f", b - a }') s"
  mv "$SUMMARY.tmp" "$SUMMARY"
fi
value() { sed -n "s/^$1=//p" "$SUMMARY" | head -n1; }
EMAIL=$(value sign_in_email)
PASSWORD=$(value password)
ALLIANCE_ID=$(value alliance_id)
HUB_ALLIANCES=$(value hub_alliances)
[[ -n $EMAIL && -n $ALLIANCE_ID ]] || die "the generator printed no sign-in or alliance id"
DB_SIZE=$(du -sh "$DB" | cut -f1)

# ---- server -----------------------------------------------------------------------------------
log "starting the server on $HOST"
"$SERVER_BIN" serve --database "sqlite:$DB" --bind "$HOST" --port 0 --access-log false \
  --log-level warn --grace-seconds 2 --static-dir "$WORK/no-web-app" \
  >"$WORK/server.out" 2>"$WORK/server.err" &
SERVER_PID=$!
PORT=""
for _ in $(seq 1 300); do  # up to 30 s
  PORT=$(sed -n "s|.*listening on http://[^:]*:\([0-9][0-9]*\).*|\1|p" "$WORK/server.out" | head -n1)
  [[ -n $PORT ]] && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.err" >&2; die "the server exited"; }
  sleep 0.1
done
[[ -n $PORT ]] || die "the server did not report its port within 30 s"
BASE=http://$HOST:$PORT
ready=0
for _ in $(seq 1 300); do
  if curl -fsS --max-time 2 "$BASE/readyz" >/dev/null 2>&1; then ready=1; break; fi
  sleep 0.1
done
(( ready )) || die "/readyz did not answer 200 within 30 s"
sleep 1
rss_kb() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$SERVER_PID/status"; }
IDLE_RSS_KB=$(rss_kb VmRSS)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

log "signing in as $EMAIL"
curl -sS --max-time 10 -D "$WORK/login.headers" -o "$WORK/login.body" \
  -H 'Content-Type: application/json' \
  --data "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/auth/login"
COOKIE=$(sed -n 's/^[Ss]et-[Cc]ookie: *ns_session=\([^;]*\).*/\1/p' "$WORK/login.headers" | tr -d '\r' | head -n1)
[[ -n $COOKIE ]] || { cat "$WORK/login.body" >&2; die "sign-in failed"; }
COOKIE_HEADER="Cookie: ns_session=$COOKIE"

READ_URL=$BASE/api/v1/alliances/$ALLIANCE_ID
LIST_URL="$BASE/api/v1/alliances?stage=execution&limit=50"
check() {  # url -> prints the HTTP status; the body goes to $WORK/check.body
  curl -sS --max-time 10 -o "$WORK/check.body" -w '%{http_code}' -H "$COOKIE_HEADER" "$1"
}
[[ $(check "$READ_URL") == 200 ]] || { cat "$WORK/check.body" >&2; die "GET $READ_URL is not 200"; }
[[ $(check "$LIST_URL") == 200 ]] || { cat "$WORK/check.body" >&2; die "GET $LIST_URL is not 200"; }
LIST_ITEMS=$(grep -o '"id":"[^"]*","name"' "$WORK/check.body" | wc -l | tr -d ' ')

# ---- load -------------------------------------------------------------------------------------
# wrk shares the machine with the server; both are on loopback.
declare -A RPS P50 P99 BAD ERRS CPU_US CORES
CLK_TCK=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat"; }  # user + system time
to_ms() {  # wrk latency ("812.00us", "3.41ms", "1.02s") -> milliseconds
  awk -v v="$1" 'BEGIN {
    n = v + 0
    if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000
    printf "%.2f", n }'
}
run_wrk() {  # name url [header]
  local name=$1 url=$2 out=$WORK/wrk-$1.txt
  local args=(-t"$WRK_THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 5s --latency)
  [[ $# -ge 3 ]] && args+=(-H "$3")
  log "wrk $name: $CONNECTIONS connections, ${DURATION} s"
  local ticks_before ticks_after requests
  ticks_before=$(cpu_ticks)
  timeout $((DURATION + 60)) wrk "${args[@]}" "$url" >"$out"
  ticks_after=$(cpu_ticks)
  cat "$out" >&2
  requests=$(awk '/ requests in / { print $1 }' "$out")
  # The server's own CPU time per request, and how many of the cores it got: less sensitive to
  # a noisy machine than requests per second.
  CPU_US[$name]=$(awk -v t=$((ticks_after - ticks_before)) -v hz="$CLK_TCK" -v n="${requests:-0}" \
    'BEGIN { printf "%.0f", (n > 0 ? t / hz * 1e6 / n : 0) }')
  CORES[$name]=$(awk -v t=$((ticks_after - ticks_before)) -v hz="$CLK_TCK" -v d="$DURATION" \
    'BEGIN { printf "%.2f", t / hz / d }')
  RPS[$name]=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$out")
  P50[$name]=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")
  P99[$name]=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
  BAD[$name]=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$out")
  BAD[$name]=${BAD[$name]:-0}
  ERRS[$name]=$(awk -F'[ ,]+' '/Socket errors:/ { print $4 + $6 + $8 + $10 }' "$out")
  ERRS[$name]=${ERRS[$name]:-0}
}
# A short warm-up so that the first measured run does not pay for a cold page cache.
timeout 30 wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d5s -H "$COOKIE_HEADER" "$READ_URL" >/dev/null
run_wrk healthz "$BASE/healthz"
run_wrk read "$READ_URL" "$COOKIE_HEADER"
run_wrk list "$LIST_URL" "$COOKIE_HEADER"

PEAK_RSS_KB=$(rss_kb VmHWM)
AFTER_RSS_KB=$(rss_kb VmRSS)
log "stopping the server"
stop_server

# ---- micro-benchmarks -------------------------------------------------------------------------
if [[ -x $MICRO_BIN ]]; then
  log "micro-benchmarks"
  timeout 300 "$MICRO_BIN" --benchmark_min_time=0.1 >"$WORK/micro.txt" 2>&1 || true
  cat "$WORK/micro.txt"
fi

# ---- report -----------------------------------------------------------------------------------
mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
verdict() { if awk "BEGIN { exit !($1) }"; then echo met; else echo "**not met**"; fi; }
RATIO=$(awk -v r="${RPS[read]}" -v h="${RPS[healthz]}" 'BEGIN { printf "%.2f", (h > 0 ? r / h : 0) }')
CPU=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)
{
  echo "## Northstar load test — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(nproc) cores, ${CPU:-unknown CPU}, $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo) RAM;" \
       "build ${BUILD_TYPE:-?}; SQLite; $ALLIANCES alliances ($DB_SIZE database, $GENERATED);" \
       "signed in as a member of $HUB_ALLIANCES alliances; wrk ${WRK_THREADS} threads, $CONNECTIONS connections, ${DURATION} s per endpoint."
  echo
  echo "| Endpoint | Requests/s | p50 (ms) | p99 (ms) | Server CPU µs/request | Server cores busy | non-2xx | socket errors |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  row() { echo "| $1 | ${RPS[$2]} | ${P50[$2]} | ${P99[$2]} | ${CPU_US[$2]} | ${CORES[$2]} | ${BAD[$2]} | ${ERRS[$2]} |"; }
  row "GET /healthz" healthz
  row "GET /api/v1/alliances/{id} (signed in)" read
  row "GET /api/v1/alliances?stage=execution&limit=50 ($LIST_ITEMS items)" list
  echo
  echo "| Budget (DESIGN.md section 7) | Measured | Verdict |"
  echo "|---|---:|---|"
  echo "| Authenticated read ≥ 0.5 × /healthz req/s | ${RATIO} × | $(verdict "$RATIO >= 0.5") |"
  echo "| Authenticated read p99 < 25 ms at $CONNECTIONS connections | ${P99[read]} ms | $(verdict "${P99[read]} < 25") |"
  echo "| Idle memory < 64 MB | $(mb "$IDLE_RSS_KB") MB | $(verdict "$IDLE_RSS_KB < 65536") |"
  echo "| Memory under load < 256 MB (peak RSS) | $(mb "$PEAK_RSS_KB") MB | $(verdict "$PEAK_RSS_KB < 262144") |"
  echo
  echo "RSS after the load: $(mb "$AFTER_RSS_KB") MB. Filtered list p99: ${P99[list]} ms (no budget)." \
       "Load average before the load test: $LOAD_BEFORE (wrk runs on the same cores)."
} | tee "$WORK/results.md"
[[ -n ${BENCH_OUT:-} ]] && cp "$WORK/results.md" "$BENCH_OUT"
if [[ -n $DATA_DIR ]]; then
  cp "$WORK"/wrk-*.txt "$WORK/results.md" "$DATA/" 2>/dev/null || true
  [[ -f $WORK/micro.txt ]] && cp "$WORK/micro.txt" "$DATA/"
fi
exit 0
