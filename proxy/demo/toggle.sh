#!/usr/bin/env bash
# Makes a demo server's health check fail (down) or pass (up): /health answers 503 (HTTP servers) or
# PING answers -ERR (kv servers) while PROXY_RUN_DIR/demo/<server>.down exists. HAProxy marks the
# server DOWN after 2 failed checks (~2 s) and UP after 2 good ones.
# Usage: proxy/demo/toggle.sh web1|web2|web3|api1|api2|kv1|kv2 up|down
set -euo pipefail
source "$(dirname "$0")/../lib.sh"

server="${1:-}" state="${2:-}"
demo_port "$server" >/dev/null || { echo "Usage: $0 <$(echo $DEMO_SERVERS | tr ' ' '|')> up|down" >&2; exit 2; }
mkdir -p "$PROXY_RUN_DIR/demo"
case "$state" in
  down) touch "$PROXY_RUN_DIR/demo/$server.down"; echo "$server: health check now fails" ;;
  up) rm -f "$PROXY_RUN_DIR/demo/$server.down"; echo "$server: health check now passes" ;;
  *) echo "Usage: $0 $server up|down" >&2; exit 2 ;;
esac
