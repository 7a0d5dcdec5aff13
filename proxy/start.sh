#!/usr/bin/env bash
# Starts the bundled HAProxy with demo backends, a syslog-to-file receiver, demo traffic and a "chaos"
# loop that takes one demo server down for a while every ~40 s. Returns once everything answers;
# the processes keep running until proxy/stop.sh. Running it again restarts what it started before.
#
# Settings (environment): PROXY_RUN_DIR (default proxy/run), PROXY_PORT_BASE (18080: HTTP frontend;
# +1 stats page; +2 TCP listen; +10..+16 demo backends), or one by one PROXY_HTTP_PORT,
# PROXY_STATS_PORT, PROXY_TCP_PORT, PROXY_BACKEND_PORT_BASE; PROXY_TRAFFIC=0, PROXY_TRAFFIC_RATE=30,
# PROXY_CHAOS=0, PROXY_CHAOS_PLAN, PROXY_CHAOS_DOWN, PROXY_CHAOS_UP; PROXY_QUIET=1 prints one line.
# See proxy/README.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

fail() { echo "proxy/start.sh: $*" >&2; exit 1; }

for tool in "$HAPROXY_BIN" socat "$PYTHON_BIN" curl; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing (Debian packages: haproxy socat python3 curl; ./run.sh installs them)."
done

# A previous start (still running, or crashed and left PID files): stop exactly what it started.
for name in chaos traffic haproxy backends syslog; do
  if live_pid "$name" >/dev/null; then
    echo "A previous start is still running in $PROXY_RUN_DIR: stopping it first."
    "$PROXY_DIR/stop.sh"
    break
  fi
done

