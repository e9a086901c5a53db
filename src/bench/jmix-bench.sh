#!/usr/bin/env bash
# ./harmony bench jmix: the JMIX package of the test dataset's largest study, built by the gateway
# (C-GET from DCMTK's dcmqrscp, zipped and hashed as the instances arrive, downloaded with curl)
# against what a user would do by hand: getscu of the study into a folder, then `zip -r` of it.
# Alternating rounds; prints one table of median times, the ratio and the goal of
# docs/benchmarks.md, and the hashing throughput (the same build with and without hashing).
# It prints figures and never fails on them: the exit status is 0 unless the bench could not run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=common.sh
source "$ROOT/src/bench/common.sh"

usage() {
  cat <<'EOF'
usage: ./harmony bench jmix [OPTIONS]

  --rounds N   measured rounds of the three builds (getscu + zip, the gateway, the gateway without hashing; default 10)
  --warmup N   unmeasured rounds first (default 3)
  --smoke      1 warm-up round and 2 rounds: checks that the bench works, measures nothing
  --keep       keep the state directory (configs, logs, dcmqrscp's database) afterwards

Needs DCMTK, zip and curl (apt-get install dcmtk zip curl) and the test dataset in
target/test-dataset (made by the tests or `./harmony bench dicom`). Everything listens on
127.0.0.1, on free ports. HARMONY_JAVA_OPTS reaches the gateway's JVM. See docs/benchmarks.md.
EOF
}

ROUNDS=10 WARMUP=3 SMOKE=false KEEP=false
STARTUP_TIMEOUT=300
CALL_TIMEOUT=120

while [[ $# -gt 0 ]]; do
  case "$1" in
    --smoke) SMOKE=true; ROUNDS=2; WARMUP=1; shift ;;
    --keep) KEEP=true; shift ;;
    -h|--help) usage; exit 0 ;;
    --rounds=*) ROUNDS="${1#*=}"; shift ;;
    --rounds) [[ $# -ge 2 ]] || die "--rounds needs a value"; ROUNDS="$2"; shift 2 ;;
    --warmup=*) WARMUP="${1#*=}"; shift ;;
    --warmup) [[ $# -ge 2 ]] || die "--warmup needs a value"; WARMUP="$2"; shift 2 ;;
    *) usage >&2; die "unknown option '$1'" ;;
  esac
done
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || die "--rounds needs a positive whole number, got '$ROUNDS'"
[[ "$WARMUP" =~ ^[0-9]+$ ]] || die "--warmup needs a whole number, got '$WARMUP'"

for tool in dcmqrscp echoscu getscu storescu zip curl; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is required: apt-get install dcmtk zip curl"
done
export TCP_NODELAY=1
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"

DATASET="$ROOT/target/test-dataset"
[[ -f "$DATASET/manifest.json" ]] || die "no test dataset in $DATASET: run the tests or ./harmony bench dicom once"
# The study of the dataset with the most bytes: "UID INSTANCES BYTES", and its files by transfer syntax.
read -r STUDY_UID STUDY_INSTANCES STUDY_BYTES <<<"$(/usr/bin/python3 - "$DATASET" <<'PY'
import json, os, sys
dataset = sys.argv[1]
studies = {}
for e in json.load(open(os.path.join(dataset, "manifest.json"))):
    count, size = studies.get(e["StudyInstanceUID"], (0, 0))
    studies[e["StudyInstanceUID"]] = (count + 1, size + os.path.getsize(os.path.join(dataset, e["path"])))
uid, (count, size) = max(studies.items(), key=lambda item: item[1][1])
print(uid, count, size)
PY
)"

