#!/usr/bin/env bash
# Graceful reload of the running bundled HAProxy: renders haproxy.cfg.template again with the ports the
# running instance uses (PROXY_RUN_DIR/env), checks it, then sends SIGUSR2 to the master, which starts
# a new worker and lets the old one finish its connections (the old one logs "Proxy ... stopped").
# Counters restart from zero in the new worker. An invalid config is refused and the old one stays.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

master="$(live_pid haproxy)" || { echo "The bundled HAProxy is not running (no live $PIDS_DIR/haproxy.pid); start it with proxy/start.sh." >&2; exit 1; }
# The running instance's ports and paths win over the current environment.
source "$PROXY_RUN_DIR/env"
render_config "$CONFIG_FILE.new"
if ! "$HAPROXY_BIN" -c -q -f "$CONFIG_FILE.new"; then
  echo "$CONFIG_FILE.new (from haproxy.cfg.template) is not valid; not reloading." >&2
  exit 1
fi
mv "$CONFIG_FILE.new" "$CONFIG_FILE"
old="$(admin_command "show info" | sed -n 's/^Pid: //p')"
kill -USR2 "$master"
new_worker() { local pid; pid="$(admin_command "show info" | sed -n 's/^Pid: //p')"; [ -n "$pid" ] && [ "$pid" != "$old" ]; }
wait_for "a new worker after the reload" 15 new_worker || { tail -n 20 "$PROXY_RUN_DIR/haproxy.out" >&2; exit 1; }
echo "Reloaded: worker $old -> $(admin_command "show info" | sed -n 's/^Pid: //p') (master $master)."
