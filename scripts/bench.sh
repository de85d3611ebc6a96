#!/usr/bin/env bash
# The side-by-side benchmark: seeds N questions through the store (not over HTTP), starts the
# release binary on that database (rate limits off), runs wrk against each endpoint and prints
# one table — requests/s, p50 and p99, and requests/s as a share of /healthz in the same run —
# for SQLite and, when TSUNAGU_BENCH_POSTGRES_URL is set, PostgreSQL. Then the webhook figure
# (a backlog of 10,000 events delivered by one worker) and the server's resident memory.
#
#   scripts/bench.sh                 # 10,000 questions
#   scripts/bench.sh 1000000         # 10,000 seeded and copied 99 times back in time
#   TSUNAGU_BENCH_POSTGRES_URL=postgres://user:pass@127.0.0.1:5432/postgres scripts/bench.sh
#
# N: up to 10,000, or a multiple of 10,000 (10,000 seeded, then copied back in time).
# Settings: BENCH_DURATION (whole seconds, default 15) after BENCH_WARMUP (whole seconds,
# default 5) per endpoint, BENCH_CONNECTIONS (32), BENCH_THREADS (2), BENCH_PORT (18080),
# BENCH_ONLY=sqlite|postgres.
# TSUNAGU_BENCH_POSTGRES_URL names a database the user can connect to and may CREATE DATABASE
# from; the script creates two databases of its own and drops them at the end. The SQLite files
# go to a temporary folder ($TMPDIR, else /tmp): about 1 GB at 1,000,000 questions.
# Needs wrk (Debian: apt-get install wrk), curl and, for PostgreSQL, psql. Asserts nothing:
# the figures are for reading (and for quoting with this command).
set -euo pipefail
cd "$(dirname "$0")/.."

questions="${1:-10000}"
case "$questions" in
  ''|*[!0-9]*|0) echo "N must be a whole number of questions, at least 1 (got '$questions')" >&2; exit 2 ;;
esac
if [ "$questions" -gt 10000 ] && [ $(( questions % 10000 )) -ne 0 ]; then
  echo "above 10,000, N must be a multiple of 10,000 (10,000 are seeded and copied back in time)" >&2
  exit 2
fi
duration="${BENCH_DURATION:-15}"
warmup="${BENCH_WARMUP:-5}"
connections="${BENCH_CONNECTIONS:-32}"
threads="${BENCH_THREADS:-2}"
port="${BENCH_PORT:-18080}"
only="${BENCH_ONLY:-}"
for setting in "BENCH_DURATION=$duration" "BENCH_WARMUP=$warmup" "BENCH_CONNECTIONS=$connections" \
  "BENCH_THREADS=$threads" "BENCH_PORT=$port"; do
  case "${setting#*=}" in
    ''|*[!0-9]*|0) echo "${setting%%=*} must be a whole number above 0 (got '${setting#*=}'; durations are in seconds)" >&2; exit 2 ;;
  esac
done
case "$only" in
  ''|sqlite|postgres) ;;
  *) echo "BENCH_ONLY must be sqlite or postgres (got '$only')" >&2; exit 2 ;;
esac
if [ "$only" = postgres ] && [ -z "${TSUNAGU_BENCH_POSTGRES_URL:-}" ]; then
  echo "BENCH_ONLY=postgres needs TSUNAGU_BENCH_POSTGRES_URL (see the top of this script)" >&2
  exit 2
fi
if [ "$only" != sqlite ] && [ -n "${TSUNAGU_BENCH_POSTGRES_URL:-}" ]; then
  command -v psql >/dev/null || { echo "PostgreSQL needs psql: apt-get install postgresql-client" >&2; exit 1; }
  psql -q "$TSUNAGU_BENCH_POSTGRES_URL" -c "SELECT 1" >/dev/null ||
    { echo "cannot connect to TSUNAGU_BENCH_POSTGRES_URL (see psql's message above)" >&2; exit 1; }
