# Shared by the benches (sourced, not run): messages, free loopback ports, stopping a process, and
# starting the gateway through `./harmony run` until it says it is ready. Expects ROOT to be set.

die() { echo "bench: $*" >&2; exit 2; }
say() { echo "bench: $*" >&2; }

TAKEN=()
port_answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# free_port VAR: a loopback port nobody listens on, below the kernel's ephemeral range (where the
# clients' and the gateway's own outgoing connections take theirs).
free_port() {
  local p
  for _ in $(seq 200); do
    p=$((20000 + RANDOM % 10000))
    [[ " ${TAKEN[*]} " == *" $p "* ]] && continue
    port_answers "$p" && continue
    TAKEN+=("$p"); printf -v "$1" '%s' "$p"; return
  done
  die "no free port found between 20000 and 29999 on 127.0.0.1"
}

# stop PID WHAT SECONDS: SIGTERM, then poll; SIGKILL (with its children) only if it hangs. No
# `wait`: bash reaps its children by itself, and a `wait` that reaps one a Ctrl-C killed makes
# bash drop the rest of the cleanup.
stop() {
  local pid="$1" what="$2" limit="$3" i children
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < limit * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  say "$what did not stop within ${limit} s; killing it"
  children="$(ps -o pid= --ppid "$pid" 2>/dev/null || true)"
  kill -KILL "$pid" $children 2>/dev/null || true
}

# jit_queue CONFIG: how many methods the JVM of the gateway started with CONFIG has queued for
# compilation ("?" without jcmd). Just after startup its C2 compiler has a couple of thousand queued
# and takes a core of its own for minutes: a run then measures the JIT, not the gateway.
jit_queue() {
  local jvm
  jvm="$(pgrep -f -- "java .*-Dharmony.config=$1 " | head -n 1 || true)"
  if [[ -n "$jvm" ]] && command -v jcmd >/dev/null 2>&1; then
    jcmd "$jvm" Compiler.queue 2>/dev/null | grep -c '^[0-9]' || true
  else
    echo "?"
  fi
}

# await_jit CONFIG LIMIT: with no load, waits (at most LIMIT seconds) until the gateway's compile
# queue is down to a few methods: the compiler gets a core only when the load stops, and a warm-up
# under load leaves hundreds queued on 2 cores. Prints nothing; the queue is printed with the table.
await_jit() {
  local config="$1" limit="$2" queued waited
  for ((waited = 0; waited < limit; waited += 2)); do
    queued="$(jit_queue "$config")"
    [[ "$queued" == "?" || "$queued" -le 10 ]] && return
    sleep 2
  done
}

# start_gateway CONFIG LOG TIMEOUT: `./harmony run --config CONFIG` in the background, its console
# into LOG; sets GATEWAY_PID at once (for the caller's cleanup) and, once the console says
# "Harmony EE ready", WAITED (seconds). Dies with the log's tail if it is not ready in TIMEOUT s.
start_gateway() {
  local config="$1" log="$2" timeout="$3"
  say "starting the gateway (./harmony run --config $config${HARMONY_JAVA_OPTS:+, HARMONY_JAVA_OPTS=$HARMONY_JAVA_OPTS})"
  : > "$log"
  "$ROOT/harmony" run --config "$config" >>"$log" 2>&1 &
  GATEWAY_PID=$!
  for ((WAITED = 0; ; WAITED++)); do
    grep -q 'Harmony EE ready' "$log" && return
    if ! kill -0 "$GATEWAY_PID" 2>/dev/null || ((WAITED >= timeout)); then
      tail -n 30 "$log" >&2
      die "the gateway did not get ready (log: $log)"
    fi
    sleep 1
  done
}
