#!/usr/bin/env bash
# ./harmony bench dicom: DCMTK's findscu and getscu against DCMTK's dcmqrscp (loaded with the
# synthetic test dataset), each called directly and through the gateway's DICOM router, in
# alternating rounds; prints one table of median times, the gateway's ratio and the goal of
# docs/benchmarks.md. It prints figures and never fails on them: the exit status is 0 unless the
# bench itself could not run (a call that fails or returns the wrong answer stops it).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=common.sh
source "$ROOT/src/bench/common.sh"
# shellcheck source=dicom-common.sh
source "$ROOT/src/bench/dicom-common.sh"

usage() {
  cat <<'EOF'
usage: ./harmony bench dicom [OPTIONS]

  --rounds N   measured rounds of the four calls (find and get, direct and through the gateway; default 10)
  --warmup N   unmeasured rounds first (default 3)
  --jit-warmup S
               after the gateway starts, seconds of gateway calls (find and get) before any round,
               so that its JIT compiler has caught up (default 30)
  --pooled N   the gateway backend's max_pooled_associations (default 4; 0 opens an association per request)
  --smoke      1 warm-up round and 2 rounds: checks that the bench works, measures nothing
  --keep       keep the state directory (configs, logs, dcmqrscp's database) afterwards

Needs DCMTK (apt-get install dcmtk) and, the first time, what makes the test dataset in
target/test-dataset (python3-pydicom python3-numpy imagemagick). Everything listens on 127.0.0.1,
on free ports. HARMONY_JAVA_OPTS reaches the gateway's JVM. See docs/benchmarks.md.
EOF
}

ROUNDS=10 WARMUP=3 JIT_WARMUP=30 SMOKE=false KEEP=false POOLED=4
STARTUP_TIMEOUT=300   # seconds for the gateway to say it is ready (a cold start takes ~10-40 s)
CALL_TIMEOUT=120      # seconds for any one DCMTK call

round_options "$@"

require_tools "dcmtk python3 openjdk-17-jdk" dcmqrscp echoscu findscu getscu storescu python3 java

# ---------------------------------------------------------------- the dataset

ensure_dataset
STUDIES="$(manifest studies)"
read -r STUDY_UID STUDY_INSTANCES STUDY_BYTES <<<"$(manifest largest)"

# ---------------------------------------------------------------- processes, cleanup

bench_state dicom

free_port DICOM_PORT; free_port MANAGEMENT_PORT
ROUTER_AET="BENCH_ROUTER"
say "state in $STATE"

# ---------------------------------------------------------------- dcmqrscp, loaded

start_loaded_dcmqrscp

# ---------------------------------------------------------------- the gateway

GATEWAY_CONFIG="$STATE/gateway/config.toml"
mkdir -p "$STATE/gateway/pipelines"
cat > "$GATEWAY_CONFIG" <<EOF
# harmony bench dicom: the gateway under test. Written by src/bench/dicom-bench.sh.
[proxy]
id = "harmony-bench-dicom"
log_level = "info"
pipelines_path = "pipelines"

[network.imaging.dicom]
bind_address = "127.0.0.1"
bind_port = $DICOM_PORT
aet = "$ROUTER_AET"

# An HTTP network, so that "Harmony EE ready" waits for the gateway to answer.
[network.management.http]
bind_address = "127.0.0.1"
bind_port = $MANAGEMENT_PORT

[management]
enabled = true
base_path = "admin"
network = "management"

[logging]
log_to_file = false

[storage.options]
path = "storage"
EOF
cat > "$STATE/gateway/pipelines/router.toml" <<EOF
# Callers of $ROUTER_AET reach dcmqrscp.
[pipelines.dicom_router]
description = "DICOM router to the bench's dcmqrscp"
networks = ["imaging"]
endpoints = ["router_scp"]
backends = ["dcmqrscp"]

[endpoints.router_scp]
service = "dicom"
local_aet = "$ROUTER_AET"

[backends.dcmqrscp]
service = "dicom"
aet = "$QR_AET"
host = "127.0.0.1"
port = $QR_PORT
local_aet = "HARMONY_BENCH"
max_pooled_associations = $POOLED
EOF

# Its server state goes into the state directory: a `./harmony run` of the checkout is not disturbed.
HARMONY_STATE_DIR="$STATE/gateway/state" start_gateway "$GATEWAY_CONFIG" "$STATE/gateway.log" "$STARTUP_TIMEOUT"
await_echo "$ROUTER_AET" "$DICOM_PORT" 60 "$GATEWAY_PID" \
  || { tail -n 30 "$STATE/gateway.log" >&2; die "the gateway's DICOM listener did not answer C-ECHO on 127.0.0.1:$DICOM_PORT"; }
say "gateway ready on 127.0.0.1:$DICOM_PORT as $ROUTER_AET after ${WAITED} s"

# ---------------------------------------------------------------- the rounds

declare -A TIMES   # "<operation>.<path>" -> space-separated milliseconds

# measure OPERATION PATH AET PORT: one timed call (process start included, as a user sees it);
# its answer is checked, so that a figure never times a failure.
measure() {
  local operation="$1" path="$2" aet="$3" port="$4" log="$STATE/last-call.log" start ms out
  start="$EPOCHREALTIME"
  case "$operation" in
    find)
      call "$log" findscu -v -S -aet BENCH_SCU -aec "$aet" -k QueryRetrieveLevel=STUDY -k StudyInstanceUID \
          127.0.0.1 "$port" || die "findscu ($path) failed: $(tail -n 3 "$log")"
      ;;
    get)
      out="$STATE/received"
      rm -rf "$out"; mkdir -p "$out"
      call "$log" getscu -v -S -aet BENCH_SCU -aec "$aet" -k QueryRetrieveLevel=STUDY \
          -k "StudyInstanceUID=$STUDY_UID" -od "$out" 127.0.0.1 "$port" \
        || die "getscu ($path) failed: $(tail -n 3 "$log")"
      ;;
  esac
  ms="$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", (b - a) * 1000 }')"
  case "$operation" in
    find)
      local matches
      matches="$(grep -c 'Find Response.*(Pending)' "$log" || true)"
      [[ "$matches" == "$STUDIES" ]] || die "findscu ($path) found $matches studies instead of $STUDIES (log: $log)"
      ;;
    get)
      local count
      count="$(find "$out" -type f | wc -l)"
      [[ "$count" == "$STUDY_INSTANCES" ]] && grep -q 'Received C-GET Response (Success)' "$log" \
        || die "getscu ($path) received $count instances instead of $STUDY_INSTANCES: $(tail -n 3 "$log")"
      rm -rf "$out"
      ;;
  esac
  ((round > WARMUP)) && TIMES["$operation.$path"]+="$ms "
  return 0
}

