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
# shellcheck source=dicom-common.sh
source "$ROOT/src/bench/dicom-common.sh"

usage() {
  cat <<'EOF'
usage: ./harmony bench jmix [OPTIONS]

  --rounds N   measured rounds of the three builds (getscu + zip, the gateway, the gateway without hashing; default 10)
  --warmup N   unmeasured rounds first (default 3)
  --smoke      1 warm-up round and 2 rounds: checks that the bench works, measures nothing
  --keep       keep the state directory (configs, logs, dcmqrscp's database) afterwards

Needs DCMTK, zip and curl (apt-get install dcmtk zip curl) and, the first time, what makes the
test dataset in target/test-dataset (python3-pydicom python3-numpy imagemagick). Everything
listens on 127.0.0.1, on free ports. HARMONY_JAVA_OPTS reaches the gateway's JVM. See docs/benchmarks.md.
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

require_tools "dcmtk zip curl" dcmqrscp echoscu getscu storescu zip curl

ensure_dataset
read -r STUDY_UID STUDY_INSTANCES STUDY_BYTES <<<"$(manifest largest)"

bench_state jmix
free_port HTTP_PORT
say "state in $STATE"

start_loaded_dcmqrscp

write_http_gateway jmix "$HTTP_PORT"
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
HARMONY_STATE_DIR="$STATE/gateway/state" start_gateway "$GATEWAY_CONFIG" "$STATE/gateway.log" "$STARTUP_TIMEOUT"
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
