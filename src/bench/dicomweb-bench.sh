#!/usr/bin/env bash
# ./harmony bench dicomweb: Orthanc's own DICOMweb (its orthanc-dicomweb plugin) against the
# gateway's DICOMweb bridge in front of the same Orthanc's DIMSE port, on the same data (the test
# dataset and a generated 100-instance series), in alternating rounds: WADO-RS of the 46-instance
# study (the whole multipart body read), QIDO-RS of all studies, and the time to the first part of
# the 100-instance series. Prints one table of median times, the gateway's ratio and the goals of
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
usage: ./harmony bench dicomweb [OPTIONS]

  --rounds N   measured rounds of the six calls (three cases, at Orthanc and through the gateway; default 10)
  --warmup N   unmeasured rounds first (default 3)
  --jit-warmup S
               after the gateway starts, seconds of the three cases through it before any round,
               so that its JIT compiler has caught up (default 30)
  --pooled N   the gateway backend's max_pooled_associations (default 4; 0 opens an association per request)
  --smoke      1 warm-up round and 2 rounds: checks that the bench works, measures nothing
  --keep       keep the state directory (configs, logs, Orthanc's storage) afterwards

Needs Orthanc with its DICOMweb plugin, curl and DCMTK (apt-get install orthanc orthanc-dicomweb
curl dcmtk) and, the first time, what makes the test dataset in target/test-dataset
(python3-pydicom python3-numpy imagemagick). Everything listens on 127.0.0.1, on free ports.
HARMONY_JAVA_OPTS reaches the gateway's JVM. See docs/benchmarks.md.
EOF
}

ROUNDS=10 WARMUP=3 JIT_WARMUP=30 SMOKE=false KEEP=false POOLED=4
STARTUP_TIMEOUT=300   # seconds for the gateway to say it is ready (a cold start takes ~10-40 s)
CALL_TIMEOUT=120      # seconds for any one call
SERIES_INSTANCES=100
ORTHANC="/usr/sbin/Orthanc"
DICOMWEB_PLUGIN="/usr/share/orthanc/plugins/libOrthancDicomWeb.so"
RETRIEVE='multipart/related; type="application/dicom"; transfer-syntax=*'

round_options "$@"

[[ -x "$ORTHANC" ]] || die "$ORTHANC is required: apt-get install orthanc"
[[ -r "$DICOMWEB_PLUGIN" ]] || die "$DICOMWEB_PLUGIN is required: apt-get install orthanc-dicomweb"
require_tools "curl dcmtk python3 openjdk-17-jdk" curl echoscu python3 java

# ---------------------------------------------------------------- the data

ensure_dataset
DATASET_STUDIES="$(manifest studies)"
STUDIES=$((DATASET_STUDIES + 1))   # and the generated series' study
read -r STUDY_UID STUDY_INSTANCES STUDY_BYTES <<<"$(manifest largest)"

bench_state dicomweb
say "state in $STATE"

# A series of SERIES_INSTANCES CT slices in a study of its own: the dataset's first native CT
# instance with new UIDs and instance numbers (pixel data as is, 512 x 512 x 16 bits).
SERIES_FOLDER="$STATE/series"
read -r SERIES_STUDY_UID SERIES_UID <<<"$(/usr/bin/python3 - "$DATASET" "$SERIES_FOLDER" "$SERIES_INSTANCES" <<'PY'
import json, os, sys
import pydicom
from pydicom.uid import generate_uid
dataset, folder, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
entries = json.load(open(os.path.join(dataset, "manifest.json")))
source = next(e for e in entries if e["Modality"] == "CT" and e["TransferSyntaxUID"] == "1.2.840.10008.1.2.1")
instance = pydicom.dcmread(os.path.join(dataset, source["path"]))
study, series = generate_uid(), generate_uid()
os.makedirs(folder)
for n in range(1, count + 1):
    uid = generate_uid()
    instance.StudyInstanceUID, instance.SeriesInstanceUID, instance.SOPInstanceUID = study, series, uid
    instance.file_meta.MediaStorageSOPInstanceUID = uid
    instance.PatientID, instance.PatientName, instance.AccessionNumber = "BENCH100", "Bench^Series", "BENCH100"
    instance.SeriesNumber, instance.InstanceNumber = 1, n
    instance.save_as(os.path.join(folder, "IM%04d.dcm" % n), write_like_original=False)