# The gateway's JVM compiles its hot paths while it serves (see jit_queue in common.sh): its calls
# are repeated for --jit-warmup seconds before the rounds, so that they time the gateway, not its JIT.
round=0
say "JIT warm-up of the gateway: ${JIT_WARMUP} s of findscu and getscu through it (compile queue: $(jit_queue "$GATEWAY_CONFIG"))"
for ((until = SECONDS + JIT_WARMUP; SECONDS < until; )); do
  measure find gateway "$ROUTER_AET" "$DICOM_PORT"
  measure get gateway "$ROUTER_AET" "$DICOM_PORT"
done
await_jit "$GATEWAY_CONFIG" 120
JIT_QUEUE="$(jit_queue "$GATEWAY_CONFIG")"

say "$WARMUP warm-up and $ROUNDS measured rounds: findscu of all $STUDIES studies and getscu of a $STUDY_INSTANCES-instance study" \
    "($(awk -v b="$STUDY_BYTES" 'BEGIN { printf "%.1f", b / 1e6 }') MB), each direct and through the gateway"
START_TIME="$(date -u '+%Y-%m-%d %H:%M UTC')"
for ((round = 1; round <= WARMUP + ROUNDS; round++)); do
  # Alternate which path goes first, so that neither always meets a cache the other warmed.
  if ((round % 2)); then order="direct gateway"; else order="gateway direct"; fi
  for operation in find get; do
    for path in $order; do
      if [[ "$path" == direct ]]; then
        measure "$operation" direct "$QR_AET" "$QR_PORT"
      else
        measure "$operation" gateway "$ROUTER_AET" "$DICOM_PORT"
      fi
    done
  done
done

# ---------------------------------------------------------------- the table

cpu="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)"
echo
echo "Harmony EE, DICOM bench, $START_TIME"
echo "  $(nproc) cores${cpu:+ ($cpu)}; DCMTK $(dcmqrscp --version 2>&1 | sed -n '1s/.*v\([0-9][0-9.]*\).*/\1/p'); $(java -version 2>&1 | head -n 1)"
echo "  $WARMUP warm-up and $ROUNDS measured rounds, median of each; times include starting the DCMTK tool; all on 127.0.0.1; max_pooled_associations = $POOLED${HARMONY_JAVA_OPTS:+; HARMONY_JAVA_OPTS=$HARMONY_JAVA_OPTS}"
echo "  load average (1, 5, 15 min) before the bench: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
echo "  gateway: ${JIT_WARMUP} s JIT warm-up; methods queued for compilation before the rounds: $JIT_QUEUE"
$SMOKE && echo "  smoke run: these figures check that the bench works; they are not measurements"
echo
printf '%-44s  %11s  %12s  %6s  %s\n' "Call" "direct (ms)" "gateway (ms)" "ratio" "goal"
for operation in find get; do
  d="$(median "${TIMES[$operation.direct]}")" g="$(median "${TIMES[$operation.gateway]}")"
  ratio="$(awk -v d="$d" -v g="$g" 'BEGIN { printf "%.2f", g / d }')"
  verdict="$(awk -v r="$ratio" 'BEGIN { print (r <= 1.2 ? "<= 1.2x: met" : "<= 1.2x: NOT met") }')"
  case "$operation" in
    find) what="findscu, all $STUDIES studies (STUDY level)" ;;
    get) what="getscu, $STUDY_INSTANCES instances, $(awk -v b="$STUDY_BYTES" 'BEGIN { printf "%.1f", b / 1e6 }') MB" ;;
  esac
  printf '%-44s  %11s  %12s  %5sx  %s\n' "$what" "$d" "$g" "$ratio" "$verdict"
done
