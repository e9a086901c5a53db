# Shared by the DICOM benches (sourced after common.sh, not run): the tests' dataset, the state
# directory and its cleanup, bounded DCMTK calls, DCMTK's dcmqrscp loaded with the dataset, medians.
# Expects ROOT, KEEP and CALL_TIMEOUT to be set.

# ensure_dataset: DATASET, the tests' dataset (org.harmonyee.dicom.TestDataset), made once per
# clone into a temporary folder that is then renamed, so that neither the tests nor a bench see
# half of it.
ensure_dataset() {
  local making
  DATASET="$ROOT/target/test-dataset"
  if [[ ! -f "$DATASET/manifest.json" ]]; then
    say "making the test dataset in $DATASET (src/test-tools/make_dataset.py)"
    mkdir -p "$ROOT/target"
    making="$(mktemp -d "$ROOT/target/test-dataset-XXXXXX")"
    /usr/bin/python3 "$ROOT/src/test-tools/make_dataset.py" "$making/dataset" >"$making/generator.log" 2>&1 \
      || { tail -n 20 "$making/generator.log" >&2; rm -rf "$making"
           die "make_dataset.py failed: it needs dcmtk python3-pydicom python3-numpy imagemagick"; }
    mv "$making/dataset" "$DATASET" 2>/dev/null || [[ -f "$DATASET/manifest.json" ]] \
      || die "could not move the dataset into $DATASET"
    rm -rf "$making"
  fi
}

# manifest QUERY: what the manifest says, one answer a line.
#   files TS     the files of that transfer syntax UID
#   studies      the number of studies
#   largest      "UID INSTANCES BYTES" of the study with the most bytes
manifest() {
  /usr/bin/python3 - "$DATASET" "$@" <<'PY'
import json, os, sys
dataset, query = sys.argv[1], sys.argv[2:]
entries = json.load(open(os.path.join(dataset, "manifest.json")))
if query[0] == "files":
    for e in entries:
        if e["TransferSyntaxUID"] == query[1]:
            print(os.path.join(dataset, e["path"]))
elif query[0] == "studies":
    print(len({e["StudyInstanceUID"] for e in entries}))
elif query[0] == "largest":
    studies = {}
    for e in entries:
        count, size = studies.get(e["StudyInstanceUID"], (0, 0))
        studies[e["StudyInstanceUID"]] = (count + 1, size + os.path.getsize(os.path.join(dataset, e["path"])))
    uid, (count, size) = max(studies.items(), key=lambda item: item[1][1])
    print(uid, count, size)
PY
}