print(study, series)
PY
)" || die "could not write the ${SERIES_INSTANCES}-instance series (python3-pydicom)"

# ---------------------------------------------------------------- Orthanc, loaded

free_port ORTHANC_HTTP_PORT; free_port ORTHANC_DICOM_PORT; free_port HTTP_PORT
GATEWAY_AET="HARMONY_BENCH"
mkdir -p "$STATE/orthanc/storage" "$STATE/orthanc/tmp"
cat > "$STATE/orthanc/orthanc.json" <<EOF
{
  "Name" : "harmony-bench-dicomweb",
  "StorageDirectory" : "$STATE/orthanc/storage",
  "IndexDirectory" : "$STATE/orthanc/storage",
  "TemporaryDirectory" : "$STATE/orthanc/tmp",
  "StorageCompression" : false,
  "DefaultEncoding" : "Utf8",
  "Plugins" : [ "$DICOMWEB_PLUGIN" ],
  "DicomWeb" : { "Enable" : true, "Root" : "/dicom-web/" },
  "HttpServerEnabled" : true,
  "HttpPort" : $ORTHANC_HTTP_PORT,
  "RemoteAccessAllowed" : false,
  "AuthenticationEnabled" : false,
  "DicomServerEnabled" : true,
  "DicomAet" : "ORTHANC",
  "DicomPort" : $ORTHANC_DICOM_PORT,
  "DicomCheckCalledAet" : true,
  "DicomAlwaysAllowEcho" : true,
  "DicomCheckModalityHost" : false,
  "DicomModalities" : { "gateway" : { "AET" : "$GATEWAY_AET", "Host" : "127.0.0.1", "Port" : 104 } },
  "DicomAssociationCloseDelay" : 0,
  "SaveJobs" : false
}
EOF
# Orthanc binds every interface for DICOM (it has no bind-address option); its HTTP server stays on loopback.
"$ORTHANC" --logfile="$STATE/orthanc/orthanc.log" "$STATE/orthanc/orthanc.json" >"$STATE/orthanc/orthanc.stdout" 2>&1 &
QR_PID=$!
for ((i = 0; ; i++)); do
  curl -sf -o /dev/null "http://127.0.0.1:$ORTHANC_HTTP_PORT/system" && break
  kill -0 "$QR_PID" 2>/dev/null && ((i < 300)) \
    || { tail -n 20 "$STATE/orthanc/orthanc.log" >&2; die "Orthanc did not answer on 127.0.0.1:$ORTHANC_HTTP_PORT"; }
  sleep 0.2
