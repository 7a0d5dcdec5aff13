#!/usr/bin/env bash
# Stops exactly what proxy/start.sh started, by the PID files under PROXY_RUN_DIR/pids (each checked
# against the process start time, so a reused PID is never signalled). Safe to run twice.
set -uo pipefail   # no -e: a failure to stop one process must not leave the others running
source "$(dirname "$0")/lib.sh"

# Traffic and chaos first (no requests into a stopping proxy), then HAProxy (the master stops its
# workers), then the backends and the log receiver (which gets HAProxy's last lines).
for name in chaos traffic haproxy backends syslog; do
  stop_recorded "$name"
done
rm -f "$ADMIN_SOCKET" "$LOG_SOCKET" "$PROXY_RUN_DIR"/demo/*.down