# Unix socket paths are limited to 107 bytes.
[ ${#ADMIN_SOCKET} -lt 100 ] || fail "PROXY_RUN_DIR is too long for a unix socket path ($ADMIN_SOCKET); use a shorter directory."

declare -A PORTS=([PROXY_HTTP_PORT]=$PROXY_HTTP_PORT [PROXY_STATS_PORT]=$PROXY_STATS_PORT [PROXY_TCP_PORT]=$PROXY_TCP_PORT)
for name in $DEMO_SERVERS; do PORTS["demo $name (PROXY_BACKEND_PORT_BASE)"]=$(demo_port "$name"); done
for what in "${!PORTS[@]}"; do
  port=${PORTS[$what]}
  if ! "$PYTHON_BIN" -c 'import socket,sys; s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(("127.0.0.1", int(sys.argv[1])))' "$port" 2>/dev/null; then
    fail "port $port ($what) is already in use on 127.0.0.1. Pick other ports, e.g. PROXY_PORT_BASE=28080 $0"
  fi
done

mkdir -p "$PROXY_RUN_DIR/demo" "$PIDS_DIR"
rm -f "$PROXY_RUN_DIR"/demo/*.down "$LOG_SOCKET" "$ADMIN_SOCKET"

# If anything below fails, stop what this run already started.
trap 'status=$?; if [ $status -ne 0 ]; then echo "Start failed; stopping what was started." >&2; "$PROXY_DIR/stop.sh" >&2; fi' EXIT

render_config "$CONFIG_FILE" || fail "could not render $CONFIG_FILE."
"$HAPROXY_BIN" -c -q -f "$CONFIG_FILE" || fail "$CONFIG_FILE is not valid (haproxy -c above)."

# The syslog receiver: HAProxy sends one datagram per log line, each ending in a newline, so appending
# the datagrams as they come gives a plain log file (RFC 3164 lines without a hostname).
# Whoever can write to the socket or the file can forge state changes (see Alerter/README.md, "Trust in the log"):
# HAProxy runs as this user, so the socket is 0600 and the file 0640, and nobody else writes either.
start_detached syslog "$PROXY_RUN_DIR/syslog.out" \
  socat -u "UNIX-RECV:$LOG_SOCKET,mode=600" "OPEN:$LOG_FILE,creat,append,perm=0640" >/dev/null
wait_for "the syslog receiver ($LOG_SOCKET)" 5 test -S "$LOG_SOCKET"

specs=()
for name in $DEMO_SERVERS; do
  kind=http; [[ $name == kv* ]] && kind=kv
  specs+=("$name:$kind:$(demo_port "$name")")
done
start_detached backends "$PROXY_RUN_DIR/backends.out" "$PYTHON_BIN" -u "$PROXY_DIR/demo/backends.py" "$PROXY_RUN_DIR" "${specs[@]}" >/dev/null
for name in web1 web2 web3 api1 api2; do
  wait_for "demo server $name" 10 curl -fsS -o /dev/null "http://127.0.0.1:$(demo_port "$name")/health"
done

# Master-worker mode in the background: the master keeps its PID across reloads (kill -USR2, see
# reload.sh) and its stderr (warnings, alerts) goes to haproxy.out.
start_detached haproxy "$PROXY_RUN_DIR/haproxy.out" "$HAPROXY_BIN" -W -f "$CONFIG_FILE" -p "$PROXY_RUN_DIR/haproxy.pid" >/dev/null
haproxy_ready() { live_pid haproxy >/dev/null && admin_command "show info" | grep -q '^Pid: '; }
if ! wait_for "HAProxy's admin socket ($ADMIN_SOCKET)" 15 haproxy_ready; then
  cat "$PROXY_RUN_DIR/haproxy.out" >&2
  fail "HAProxy did not start."
fi

if [ "$PROXY_TRAFFIC" != 0 ]; then
  start_detached traffic "$PROXY_RUN_DIR/traffic.out" \
    "$PYTHON_BIN" -u "$PROXY_DIR/demo/traffic.py" "$PROXY_HTTP_PORT" "$PROXY_TCP_PORT" "$PROXY_TRAFFIC_RATE" >/dev/null
fi
if [ "$PROXY_CHAOS" != 0 ]; then
  start_detached chaos "$PROXY_RUN_DIR/chaos.out" \
    env PROXY_RUN_DIR="$PROXY_RUN_DIR" bash "$PROXY_DIR/demo/chaos.sh" "$PROXY_CHAOS_FIRST" "$PROXY_CHAOS_DOWN" "$PROXY_CHAOS_UP" $PROXY_CHAOS_PLAN >/dev/null
fi

# What the other scripts (reload, toggle, run.sh) and the tests need, as shell assignments.
cat >"$PROXY_RUN_DIR/env" <<ENV
PROXY_RUN_DIR='$PROXY_RUN_DIR'
PROXY_HTTP_PORT=$PROXY_HTTP_PORT
PROXY_STATS_PORT=$PROXY_STATS_PORT
PROXY_TCP_PORT=$PROXY_TCP_PORT
PROXY_BACKEND_PORT_BASE=$PROXY_BACKEND_PORT_BASE
PROXY_ADMIN_SOCKET='$ADMIN_SOCKET'
PROXY_LOG_FILE='$LOG_FILE'
PROXY_CONFIG_FILE='$CONFIG_FILE'
ENV

worker="$(admin_command "show info" | sed -n 's/^Pid: //p')"
if [ "${PROXY_QUIET:-0}" = 1 ]; then
  echo "HAProxy is running (master pid $(live_pid haproxy), worker pid $worker), run directory $PROXY_RUN_DIR."
  exit 0
fi
cat <<INFO
HAProxy $("$HAPROXY_BIN" -v | sed -n '1s/HAProxy version \([^ ]*\).*/\1/p') is running (master pid $(live_pid haproxy), worker pid $worker).
  Frontend (HTTP):   http://127.0.0.1:$PROXY_HTTP_PORT/   (/api/... goes to be_api)
  TCP listen:        127.0.0.1:$PROXY_TCP_PORT   (line protocol: PING, SET k v, GET k)
  Stats page:        http://127.0.0.1:$PROXY_STATS_PORT/stats
  Admin socket:      $ADMIN_SOCKET
                     echo 'show stat' | socat - UNIX-CONNECT:$ADMIN_SOCKET
  Live events:       (echo 'show events events -w'; cat) | socat - UNIX-CONNECT:$ADMIN_SOCKET
  Log file:          $LOG_FILE
  Config:            $CONFIG_FILE
  Traffic:           $([ "$PROXY_TRAFFIC" != 0 ] && echo "~$PROXY_TRAFFIC_RATE req/s" || echo off)
  Chaos:             $([ "$PROXY_CHAOS" != 0 ] && echo "one outage every $((PROXY_CHAOS_DOWN + PROXY_CHAOS_UP)) s: $PROXY_CHAOS_PLAN" || echo off)
  Toggle a server:   proxy/demo/toggle.sh web2 down|up
  Reload / stop:     proxy/reload.sh  /  proxy/stop.sh
INFO