done
mapfile -t FILES < <(manifest files 1.2.840.10008.1.2; manifest files 1.2.840.10008.1.2.1;
                     manifest files 1.2.840.10008.1.2.4.50; ls "$SERIES_FOLDER"/*.dcm)
for file in "${FILES[@]}"; do
  call "$STATE/load.log" curl -sS -f -o /dev/null --data-binary "@$file" "http://127.0.0.1:$ORTHANC_HTTP_PORT/instances" \
    || die "Orthanc did not store $file: $(tail -n 3 "$STATE/load.log")"
done
say "Orthanc $("$ORTHANC" --version | sed -n '1s/.* \([0-9][0-9.]*\)$/\1/p') on 127.0.0.1:$ORTHANC_HTTP_PORT (DICOM $ORTHANC_DICOM_PORT)," \
    "loaded with ${#FILES[@]} instances"

# ---------------------------------------------------------------- the gateway

write_http_gateway dicomweb "$HTTP_PORT"
cat > "$STATE/gateway/pipelines/dicomweb.toml" <<EOF
# DICOMweb bridged to Orthanc's DIMSE port.
[pipelines.dicomweb]
networks = ["default"]
endpoints = ["web"]
middleware = ["bridge"]
backends = ["orthanc"]

[endpoints.web]
service = "dicomweb"
[endpoints.web.options]
path_prefix = "/dicom-web"

[middleware.bridge]
type = "dicomweb_bridge"

[backends.orthanc]
service = "dicom"
aet = "ORTHANC"
host = "127.0.0.1"
port = $ORTHANC_DICOM_PORT
local_aet = "$GATEWAY_AET"
max_pooled_associations = $POOLED
EOF

HARMONY_STATE_DIR="$STATE/gateway/state" start_gateway "$GATEWAY_CONFIG" "$STATE/gateway.log" "$STARTUP_TIMEOUT"
say "gateway ready on 127.0.0.1:$HTTP_PORT after ${WAITED} s"

declare -A ROOTS=([orthanc]="http://127.0.0.1:$ORTHANC_HTTP_PORT/dicom-web" [gateway]="http://127.0.0.1:$HTTP_PORT/dicom-web")

# ---------------------------------------------------------------- the calls

# Before any figure: each path's retrieval holds every instance of the study as one part.
for path in orthanc gateway; do
  call "$STATE/check.log" curl -sS -f -o "$STATE/study.multipart" -H "Accept: $RETRIEVE" "${ROOTS[$path]}/studies/$STUDY_UID" \
    || die "WADO-RS ($path) failed: $(tail -n 3 "$STATE/check.log")"
  parts="$(LC_ALL=C grep -a -c -i '^content-type: application/dicom' "$STATE/study.multipart" || true)"
  [[ "$parts" == "$STUDY_INSTANCES" ]] || die "WADO-RS ($path) answered $parts parts instead of $STUDY_INSTANCES"
  rm -f "$STATE/study.multipart"
done

declare -A TIMES   # "<case>.<path>" -> space-separated milliseconds

# measure CASE PATH: one timed call (curl's or first-part.py's own clock: from the connection's
# start to the last byte, or to the end of the first part); its answer is checked, so that a figure
# never times a failure.
measure() {
  local case="$1" path="$2" log="$STATE/last-call.log" root="${ROOTS[$2]}" ms size code
  case "$case" in
    wado)
      call "$log" curl -sS -o /dev/null -w '%{http_code} %{size_download} %{time_total}\n' -H "Accept: $RETRIEVE" \
          "$root/studies/$STUDY_UID" || die "WADO-RS ($path) failed: $(tail -n 3 "$log")"
      read -r code size ms < "$log"
      [[ "$code" == 200 ]] && ((size > STUDY_BYTES)) \
        || die "WADO-RS ($path) answered $code with $size bytes, fewer than the study's $STUDY_BYTES"
      ms="$(awk -v s="$ms" 'BEGIN { printf "%.1f", s * 1000 }')"
      ;;
    qido)
      call "$log" curl -sS -o "$STATE/studies.json" -w '%{http_code} %{size_download} %{time_total}\n' \
          -H "Accept: application/dicom+json" "$root/studies" || die "QIDO-RS ($path) failed: $(tail -n 3 "$log")"
      read -r code size ms < "$log"
      local found
      found="$(grep -o '"0020000D"' "$STATE/studies.json" | wc -l)"
      [[ "$code" == 200 && "$found" == "$STUDIES" ]] \
        || die "QIDO-RS ($path) answered $code with $found studies instead of $STUDIES"
      ms="$(awk -v s="$ms" 'BEGIN { printf "%.1f", s * 1000 }')"
      ;;
    first)
      call "$log" /usr/bin/python3 "$ROOT/src/bench/first-part.py" \
          "$root/studies/$SERIES_STUDY_UID/series/$SERIES_UID" "$RETRIEVE" \
        || die "the first part of the series ($path) did not arrive: $(tail -n 3 "$log")"
      read -r ms size < "$log"
      ;;
  esac
  ((round > WARMUP)) && TIMES["$case.$path"]+="$ms "
  return 0
}

CASES="wado qido first"

# The gateway's JVM compiles its hot paths while it serves (see jit_queue in common.sh): its calls
# are repeated for --jit-warmup seconds before the rounds, so that they time the gateway, not its JIT.
round=0
say "JIT warm-up of the gateway: ${JIT_WARMUP} s of the three cases through it (compile queue: $(jit_queue "$GATEWAY_CONFIG"))"
for ((until = SECONDS + JIT_WARMUP; SECONDS < until; )); do
  for case in $CASES; do measure "$case" gateway; done
done
await_jit "$GATEWAY_CONFIG" 120
JIT_QUEUE="$(jit_queue "$GATEWAY_CONFIG")"

MB="$(awk -v b="$STUDY_BYTES" 'BEGIN { printf "%.1f", b / 1e6 }')"
say "$WARMUP warm-up and $ROUNDS measured rounds: WADO-RS of a $STUDY_INSTANCES-instance study ($MB MB)," \
    "QIDO-RS of all $STUDIES studies, the first part of a $SERIES_INSTANCES-instance series; each at Orthanc and through the gateway"
START_TIME="$(date -u '+%Y-%m-%d %H:%M UTC')"
for ((round = 1; round <= WARMUP + ROUNDS; round++)); do
  # Alternate which path goes first, so that neither always meets a cache the other warmed.
  if ((round % 2)); then order="orthanc gateway"; else order="gateway orthanc"; fi
  for case in $CASES; do
    for path in $order; do measure "$case" "$path"; done
  done
done

# ---------------------------------------------------------------- the table

cpu="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)"
echo
echo "Harmony EE, DICOMweb bench, $START_TIME"
echo "  $(nproc) cores${cpu:+ ($cpu)}; Orthanc $("$ORTHANC" --version | sed -n '1s/.* \([0-9][0-9.]*\)$/\1/p')," \
     "DICOMweb plugin $(dpkg-query -W -f='${Version}' orthanc-dicomweb 2>/dev/null || echo '?'); $(java -version 2>&1 | head -n 1)"
echo "  $WARMUP warm-up and $ROUNDS measured rounds, median of each; times from the connection's start (curl's time_total," \
     "first-part.py); all on 127.0.0.1; max_pooled_associations = $POOLED${HARMONY_JAVA_OPTS:+; HARMONY_JAVA_OPTS=$HARMONY_JAVA_OPTS}"
echo "  load average (1, 5, 15 min) before the bench: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
echo "  gateway: ${JIT_WARMUP} s JIT warm-up; methods queued for compilation before the rounds: $JIT_QUEUE"
$SMOKE && echo "  smoke run: these figures check that the bench works; they are not measurements"
echo
printf '%-50s  %12s  %12s  %6s  %s\n' "Call" "Orthanc (ms)" "gateway (ms)" "ratio" "goal"
for case in $CASES; do
  o="$(median "${TIMES[$case.orthanc]}")" g="$(median "${TIMES[$case.gateway]}")"
  ratio="$(awk -v o="$o" -v g="$g" 'BEGIN { printf "%.2f", g / o }')"
  case "$case" in
    wado) what="WADO-RS, study of $STUDY_INSTANCES instances, $MB MB"; goal=1.0 ;;
    qido) what="QIDO-RS, all $STUDIES studies"; goal=1.5 ;;
    first) what="first part of a $SERIES_INSTANCES-instance series"; goal="" ;;
  esac
  verdict=""
  [[ -n "$goal" ]] && verdict="$(awk -v r="$ratio" -v g="$goal" 'BEGIN { printf "<= %.1fx: %s", g, (r <= g ? "met" : "NOT met") }')"
  printf '%-50s  %12s  %12s  %5sx  %s\n' "$what" "$o" "$g" "$ratio" "$verdict"
done