# bench_state NAME: STATE, a fresh directory for configs and logs, and the traps that stop what the
# bench started (QR_PID, the PACS; GATEWAY_PID, CALL_PID) and remove STATE, unless --keep or a failure.
bench_state() {
  STATE="$(mktemp -d "${TMPDIR:-/tmp}/harmony-bench-$1.XXXXXX")"
  QR_PID="" GATEWAY_PID="" CALL_PID=""
  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

cleanup() {
  local status=$?
  trap - EXIT
  trap '' INT TERM   # a second Ctrl-C must not cut the cleanup short
  [[ -n "$CALL_PID" ]] && stop "$CALL_PID" "a call" 5
  [[ -n "$GATEWAY_PID" ]] && stop "$GATEWAY_PID" "the gateway" 60
  [[ -n "$QR_PID" ]] && stop "$QR_PID" "the PACS" 10
  if [[ $status -eq 0 && $KEEP == false ]]; then
    rm -rf "$STATE"
  else
    say "configs and logs are in $STATE"
  fi
  exit "$status"
}

# call LOG TOOL ARGS...: one call (DCMTK, curl) in the background (a signal ends the bench at once),
# bounded by `timeout`; its output goes to LOG. Returns the tool's status.
call() {
  local log="$1" status=0
  shift
  timeout "$CALL_TIMEOUT" "$@" >"$log" 2>&1 &
  CALL_PID=$!
  wait "$CALL_PID" || status=$?
  CALL_PID=""
  return "$status"
}

# await_echo AET PORT WHAT SECONDS [PID]: until C-ECHO to AET answers (or PID ends).
await_echo() {
  local i
  for ((i = 0; i < $4 * 5; i++)); do
    echoscu -q -to 2 -aet BENCH_SCU -aec "$1" 127.0.0.1 "$2" >/dev/null 2>&1 && return
    [[ -n "${5:-}" ]] && ! kill -0 "$5" 2>/dev/null && break
    sleep 0.2
  done
  return 1
}

# start_loaded_dcmqrscp: QR_AET, QR_PORT, QR_PID: dcmqrscp in STATE/dcmqrscp on a free port,
# loaded with every instance of DATASET, each stored in its own transfer syntax.
start_loaded_dcmqrscp() {
  free_port QR_PORT
  QR_AET="DCMQRSCP"
  mkdir -p "$STATE/dcmqrscp/db/$QR_AET"
  cat > "$STATE/dcmqrscp/dcmqrscp.cfg" <<EOF
# harmony bench: the PACS. Written by src/bench/dicom-common.sh.
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
  # DCMTK 3.6.7's dcmqrscp has no bind-address option: it listens on every interface.
  dcmqrscp -c "$STATE/dcmqrscp/dcmqrscp.cfg" +xy +U8 "$QR_PORT" >"$STATE/dcmqrscp/dcmqrscp.log" 2>&1 &
  QR_PID=$!
  await_echo "$QR_AET" "$QR_PORT" 20 "$QR_PID" \
    || { tail -n 20 "$STATE/dcmqrscp/dcmqrscp.log" >&2; die "dcmqrscp did not answer C-ECHO on 127.0.0.1:$QR_PORT"; }

  # Each file in its own transfer syntax: storescu proposes exactly that one.
  local loaded=0 spec files
  for spec in 1.2.840.10008.1.2:-xi 1.2.840.10008.1.2.1:-xe 1.2.840.10008.1.2.4.50:-xy; do
    mapfile -t files < <(manifest files "${spec%%:*}")
    [[ ${#files[@]} -eq 0 ]] && continue
    call "$STATE/load-${spec%%:*}.log" storescu -R "${spec##*:}" -aet BENCH_SCU -aec "$QR_AET" 127.0.0.1 "$QR_PORT" \
        "${files[@]}" || die "storescu could not load dcmqrscp (log: $STATE/load-${spec%%:*}.log)"
    loaded=$((loaded + ${#files[@]}))
  done
  say "dcmqrscp on 127.0.0.1:$QR_PORT as $QR_AET, loaded with $loaded instances of $DATASET"
}

# median "N N N ...": the median, one decimal.
median() { tr ' ' '\n' <<<"$1" | sed '/^$/d' | sort -n | awk '{ v[NR] = $1 }
  END { printf "%.1f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# round_options ARGS...: the options of the benches that time calls in rounds (dicom, dicomweb):
# --rounds, --warmup, --jit-warmup, --pooled, --smoke, --keep, -h. Sets ROUNDS, WARMUP, JIT_WARMUP,
# POOLED, SMOKE and KEEP, whose defaults the bench sets first; its `usage` answers -h and a wrong option.
round_options() {
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --smoke) SMOKE=true; ROUNDS=2; WARMUP=1; JIT_WARMUP=1; shift ;;
      --keep) KEEP=true; shift ;;
      -h|--help) usage; exit 0 ;;
      --rounds=*) ROUNDS="${1#*=}"; shift ;;
      --rounds) [[ $# -ge 2 ]] || die "--rounds needs a value"; ROUNDS="$2"; shift 2 ;;
      --pooled=*) POOLED="${1#*=}"; shift ;;
      --pooled) [[ $# -ge 2 ]] || die "--pooled needs a value"; POOLED="$2"; shift 2 ;;
      --jit-warmup=*) JIT_WARMUP="${1#*=}"; shift ;;
      --jit-warmup) [[ $# -ge 2 ]] || die "--jit-warmup needs a value"; JIT_WARMUP="$2"; shift 2 ;;
      --warmup=*) WARMUP="${1#*=}"; shift ;;
      --warmup) [[ $# -ge 2 ]] || die "--warmup needs a value"; WARMUP="$2"; shift 2 ;;
      *) usage >&2; die "unknown option '$1'" ;;
    esac
  done
  [[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || die "--rounds needs a positive whole number, got '$ROUNDS'"
  [[ "$WARMUP" =~ ^[0-9]+$ ]] || die "--warmup needs a whole number, got '$WARMUP'"
  [[ "$JIT_WARMUP" =~ ^[0-9]+$ ]] || die "--jit-warmup needs a whole number of seconds, got '$JIT_WARMUP'"
  [[ "$POOLED" =~ ^[0-9]+$ ]] || die "--pooled needs a whole number, got '$POOLED'"
}

# require_tools HINT TOOL...: dies naming HINT (the apt-get install line) for the first missing
# tool; then exports TCP_NODELAY (Debian's DCMTK, and Orthanc, leave Nagle's algorithm on without
# it: every small PDU would stall 40 ms) and sets LOAD_BEFORE, the load average the table prints.
require_tools() {
  local hint=$1 tool
  shift
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is required: apt-get install $hint"
  done
  export TCP_NODELAY=1
  LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
}

# write_http_gateway NAME PORT: the bench gateway's config.toml in $STATE/gateway (one HTTP network
# on 127.0.0.1:PORT, INFO exchange log on the console, pipelines from $STATE/gateway/pipelines,
# which it makes); sets GATEWAY_CONFIG.
write_http_gateway() {
  local name=$1 port=$2
  GATEWAY_CONFIG="$STATE/gateway/config.toml"
  mkdir -p "$STATE/gateway/pipelines"
  cat > "$GATEWAY_CONFIG" <<TOML
# harmony bench $name: the gateway under test. Written by src/bench/$name-bench.sh.
[proxy]
id = "harmony-bench-$name"
log_level = "info"
pipelines_path = "pipelines"

[network.default.http]
bind_address = "127.0.0.1"
bind_port = $port

[logging]
log_to_file = false

[storage.options]
path = "storage"
TOML
}