STATE="$(mktemp -d "${TMPDIR:-/tmp}/harmony-bench-jmix.XXXXXX")"
QR_PID="" GATEWAY_PID="" CALL_PID=""
cleanup() {
  local status=$?
  trap - EXIT
  trap '' INT TERM
  [[ -n "$CALL_PID" ]] && stop "$CALL_PID" "a call" 5
  [[ -n "$GATEWAY_PID" ]] && stop "$GATEWAY_PID" "the gateway" 60
  [[ -n "$QR_PID" ]] && stop "$QR_PID" "dcmqrscp" 10
  if [[ $status -eq 0 && $KEEP == false ]]; then rm -rf "$STATE"; else say "configs and logs are in $STATE"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

call() {
  local log="$1" status=0
  shift
  timeout "$CALL_TIMEOUT" "$@" >"$log" 2>&1 &
  CALL_PID=$!
  wait "$CALL_PID" || status=$?
  CALL_PID=""
  return "$status"
}

free_port QR_PORT; free_port HTTP_PORT
QR_AET="DCMQRSCP"
say "state in $STATE"

# dcmqrscp, loaded with the dataset (every file in its own transfer syntax: +xy accepts them all).
mkdir -p "$STATE/dcmqrscp/db/$QR_AET"
cat > "$STATE/dcmqrscp/dcmqrscp.cfg" <<EOF
NetworkTCPPort  = $QR_PORT
MaxPDUSize      = 16384
MaxAssociations = 64
HostTable BEGIN
HostTable END
VendorTable BEGIN
VendorTable END
AETable BEGIN
$QR_AET $STATE/dcmqrscp/db/$QR_AET RW (500, 1024mb) ANY
AETable END
EOF
dcmqrscp -c "$STATE/dcmqrscp/dcmqrscp.cfg" +xy +U8 "$QR_PORT" >"$STATE/dcmqrscp/dcmqrscp.log" 2>&1 &
QR_PID=$!
for ((i = 0; i < 100; i++)); do
  echoscu -q -to 2 -aet BENCH_SCU -aec "$QR_AET" 127.0.0.1 "$QR_PORT" >/dev/null 2>&1 && break
  kill -0 "$QR_PID" 2>/dev/null || die "dcmqrscp ended: $(tail -n 5 "$STATE/dcmqrscp/dcmqrscp.log")"
  sleep 0.2
done
# Each file in its own transfer syntax: storescu proposes exactly that one.
loaded=0
for spec in 1.2.840.10008.1.2:-xi 1.2.840.10008.1.2.1:-xe 1.2.840.10008.1.2.4.50:-xy; do
  mapfile -t files < <(/usr/bin/python3 -c 'import json, os, sys
for e in json.load(open(os.path.join(sys.argv[1], "manifest.json"))):
    if e["TransferSyntaxUID"] == sys.argv[2]:
        print(os.path.join(sys.argv[1], e["path"]))' "$DATASET" "${spec%%:*}")
  [[ ${#files[@]} -eq 0 ]] && continue
  call "$STATE/load-${spec%%:*}.log" storescu -R "${spec##*:}" -aet BENCH_SCU -aec "$QR_AET" 127.0.0.1 "$QR_PORT" \
      "${files[@]}" || die "storescu could not load dcmqrscp (log: $STATE/load-${spec%%:*}.log)"
  loaded=$((loaded + ${#files[@]}))
done
say "dcmqrscp on 127.0.0.1:$QR_PORT loaded with $loaded instances"

mkdir -p "$STATE/gateway/pipelines"
cat > "$STATE/gateway/config.toml" <<EOF
# harmony bench jmix: the gateway under test. Written by src/bench/jmix-bench.sh.
[proxy]
id = "harmony-bench-jmix"
log_level = "info"
pipelines_path = "pipelines"

[network.default.http]
bind_address = "127.0.0.1"
bind_port = $HTTP_PORT

[logging]
log_to_file = false

[storage.options]
path = "storage"
EOF
cat > "$STATE/gateway/pipelines/jmix.toml" <<EOF
[pipelines.jmix]
networks = ["default"]
endpoints = ["jmix_http"]
middleware = ["builder"]
backends = ["dcmqrscp"]

[endpoints.jmix_http]
service = "jmix"
path_prefix = "/jmix"

[middleware.builder]
type = "jmix_builder"

[backends.dcmqrscp]
service = "dicom"
aet = "$QR_AET"
host = "127.0.0.1"
port = $QR_PORT
local_aet = "HARMONY_BENCH"
EOF
STORE="$STATE/gateway/storage/jmix-store"
HARMONY_STATE_DIR="$STATE/gateway/state" start_gateway "$STATE/gateway/config.toml" "$STATE/gateway.log" "$STARTUP_TIMEOUT"
say "gateway ready on 127.0.0.1:$HTTP_PORT after ${WAITED} s"

declare -A TIMES

# measure PATH: one timed build of the study's package, checked (a figure never times a failure).
measure() {
  local path="$1" log="$STATE/last-call.log" out="$STATE/out" start ms count
  rm -rf "$out" "$STORE"/*.zip; mkdir -p "$out"
  start="$EPOCHREALTIME"
  case "$path" in
    by_hand)
      mkdir -p "$out/study"
      call "$log" getscu -S -aet BENCH_SCU -aec "$QR_AET" -k QueryRetrieveLevel=STUDY -k "StudyInstanceUID=$STUDY_UID" \
          -od "$out/study" 127.0.0.1 "$QR_PORT" || die "getscu failed: $(tail -n 3 "$log")"
      (cd "$out" && zip -qr study.zip study) || die "zip failed"
      ;;
    gateway|gateway_unhashed)
      local query="studyInstanceUid=$STUDY_UID"
      [[ "$path" == gateway_unhashed ]] && query+="&skip_hashing=true"
      call "$log" curl -sS -f -o "$out/study.zip" "http://127.0.0.1:$HTTP_PORT/jmix/api/jmix?$query" \
        || die "the gateway's build failed: $(tail -n 3 "$log")"
      ;;
  esac
  ms="$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", (b - a) * 1000 }')"
  count="$(/usr/bin/python3 -c 'import sys, zipfile
print(sum(name.startswith(("payload/dicom/", "study/")) and not name.endswith("/")
          for name in zipfile.ZipFile(sys.argv[1]).namelist()))' "$out/study.zip")"
  [[ "$count" == "$STUDY_INSTANCES" ]] || die "$path: the zip holds $count instances instead of $STUDY_INSTANCES"
  ((round > WARMUP)) && TIMES["$path"]+="$ms "
  return 0
}

MB="$(awk -v b="$STUDY_BYTES" 'BEGIN { printf "%.1f", b / 1e6 }')"
say "$WARMUP warm-up and $ROUNDS measured rounds: the $STUDY_INSTANCES-instance study ($MB MB) as a zip, three ways"
START_TIME="$(date -u '+%Y-%m-%d %H:%M UTC')"
for ((round = 1; round <= WARMUP + ROUNDS; round++)); do
  if ((round % 2)); then order="by_hand gateway gateway_unhashed"; else order="gateway_unhashed gateway by_hand"; fi
  for path in $order; do measure "$path"; done
done

median() { tr ' ' '\n' <<<"$1" | sed '/^$/d' | sort -n | awk '{ v[NR] = $1 }
  END { printf "%.1f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
hand="$(median "${TIMES[by_hand]}")" built="$(median "${TIMES[gateway]}")" unhashed="$(median "${TIMES[gateway_unhashed]}")"

cpu="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)"
echo
echo "Harmony EE, JMIX bench, $START_TIME"
echo "  $(nproc) cores${cpu:+ ($cpu)}; DCMTK $(dcmqrscp --version 2>&1 | sed -n '1s/.*v\([0-9][0-9.]*\).*/\1/p'); $(java -version 2>&1 | head -n 1)"
echo "  $WARMUP warm-up and $ROUNDS measured rounds, median of each; all on 127.0.0.1${HARMONY_JAVA_OPTS:+; HARMONY_JAVA_OPTS=$HARMONY_JAVA_OPTS}"
echo "  load average (1, 5, 15 min) before the bench: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
$SMOKE && echo "  smoke run: these figures check that the bench works; they are not measurements"
echo
printf '%-58s  %9s  %6s  %s\n' "The $STUDY_INSTANCES-instance study ($MB MB) as a zip" "time (ms)" "ratio" "goal"
printf '%-58s  %9s  %6s  %s\n' "getscu into a folder, then zip -r" "$hand" "1.00x" ""
ratio="$(awk -v h="$hand" -v g="$built" 'BEGIN { printf "%.2f", g / h }')"
verdict="$(awk -v r="$ratio" 'BEGIN { print (r <= 1.2 ? "<= 1.2x: met" : "<= 1.2x: NOT met") }')"
printf '%-58s  %9s  %5sx  %s\n' "gateway: C-GET, zipped and SHA-256 hashed as it arrives" "$built" "$ratio" "$verdict"
printf '%-58s  %9s  %5sx  %s\n' "gateway, skip_hashing=true" "$unhashed" \
    "$(awk -v h="$hand" -v g="$unhashed" 'BEGIN { printf "%.2f", g / h }')" ""
# Each instance's bytes pass two digests (the file's and the payload's): hashing costs the difference.
# A difference under 5% of the build is within these rounds' noise: no figure is claimed from it.
awk -v b="$STUDY_BYTES" -v h="$built" -v u="$unhashed" 'BEGIN {
  d = h - u
  if (d > 0.05 * h) printf "hashing: %.1f ms more for %.1f MB hashed twice: %.0f MB/s of SHA-256 (goal >= 400 MB/s)\n", d, b / 1e6, 2 * b / 1e6 / (d / 1000)
  else printf "hashing: the builds with and without it differ by %.1f ms, within the noise (5%% of %.1f ms): at least %.0f MB/s of SHA-256 (goal >= 400 MB/s)\n", d, h, 2 * b / 1e6 / (0.05 * h / 1000)
}'