fi
case "$only" in
  sqlite) echo "benchmarking SQLite" >&2 ;;
  postgres) echo "benchmarking PostgreSQL" >&2 ;;
  *) if [ -n "${TSUNAGU_BENCH_POSTGRES_URL:-}" ]; then
       echo "benchmarking SQLite, then PostgreSQL" >&2
     else
       echo "benchmarking SQLite (set TSUNAGU_BENCH_POSTGRES_URL for PostgreSQL too)" >&2
     fi ;;
esac
copies=0
if [ "$questions" -gt 10000 ]; then
  # Seeding a million questions one by one takes hours; 10,000 copied back in time takes minutes.
  copies=$(( questions / 10000 - 1 ))
  questions=10000
fi

command -v wrk >/dev/null || { echo "scripts/bench.sh needs wrk: apt-get install wrk" >&2; exit 1; }
command -v curl >/dev/null || { echo "scripts/bench.sh needs curl: apt-get install curl" >&2; exit 1; }
if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
  echo "something already answers on port $port: set BENCH_PORT to a free one" >&2
  exit 1
fi
work="$(mktemp -d)"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "building (release; the first build takes several minutes on 2 cores) …" >&2
cargo build -q --release
cargo bench -q --bench api --no-run

# The scenarios: label, then the path, or "POST" for creating questions with
# scripts/bench/create.lua as one member in one topic, or "POST-MEMBERS" as 32 members in
# turn, in the seven seeded topics in turn. On PostgreSQL one member's questions of a day
# share a statistics row, and one topic's share its count, which one commit at a time may
# hold: the gap between the two rows is that wait.
scenarios=(
  "floor /healthz|/healthz"
  "list 20 newest|/api/v1/questions"
  "get one question|/api/v1/questions/{id}"
  "search q=承 (1 char)|/api/v1/questions?q=%E6%89%BF"
  "search q=承認 (2 chars)|/api/v1/questions?q=%E6%89%BF%E8%AA%8D"
  "search q=フロー (3 chars)|/api/v1/questions?q=%E3%83%95%E3%83%AD%E3%83%BC"
  "search q=approval|/api/v1/questions?q=approval"
  "search q=approval flow|/api/v1/questions?q=approval%20flow"
  "search q=フロー 承認|/api/v1/questions?q=%E3%83%95%E3%83%AD%E3%83%BC%20%E6%89%BF%E8%AA%8D"
  "similar questions|/api/v1/questions/similar?title=%E7%B5%8C%E8%B2%BB%E7%B2%BE%E7%AE%97%E3%81%AE%E6%89%BF%E8%AA%8D%E3%83%95%E3%83%AD%E3%83%BC%E3%81%8C%E6%AD%A2%E3%81%BE%E3%82%8B"
  "stats /stats/health|/api/v1/stats/health"
  "page /dashboard|/dashboard"
  "create a question|POST"
  "create, 32 members asking|POST-MEMBERS"
)

# wrk's latency ("812.00us", "1.20ms", "2.01s") in milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0
    if (v ~ /us$/) n = n / 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n = n * 1000; else if (v ~ /m$/) n = n * 60000
    printf "%.2f", n }'
}

rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

