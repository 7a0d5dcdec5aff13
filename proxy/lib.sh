# Sourced by the proxy/ scripts: settings (all overridable by environment) and PID-file helpers.
# Every runtime file lives under PROXY_RUN_DIR; nothing here touches system paths or services.

PROXY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROXY_RUN_DIR="${PROXY_RUN_DIR:-$PROXY_DIR/run}"
PIDS_DIR="$PROXY_RUN_DIR/pids"
HAPROXY_BIN="${HAPROXY_BIN:-$(command -v haproxy || echo /usr/sbin/haproxy)}"
PYTHON_BIN="${PYTHON_BIN:-/usr/bin/python3}"

# Ports: one base, everything else derived from it unless set one by one.
PROXY_PORT_BASE="${PROXY_PORT_BASE:-18080}"
PROXY_HTTP_PORT="${PROXY_HTTP_PORT:-$PROXY_PORT_BASE}"
PROXY_STATS_PORT="${PROXY_STATS_PORT:-$((PROXY_PORT_BASE + 1))}"
PROXY_TCP_PORT="${PROXY_TCP_PORT:-$((PROXY_PORT_BASE + 2))}"
# Demo backends take seven consecutive ports from here: web1 web2 web3 api1 api2 kv1 kv2.
PROXY_BACKEND_PORT_BASE="${PROXY_BACKEND_PORT_BASE:-$((PROXY_PORT_BASE + 10))}"

# Demo behaviour.
PROXY_TRAFFIC="${PROXY_TRAFFIC:-1}"              # 0: no traffic generator
PROXY_TRAFFIC_RATE="${PROXY_TRAFFIC_RATE:-30}"   # average requests per second
PROXY_CHAOS="${PROXY_CHAOS:-1}"                  # 0: no server goes down by itself
PROXY_CHAOS_PLAN="${PROXY_CHAOS_PLAN:-web2 api1 web1+web2 kv2 api1+api2}"
PROXY_CHAOS_FIRST="${PROXY_CHAOS_FIRST:-10}"     # seconds before the first server goes down
PROXY_CHAOS_DOWN="${PROXY_CHAOS_DOWN:-20}"       # seconds a server stays down
PROXY_CHAOS_UP="${PROXY_CHAOS_UP:-20}"           # seconds between two outages

DEMO_SERVERS="web1 web2 web3 api1 api2 kv1 kv2"

ADMIN_SOCKET="$PROXY_RUN_DIR/admin.sock"
LOG_SOCKET="$PROXY_RUN_DIR/log.sock"
LOG_FILE="$PROXY_RUN_DIR/haproxy.log"
CONFIG_FILE="$PROXY_RUN_DIR/haproxy.cfg"

# Port of a demo server by name.
demo_port() {
  local index=0 name
  for name in $DEMO_SERVERS; do
    [ "$name" = "$1" ] && { echo $((PROXY_BACKEND_PORT_BASE + index)); return 0; }
    index=$((index + 1))
  done
  return 1
}

# Start time of a running process (field 22 of /proc/PID/stat), so a PID reused by another program is
# never mistaken for ours after a crash or a reboot. Fails for a zombie: it has stopped, and its parent
# (often init, which may reap late in a container) has just not collected it yet.
proc_start_time() {
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  stat="${stat##*) }"
  set -- $stat
  [ "$1" != Z ] || return 1
  echo "${20}"
}

# is_running PID: alive and not a zombie.
is_running() { proc_start_time "$1" >/dev/null; }

# record_pid NAME PID: remember a process this script started (and that it leads its own group).
record_pid() {
  mkdir -p "$PIDS_DIR"
  echo "$2 $(proc_start_time "$2")" >"$PIDS_DIR/$1.pid"
}

# live_pid NAME: prints the PID if the process recorded under NAME is still the one we started.
live_pid() {
  local file="$PIDS_DIR/$1.pid" pid start
  [ -f "$file" ] || return 1
  read -r pid start <"$file" || return 1
  [ -n "$pid" ] && [ "$(proc_start_time "$pid")" = "$start" ] || return 1
  echo "$pid"
}

# stop_recorded NAME: SIGTERM to the process group we created for NAME, then SIGKILL after 10 s.
stop_recorded() {
  local name="$1" pid
  if pid="$(live_pid "$name")"; then
    # Each process was started with setsid, so its PID is also its process-group id: the group covers
    # the children of a shell loop (sleep, curl) and nothing else.
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    local waited=0
    while is_running "$pid" && [ $waited -lt 100 ]; do
      sleep 0.1
      waited=$((waited + 1))
    done
    if is_running "$pid"; then
      echo "  $name (pid $pid) did not stop within 10 s: SIGKILL" >&2
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
    echo "  stopped $name (pid $pid)"
  fi
  rm -f "$PIDS_DIR/$name.pid"
}

# start_detached NAME LOGFILE COMMAND...: runs COMMAND in its own session (no terminal signals, own
# process group), output to LOGFILE, and records its PID.
start_detached() {
  local name="$1" log="$2"
  shift 2
  setsid "$@" </dev/null >>"$log" 2>&1 &
  local pid=$!
  record_pid "$name" "$pid"
  echo "$pid"
}

# wait_for DESCRIPTION SECONDS COMMAND...: polls COMMAND every 0.1 s until it succeeds.
wait_for() {
  local what="$1" seconds="$2" tries=0
  shift 2
  until "$@" >/dev/null 2>&1; do
    tries=$((tries + 1))
    if [ $tries -ge $((seconds * 10)) ]; then
      echo "Timed out after ${seconds}s waiting for $what." >&2
      return 1
    fi
    sleep 0.1
  done
}

# admin_command COMMAND: one command on the admin socket, reply on stdout.
admin_command() {
  echo "$1" | socat -t 5 - "UNIX-CONNECT:$ADMIN_SOCKET"
}

# render_config OUTPUT: the template with every @NAME@ placeholder filled in from the settings above.
render_config() {
  sed -e "s|@RUN_DIR@|$PROXY_RUN_DIR|g" \
      -e "s|@HTTP_PORT@|$PROXY_HTTP_PORT|g" \
      -e "s|@STATS_PORT@|$PROXY_STATS_PORT|g" \
      -e "s|@TCP_PORT@|$PROXY_TCP_PORT|g" \
      -e "s|@WEB1_PORT@|$(demo_port web1)|g" -e "s|@WEB2_PORT@|$(demo_port web2)|g" \
      -e "s|@WEB3_PORT@|$(demo_port web3)|g" -e "s|@API1_PORT@|$(demo_port api1)|g" \
      -e "s|@API2_PORT@|$(demo_port api2)|g" -e "s|@KV1_PORT@|$(demo_port kv1)|g" \
      -e "s|@KV2_PORT@|$(demo_port kv2)|g" \
      "$PROXY_DIR/haproxy.cfg.template" >"$1"
  if grep -q '@[A-Z0-9_]*@' "$1"; then
    echo "Unrendered placeholders left in $1: $(grep -o '@[A-Z0-9_]*@' "$1" | sort -u | tr '\n' ' ')" >&2
    return 1
  fi
}
