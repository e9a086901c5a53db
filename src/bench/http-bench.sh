#!/usr/bin/env bash
# ./harmony bench http: nginx as the origin, nginx as a reverse proxy to it, and the gateway's
# HTTP passthrough to the same origin, each under wrk on this machine; prints one table with the
# gateway's ratios and the goals of docs/benchmarks.md. It prints figures and never fails on them:
# the exit status is 0 unless the bench itself could not run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BENCH_DIR="$ROOT/src/bench"
# shellcheck source=common.sh
source "$BENCH_DIR/common.sh"

usage() {
  cat <<'EOF'
usage: ./harmony bench http [OPTIONS]

  --duration S           measured seconds per run (default 15)
  --warmup S             unmeasured seconds before each run (default 5)
  --jit-warmup S         after the gateway starts, seconds of load on each of its URLs before any
                         measured run, so that its JIT compiler has caught up (default 30)
  --connections N        connections for the small-JSON and echo cases (default 64)
  --large-connections N  connections for the 1 MiB case (default 16)
  --threads N            wrk threads (default 2; the 1-connection case uses 1)
  --cases LIST           comma-separated subset of small,large,latency,echo (default all)
  --smoke                1 s warm-up, 2 s runs: checks that the bench works, measures nothing
  --keep                 keep the state directory (configs, logs, wrk output) afterwards

Needs nginx and wrk (apt-get install nginx-light wrk). Everything listens on 127.0.0.1, on free
ports. HARMONY_JAVA_OPTS reaches the gateway's JVM. See docs/benchmarks.md.
EOF
}

DURATION=15 WARMUP=5 JIT_WARMUP=30 CONNECTIONS=64 LARGE_CONNECTIONS=16 THREADS=2
CASES="small,large,latency,echo" SMOKE=false KEEP=false
STARTUP_TIMEOUT=300   # seconds for the gateway to say it is ready (a cold start takes ~10-30 s)

positive() { [[ "$2" =~ ^[1-9][0-9]*$ ]] || die "$1 needs a positive whole number, got '$2'"; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --smoke) SMOKE=true; WARMUP=1; JIT_WARMUP=1; DURATION=2; shift; continue ;;
    --keep) KEEP=true; shift; continue ;;
    -h|--help) usage; exit 0 ;;
    --*=*) opt="${1%%=*}" value="${1#*=}"; shift ;;
    --duration|--warmup|--jit-warmup|--connections|--large-connections|--threads|--cases)
      opt="$1"; [[ $# -ge 2 ]] || die "$opt needs a value"; value="$2"; shift 2 ;;
    *) usage >&2; die "unknown option '$1'" ;;
  esac
  case "$opt" in
    --duration) positive "$opt" "$value"; DURATION="$value" ;;
    --warmup) positive "$opt" "$value"; WARMUP="$value" ;;
    --jit-warmup) positive "$opt" "$value"; JIT_WARMUP="$value" ;;
    --connections) positive "$opt" "$value"; CONNECTIONS="$value" ;;
    --large-connections) positive "$opt" "$value"; LARGE_CONNECTIONS="$value" ;;
    --threads) positive "$opt" "$value"; THREADS="$value" ;;
    --cases) CASES="$value" ;;
    *) usage >&2; die "unknown option '$opt'" ;;
  esac
done

for c in ${CASES//,/ }; do
  case "$c" in small|large|latency|echo) ;; *) die "--cases: unknown case '$c' (small, large, latency, echo)" ;; esac
done
wants() { [[ ",$CASES," == *",$1,"* ]]; }

command -v nginx >/dev/null 2>&1 && command -v wrk >/dev/null 2>&1 \
  || die "nginx and wrk are required: apt-get install nginx-light wrk"
command -v java >/dev/null 2>&1 || die "java is required (apt-get install openjdk-17-jdk maven)"

# Other work on the machine shares its cores with every run; the table says how busy it was.
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"

# ---------------------------------------------------------------- ports, processes, cleanup