# measure DB URL: seeds, serves, runs every scenario; writes "label|req/s|p50|p99|errors" lines
# to $work/DB.results and the memory and webhook figures to $work/DB.extra.
measure() {
  local db="$1" url="$2"
  echo "$db: seeding $questions questions (copies: $copies) …" >&2
  local key
  key="$(TSUNAGU_BENCH_SEED="$url" TSUNAGU_BENCH_QUESTIONS="$questions" TSUNAGU_BENCH_COPIES="$copies" \
    cargo bench -q --bench api 2>&2 | sed -n 's/^key=//p')"
  [ -n "$key" ] || { echo "$db: seeding printed no key" >&2; exit 1; }
  TSUNAGU_DATABASE_URL="$url" TSUNAGU_BIND="127.0.0.1:$port" TSUNAGU_RATE_LIMIT_PER_MINUTE=0 \
    TSUNAGU_LOG=warn target/release/tsunagu serve >"$work/$db.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 100); do
    curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break
    sleep 0.1
  done
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null || { cat "$work/$db.log" >&2; exit 1; }
  local idle; idle="$(rss_mb "$server_pid")"
  local id=$(( questions / 2 ))
  # A member's first search of two words, before anything is kept for her (the wrk rows below
  # repeat one member's search, which the service keeps: see "Search" in the README).
  : >"$work/$db.first"
  for first in "approval flow|approval%20flow" \
    "フロー 承認|%E3%83%95%E3%83%AD%E3%83%BC%20%E6%89%BF%E8%AA%8D" \
    "connector error|connector%20error" \
    "通知 メール|%E9%80%9A%E7%9F%A5%20%E3%83%A1%E3%83%BC%E3%83%AB"; do
    curl -s -o /dev/null -w "%{time_total}\n" -H "Authorization: Bearer $key" \
      "http://127.0.0.1:$port/api/v1/questions?q=${first#*|}" |
      awk -v q="${first%%|*}" '{ printf "q=%s %.1f ms\n", q, $1 * 1000 }' >>"$work/$db.first"
  done
  : >"$work/$db.results"
  for scenario in "${scenarios[@]}"; do
    local label="${scenario%%|*}" path="${scenario#*|}"
    local args=(-t"$threads" -c"$connections" -H "Authorization: Bearer $key")
    local target
    local keys=""
    if [ "$path" = "POST-MEMBERS" ]; then
      keys="$work/$db.keys"
      if [ ! -s "$keys" ]; then
        for n in $(seq 32); do
          curl -sf -X POST -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
            -d "{\"display_name\":\"ベンチ $n\"}" "http://127.0.0.1:$port/api/v1/members" |
            grep -o '"secret":"[^"]*"' | cut -d'"' -f4 >>"$keys"
        done
        [ "$(wc -l <"$keys")" = 32 ] || { echo "$db: could not create 32 members" >&2; exit 1; }
      fi
      path=POST
    fi
    if [ "$path" = "POST" ]; then
      args+=(-s scripts/bench/create.lua)
      target="http://127.0.0.1:$port"
    else
      target="http://127.0.0.1:$port${path//\{id\}/$id}"
    fi
    echo "$db: $label …" >&2
    TSUNAGU_BENCH_KEY="$key" TSUNAGU_BENCH_KEYS="$keys" wrk "${args[@]}" -d"${warmup}s" "$target" >"$work/out" ||
      { cat "$work/out" >&2; exit 1; }
    TSUNAGU_BENCH_KEY="$key" TSUNAGU_BENCH_KEYS="$keys" wrk "${args[@]}" -d"${duration}s" --latency "$target" >"$work/out" ||
      { cat "$work/out" >&2; exit 1; }
    local rps p50 p99 errors
    rps="$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$work/out")"
    p50="$(to_ms "$(awk '$1 == "50%" { print $2 }' "$work/out")")"
    p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' "$work/out")")"
    # Answers other than 2xx/3xx, and socket errors (connect, read, write, timeout: wrk gives
    # up on a request after 2 s).
    errors="$(awk '/Non-2xx or 3xx responses:/ { n += $NF }
      /Socket errors:/ { gsub(",", ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' "$work/out")"
    echo "$label|$rps|$p50|$p99|$errors" >>"$work/$db.results"
  done
  local loaded; loaded="$(rss_mb "$server_pid")"
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
  # Idle memory after a restart on the seeded (and now grown) database.
  TSUNAGU_DATABASE_URL="$url" TSUNAGU_BIND="127.0.0.1:$port" TSUNAGU_LOG=warn \
    target/release/tsunagu serve >>"$work/$db.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
  # The service hands back its start-up memory 2 s after it starts serving.
  sleep 4
  local restarted; restarted="$(rss_mb "$server_pid")"
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
  echo "resident memory: ${idle} MB when ready, ${loaded} MB after the run, ${restarted} MB idle 4 s after a restart" >"$work/$db.extra"
  # On one line: "first multi-word searches (…): q=approval flow 12.3 ms, …".
  { printf "first multi-word searches (single requests, nothing kept yet): "
    paste -sd, "$work/$db.first" | sed 's/,/, /g'; } >>"$work/$db.extra"
}

# backlog DB URL: the webhook figure, on a fresh database of its own.
backlog() {
  local db="$1" url="$2"
  echo "$db: webhook backlog …" >&2
  local out
  if out="$(TSUNAGU_BENCH_BACKLOG="$url" cargo bench -q --bench api)"; then
    sed -n 's/^ *webhook backlog: /webhooks: /p' <<<"$out" >>"$work/$db.extra"
  else
    echo "webhooks: the backlog run failed (see above)" >>"$work/$db.extra"
  fi
}

dbs=()
if [ "$only" != "postgres" ]; then
  measure sqlite "sqlite://$work/bench.db"
  backlog sqlite "sqlite://$work/backlog.db"
  dbs+=(sqlite)
fi
if [ "$only" != "sqlite" ] && [ -n "${TSUNAGU_BENCH_POSTGRES_URL:-}" ]; then
  command -v psql >/dev/null || { echo "PostgreSQL needs psql" >&2; exit 1; }
  name="tsunagu_bench_$$"
  # postgres://user:pass@host:port/db?params → the same server and params, another database.
  admin="${TSUNAGU_BENCH_POSTGRES_URL%%\?*}"
  params="${TSUNAGU_BENCH_POSTGRES_URL#"$admin"}"
  server="${admin#*://}"
  case "$server" in */*) server="${admin%/*}" ;; *) server="$admin" ;; esac
  created=()
  drop_pg() {
    # Only what this run created. DROP waits for the servers, stopped by now; a moment's
    # autovacuum can refuse it once, so it is tried again.
    for d in "${created[@]}"; do
      for try in 1 2 3 4 5; do
        psql -q "$TSUNAGU_BENCH_POSTGRES_URL" -c "DROP DATABASE IF EXISTS $d WITH (FORCE)" 2>/dev/null && break
        [ "$try" = 5 ] && echo "could not drop database $d: drop it by hand" >&2
        sleep 2
      done
    done
  }
  trap 'cleanup; drop_pg' EXIT
  for d in "$name" "${name}_backlog"; do
    psql -q "$TSUNAGU_BENCH_POSTGRES_URL" -c "CREATE DATABASE $d TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
    created+=("$d")
  done
  measure postgres "$server/$name$params"
  backlog postgres "$server/${name}_backlog$params"
  dbs+=(postgres)
fi

total=$(( questions * (copies + 1) ))
echo
echo "tsunagu $(git rev-parse --short HEAD 2>/dev/null || echo '?') on $(date -u +%Y-%m-%d), $total questions; wrk -t$threads -c$connections -d${duration}s after ${warmup}s of warm-up; $(nproc) cores"
echo
header="| endpoint |"; rule="| --- |"
for db in "${dbs[@]}"; do
  header+=" $db req/s | p50 ms | p99 ms | of /healthz |"; rule+=" ---: | ---: | ---: | ---: |"
done
echo "$header"; echo "$rule"
for scenario in "${scenarios[@]}"; do
  label="${scenario%%|*}"
  row="| $label |"
  for db in "${dbs[@]}"; do
    floor="$(awk -F'|' '$1 == "floor /healthz" { print $2 }' "$work/$db.results")"
    row+="$(awk -F'|' -v l="$label" -v floor="$floor" '$1 == l {
      share = floor > 0 ? sprintf("%.1f %%", 100 * $2 / floor) : "—"
      err = $5 > 0 ? sprintf(" (%d failed)", $5) : ""
      printf " %s%s | %s | %s | %s |", $2, err, $3, $4, share }' "$work/$db.results")"
  done
  echo "$row"
done
echo
for db in "${dbs[@]}"; do
  sed "s/^/$db /" "$work/$db.extra"
done
