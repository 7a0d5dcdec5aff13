#!/usr/bin/env bash
# Graceful reload of the running bundled HAProxy: re-renders nothing by itself (the rendered config in
# PROXY_RUN_DIR is what gets loaded), checks it, then sends SIGUSR2 to the master, which starts a new
# worker and lets the old one finish its connections (the old one logs "Proxy ... stopped").
# Counters restart from zero in the new worker.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

master="$(live_pid haproxy)" || { echo "The bundled HAProxy is not running (no live $PIDS_DIR/haproxy.pid); start it with proxy/start.sh." >&2; exit 1; }
"$HAPROXY_BIN" -c -q -f "$CONFIG_FILE" || { echo "$CONFIG_FILE is not valid; not reloading." >&2; exit 1; }
old="$(admin_command "show info" | sed -n 's/^Pid: //p')"
kill -USR2 "$master"
new_worker() { local pid; pid="$(admin_command "show info" | sed -n 's/^Pid: //p')"; [ -n "$pid" ] && [ "$pid" != "$old" ]; }
wait_for "a new worker after the reload" 15 new_worker || { tail -n 20 "$PROXY_RUN_DIR/haproxy.out" >&2; exit 1; }
echo "Reloaded: worker $old -> $(admin_command "show info" | sed -n 's/^Pid: //p') (master $master)."