STATE="$(mktemp -d "${TMPDIR:-/tmp}/harmony-bench-http.XXXXXX")"
chmod 755 "$STATE"   # nginx's workers, when they run as nobody, read the files under it
NGINX_PIDS=() GATEWAY_PID="" WRK_PID=""

cleanup() {
  local status=$?
  trap - EXIT
  trap '' INT TERM   # a second Ctrl-C must not cut the cleanup short
  [[ -n "$WRK_PID" ]] && stop "$WRK_PID" "wrk" 5
  [[ -n "$GATEWAY_PID" ]] && stop "$GATEWAY_PID" "the gateway" 60
  for pid in "${NGINX_PIDS[@]}"; do stop "$pid" "nginx" 10; done
  if [[ $status -eq 0 && $KEEP == false ]]; then
    rm -rf "$STATE"
  else
    say "configs, logs and wrk output are in $STATE"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# http_head PORT PATH: the status line and headers of a GET (HTTP/1.1, Connection: close).
http_head() (
  exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
  printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "$2" "$1" >&3
  while IFS= read -r -t 10 line <&3; do
    line="${line%$'\r'}"
    [[ -z "$line" ]] && break
    printf '%s\n' "$line"
  done
)

# expect_ok PORT PATH WHAT [HEADER]: the bench is meaningless if a target answers anything but 200.
expect_ok() {
  local head
  head="$(http_head "$1" "$2" 2>/dev/null || true)"
  [[ "$head" =~ ^HTTP/1\.[01]\ 200 ]] \
    || die "$3 (http://127.0.0.1:$1$2) answered '${head%%$'\n'*}' instead of 200"
  if [[ -n "${4:-}" ]] && ! grep -qi "^$4:" <<<"$head"; then
    die "$3 (http://127.0.0.1:$1$2) answered without $4"
  fi
}

# ---------------------------------------------------------------- the origin and the proxy

free_port ORIGIN_PORT; free_port PROXY_PORT; free_port GATEWAY_PORT; free_port MANAGEMENT_PORT

WWW="$STATE/www"
mkdir -p "$WWW"
# 54 bytes: a small FHIR-like JSON document.
printf '%s' '{"resourceType":"Patient","id":"bench1","active":true}' > "$WWW/small.json"
head -c 1048576 /dev/urandom > "$WWW/1mib.bin"
chmod 755 "$WWW"; chmod 644 "$WWW"/*

# As root, nginx's workers would run as the compiled-in user; name one that exists on Debian.
NGINX_USER=""
if [[ $(id -u) -eq 0 ]]; then
  NGINX_USER="user nobody $(id -gn nobody 2>/dev/null || echo nogroup);"
fi

# write_nginx_conf NAME SERVER_BLOCK: a self-contained nginx (own prefix, pid, logs, temp paths).
write_nginx_conf() {
  local dir="$STATE/nginx-$1"
  mkdir -p "$dir/temp"
  cat > "$dir/nginx.conf" <<EOF
# harmony bench http: nginx as $1. Written by src/bench/http-bench.sh.
$NGINX_USER
daemon off;
worker_processes auto;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  types { application/json json; application/octet-stream bin; }
  default_type application/octet-stream;
  client_body_temp_path $dir/temp/body;
  proxy_temp_path $dir/temp/proxy;
  fastcgi_temp_path $dir/temp/fastcgi;
  uwsgi_temp_path $dir/temp/uwsgi;
  scgi_temp_path $dir/temp/scgi;
$2
}
EOF
}

write_nginx_conf origin "
  server {
    listen 127.0.0.1:$ORIGIN_PORT;
    root $WWW;
  }"

# The usual production reverse proxy: HTTP/1.1 keep-alive to the origin, the X-Forwarded headers
# the gateway also adds, and responses passed through memory buffers (never a temp file).
write_nginx_conf proxy "
  upstream origin {
    server 127.0.0.1:$ORIGIN_PORT;
    keepalive 64;
  }
  server {
    listen 127.0.0.1:$PROXY_PORT;
    location / {
      proxy_pass http://origin;
      proxy_http_version 1.1;
      proxy_set_header Connection \"\";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_buffers 16 64k;
      proxy_max_temp_file_size 0;
    }
  }"

start_nginx() {
  local dir="$STATE/nginx-$1" port="$2" i
  nginx -t -q -p "$dir/" -c "$dir/nginx.conf" -e "$dir/error.log" 2>"$dir/check.log" \
    || { cat "$dir/check.log" >&2; die "nginx refused the $1 configuration ($dir/nginx.conf)"; }
  nginx -p "$dir/" -c "$dir/nginx.conf" -e "$dir/error.log" >"$dir/stdout.log" 2>&1 &
  NGINX_PIDS+=($!)
  for ((i = 0; i < 100; i++)); do
    port_answers "$port" && return
    kill -0 "${NGINX_PIDS[-1]}" 2>/dev/null || break
    sleep 0.1
  done
  cat "$dir/error.log" "$dir/stdout.log" >&2 2>/dev/null || true
  die "nginx as $1 did not start on 127.0.0.1:$port"
}

say "state in $STATE"
start_nginx origin "$ORIGIN_PORT"
start_nginx proxy "$PROXY_PORT"
expect_ok "$ORIGIN_PORT" /small.json "nginx as origin"
expect_ok "$PROXY_PORT" /small.json "nginx as reverse proxy"
say "nginx: origin on 127.0.0.1:$ORIGIN_PORT, reverse proxy on 127.0.0.1:$PROXY_PORT"

# ---------------------------------------------------------------- the gateway

GATEWAY_CONFIG="$STATE/gateway/config.toml"
mkdir -p "$STATE/gateway/pipelines" "$STATE/gateway/storage"
cat > "$GATEWAY_CONFIG" <<EOF
# harmony bench http: the gateway under test. Written by src/bench/http-bench.sh.
[proxy]
id = "harmony-bench"
log_level = "info"
pipelines_path = "pipelines"

[network.bench.http]
bind_address = "127.0.0.1"
bind_port = $GATEWAY_PORT

[network.management.http]
bind_address = "127.0.0.1"
bind_port = $MANAGEMENT_PORT

[management]
enabled = true
base_path = "admin"
network = "management"

[logging]
log_to_file = false

[storage]
backend = "filesystem"

[storage.options]
path = "storage"
EOF
cat > "$STATE/gateway/pipelines/bench.toml" <<EOF
# /api/... goes to the nginx origin (HTTP passthrough); /echo answers without backend I/O.

[pipelines.passthrough]
description = "HTTP passthrough to the bench's nginx origin"
networks = ["bench"]
endpoints = ["api"]
backends = ["origin"]

[endpoints.api]
service = "http"
path_prefix = "/api"

[backends.origin]
service = "http"
base_url = "http://127.0.0.1:$ORIGIN_PORT"

[pipelines.echo]
description = "Echo: no backend I/O"
networks = ["bench"]
endpoints = ["echo_http"]
backends = ["echo_backend"]

[endpoints.echo_http]
service = "http"
path_prefix = "/echo"

[backends.echo_backend]
service = "echo"
EOF

start_gateway "$GATEWAY_CONFIG" "$STATE/gateway.log" "$STARTUP_TIMEOUT"
expect_ok "$GATEWAY_PORT" /api/small.json "the gateway's passthrough" X-Exchange-Id
expect_ok "$GATEWAY_PORT" /echo/small.json "the gateway's echo pipeline" X-Exchange-Id
say "gateway ready on 127.0.0.1:$GATEWAY_PORT after ${WAITED} s (management on 127.0.0.1:$MANAGEMENT_PORT)"

# ---------------------------------------------------------------- wrk runs

mkdir -p "$STATE/wrk"
declare -A RESULT   # "<case>.<target>.<figure>" -> number
NOTES=()

# run_wrk SECONDS OUTPUT WRK-ARGS...: wrk in the background, so that a signal ends the bench at
# once instead of after the run; `timeout` bounds it even if wrk hangs.
run_wrk() {
  local seconds="$1" out="$2" status=0
  shift 2
  timeout $((seconds + 30)) wrk "$@" >"$out" 2>&1 &
  WRK_PID=$!
  wait "$WRK_PID" || status=$?
  WRK_PID=""
  return "$status"
}

# measure CASE TARGET THREADS CONNECTIONS URL: a warm-up run, then the measured run; its figures
# (from wrk's done() hook, report.lua) go into RESULT.
measure() {
  local case="$1" target="$2" threads="$3" connections="$4" url="$5" out line
  out="$STATE/wrk/$case-$target"
  say "$case, $target: ${WARMUP} s warm-up, ${DURATION} s measured, $connections conn: $url"
  run_wrk "$WARMUP" "$out.warmup.txt" -t"$threads" -c"$connections" -d"${WARMUP}s" "$url" \
    || die "wrk failed (warm-up of $case, $target): $(tail -n 3 "$out.warmup.txt")"
  if [[ "$target" == gateway ]]; then
    await_jit "$GATEWAY_CONFIG" 120
    JIT_QUEUE+=("$case $(jit_queue "$GATEWAY_CONFIG")")
  fi
  run_wrk "$DURATION" "$out.txt" -t"$threads" -c"$connections" -d"${DURATION}s" --latency \
      -s "$BENCH_DIR/report.lua" "$url" \
    || die "wrk failed ($case, $target): $(tail -n 3 "$out.txt")"
  line="$(grep '^harmony-bench ' "$out.txt")" || die "no figures in $out.txt"
  local kv key value
  for kv in ${line#harmony-bench }; do
    key="${kv%%=*}" value="${kv#*=}"
    RESULT["$case.$target.$key"]="$value"
  done
  RESULT["$case.$target.rps"]="$(awk -v n="${RESULT[$case.$target.requests]}" \
      -v us="${RESULT[$case.$target.duration_us]}" 'BEGIN { printf "%.1f", n / (us / 1e6) }')"
  RESULT["$case.$target.mibps"]="$(awk -v b="${RESULT[$case.$target.bytes]}" \
      -v us="${RESULT[$case.$target.duration_us]}" 'BEGIN { printf "%.1f", b / (us / 1e6) / 1048576 }')"
  local errors="${RESULT[$case.$target.connect]} connect, ${RESULT[$case.$target.read]} read, ${RESULT[$case.$target.write]} write, ${RESULT[$case.$target.timeout]} timeout"
  if [[ "${RESULT[$case.$target.non2xx]}" != 0 || "$errors" != "0 connect, 0 read, 0 write, 0 timeout" ]]; then
    NOTES+=("$case, $target: ${RESULT[$case.$target.non2xx]} non-2xx/3xx responses; socket errors: $errors")
  fi
}

ORIGIN="http://127.0.0.1:$ORIGIN_PORT"
PROXY="http://127.0.0.1:$PROXY_PORT"
GATEWAY="http://127.0.0.1:$GATEWAY_PORT"

# The gateway's JVM compiles its hot paths while it serves: just after startup its C2 compiler
# has a couple of thousand methods queued and takes a core of its own for minutes, so a run then
# measures the JIT, not the gateway (nginx has no such phase). Each gateway URL the cases use is
# loaded first, then (and after each gateway warm-up run) the bench waits, with no load, for the
# compiler to work its queue down (await_jit), and the queue before each measured gateway run is printed.
JIT_QUEUE=()
JIT_URLS=()
{ wants small || wants latency; } && JIT_URLS+=("$CONNECTIONS $GATEWAY/api/small.json")
wants large && JIT_URLS+=("$LARGE_CONNECTIONS $GATEWAY/api/1mib.bin")
wants echo && JIT_URLS+=("$CONNECTIONS $GATEWAY/echo/small.json")

runs=0
for c in small large latency echo; do
  wants "$c" || continue
  case "$c" in echo) runs=$((runs + 1)) ;; *) runs=$((runs + 3)) ;; esac
done
say "${#JIT_URLS[@]} JIT warm-ups of $JIT_WARMUP s, then $runs runs of $((WARMUP + DURATION)) s: about $(((${#JIT_URLS[@]} * JIT_WARMUP + runs * (WARMUP + DURATION) + 59) / 60)) min"
for u in "${JIT_URLS[@]}"; do
  say "JIT warm-up of the gateway: ${JIT_WARMUP} s, ${u%% *} conn: ${u#* } (compile queue: $(jit_queue "$GATEWAY_CONFIG"))"
  run_wrk "$JIT_WARMUP" "$STATE/wrk/jit-warmup.txt" -t"$THREADS" -c"${u%% *}" -d"${JIT_WARMUP}s" "${u#* }" \
    || die "wrk failed (JIT warm-up of the gateway): $(tail -n 3 "$STATE/wrk/jit-warmup.txt")"
done

START_TIME="$(date -u '+%Y-%m-%d %H:%M UTC')"
if wants small; then
  measure small origin "$THREADS" "$CONNECTIONS" "$ORIGIN/small.json"
  measure small proxy "$THREADS" "$CONNECTIONS" "$PROXY/small.json"
  measure small gateway "$THREADS" "$CONNECTIONS" "$GATEWAY/api/small.json"
fi
if wants large; then
  measure large origin "$THREADS" "$LARGE_CONNECTIONS" "$ORIGIN/1mib.bin"
  measure large proxy "$THREADS" "$LARGE_CONNECTIONS" "$PROXY/1mib.bin"
  measure large gateway "$THREADS" "$LARGE_CONNECTIONS" "$GATEWAY/api/1mib.bin"
fi
if wants latency; then
  # wrk needs at least one connection per thread: one connection, one thread.
  measure latency origin 1 1 "$ORIGIN/small.json"
  measure latency proxy 1 1 "$PROXY/small.json"
  measure latency gateway 1 1 "$GATEWAY/api/small.json"
fi
if wants echo; then
  measure echo gateway "$THREADS" "$CONNECTIONS" "$GATEWAY/echo/small.json"
fi

# ---------------------------------------------------------------- the table

# group 12345.6 -> 12,346
group() {
  local s r=""
  s="$(printf '%.0f' "$1")"
  while ((${#s} > 3)); do r=",${s: -3}$r"; s="${s:0:${#s}-3}"; done
  echo "$s$r"
}
ms() { awk -v us="$1" 'BEGIN { printf "%.3f", us / 1000 }'; }
# two decimals, three below 0.1 (so that a small ratio does not print as 0.00x)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { r = (b > 0 ? a / b : 0); printf (r < 0.1 ? "%.3fx" : "%.2fx"), r }'; }
added() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%+.3f ms", (a - b) / 1000 }'; }
# verdict ACTUAL OP GOAL: "met" or "not met" (printed, never enforced).
verdict() { awk -v a="$1" -v g="$3" -v op="$2" 'BEGIN { ok = (op == ">=" ? a >= g : a <= g); print (ok ? "met" : "not met") }'; }

ROWS=()
row() { ROWS+=("$(printf '%s\t' "$@")"); }
row "case" "origin direct" "nginx proxy" "gateway" "gateway vs" "goal (printed, not enforced)"
if wants small; then
  o="${RESULT[small.origin.rps]}" p="${RESULT[small.proxy.rps]}" g="${RESULT[small.gateway.rps]}"
  r="$(awk -v a="$g" -v b="$p" 'BEGIN { print (b > 0 ? a / b : 0) }')"
  row "small JSON, $CONNECTIONS conn (req/s)" "$(group "$o")" "$(group "$p")" "$(group "$g")" \
      "$(ratio "$g" "$p") proxy" ">= 0.50x proxy: $(verdict "$r" ">=" 0.5)"
fi
if wants large; then
  o="${RESULT[large.origin.mibps]}" p="${RESULT[large.proxy.mibps]}" g="${RESULT[large.gateway.mibps]}"
  r="$(awk -v a="$g" -v b="$p" 'BEGIN { print (b > 0 ? a / b : 0) }')"
  row "1 MiB, $LARGE_CONNECTIONS conn (MiB/s)" "$(group "$o")" "$(group "$p")" "$(group "$g")" \
      "$(ratio "$g" "$p") proxy" ">= 0.80x proxy: $(verdict "$r" ">=" 0.8)"
fi
if wants latency; then
  o="${RESULT[latency.origin.p50_us]}" p="${RESULT[latency.proxy.p50_us]}" g="${RESULT[latency.gateway.p50_us]}"
  row "1 conn, median latency (ms)" "$(ms "$o")" "$(ms "$p")" "$(ms "$g")" \
      "$(added "$g" "$o") over direct" "<= +1 ms: $(verdict "$((g - o))" "<=" 1000)"
  o="${RESULT[latency.origin.mean_us]}" p="${RESULT[latency.proxy.mean_us]}" g="${RESULT[latency.gateway.mean_us]}"
  row "1 conn, mean latency (ms)" "$(ms "$o")" "$(ms "$p")" "$(ms "$g")" "$(added "$g" "$o") over direct" "-"
  o="${RESULT[latency.origin.p99_us]}" p="${RESULT[latency.proxy.p99_us]}" g="${RESULT[latency.gateway.p99_us]}"
  row "1 conn, p99 latency (ms)" "$(ms "$o")" "$(ms "$p")" "$(ms "$g")" "$(added "$g" "$o") over direct" "-"
fi
if wants echo; then
  g="${RESULT[echo.gateway.rps]}"
  row "echo, $CONNECTIONS conn (req/s)" "-" "-" "$(group "$g")" "-" ">= 10,000 req/s: $(verdict "$g" ">=" 10000)"
fi

WIDTHS=()
for r in "${ROWS[@]}"; do
  IFS=$'\t' read -r -a cells <<<"$r"
  for i in "${!cells[@]}"; do
    ((${#cells[i]} > ${WIDTHS[i]:-0})) && WIDTHS[i]=${#cells[i]}
  done
done
print_row() {
  local i cells
  IFS=$'\t' read -r -a cells <<<"$1"
  printf '%-*s' "${WIDTHS[0]}" "${cells[0]}"
  for i in 1 2 3; do printf '  %*s' "${WIDTHS[i]}" "${cells[i]}"; done
  printf '  %-*s  %s\n' "${WIDTHS[4]}" "${cells[4]}" "${cells[5]}"
}

cpu="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)"
echo
echo "Harmony EE, HTTP bench, $START_TIME"
echo "  $(nproc) cores${cpu:+ ($cpu)}; $(nginx -v 2>&1 | sed 's/^nginx version: //'); $(wrk -v 2>&1 | head -n 1 | awk '{ print "wrk " $2 }'); $(java -version 2>&1 | head -n 1)"
echo "  wrk -t$THREADS (1-conn case: -t1), ${WARMUP} s warm-up + ${DURATION} s per run, all on 127.0.0.1${HARMONY_JAVA_OPTS:+; HARMONY_JAVA_OPTS=$HARMONY_JAVA_OPTS}"
echo "  load average (1, 5, 15 min) before the bench: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
echo "  gateway: ${JIT_WARMUP} s JIT warm-up per URL; methods queued for compilation before its measured runs: $(IFS=,; echo "${JIT_QUEUE[*]}" | sed 's/,/, /g')"
$SMOKE && echo "  smoke run: these figures check that the bench works; they are not measurements"
echo
print_row "${ROWS[0]}"
for ((i = 1; i < ${#ROWS[@]}; i++)); do print_row "${ROWS[i]}"; done
if [[ ${#NOTES[@]} -gt 0 ]]; then
  echo
  echo "Errors during the runs (their figures count these responses):"
  for n in "${NOTES[@]}"; do echo "  - $n"; done
  if $KEEP; then echo "  wrk's output: $STATE/wrk/"; else echo "  (--keep keeps wrk's output)"; fi
fi
