#!/usr/bin/env bash
# Side-by-side benchmark: our Collector vs Debian's prometheus-haproxy-exporter, same HAProxy socket,
# 10,000 servers (no checks, idle), same interval. Prints CPU time and wall time per collection cycle and
# resident memory for both, and the ratios.
# Usage: bench/collector/run.sh [servers=10000] [cycles=6] [interval_s=10]
set -euo pipefail
SERVERS=${1:-10000}
CYCLES=${2:-6}
INTERVAL=${3:-10}
WARMUP=2
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d /tmp/bc-XXXXXX)
SOCK=$WORK/s.sock
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
mem() { awk -v k="$2:" '$1==k {print $2}' "/proc/$1/status"; }
wait_tick() { python3 -c "import time; i=$INTERVAL; time.sleep(i - time.time() % i + ${1:-0})"; }

# 1. HAProxy with $SERVERS servers in 100-server backends, no checks: it stays idle.
{
  echo "global"; echo "    stats socket $SOCK mode 600 level admin"; echo "    stats timeout 2m"
  echo "defaults"; echo "    mode http"; echo "    timeout connect 1s"; echo "    timeout client 5s"; echo "    timeout server 5s"
  echo "frontend fe"; echo "    bind 127.0.0.1:$(free_port)"; echo "    default_backend b0"
  for ((b = 0; b < SERVERS / 100; b++)); do
    echo "backend b$b"
    for ((s = 0; s < 100; s++)); do echo "    server s$s 127.0.0.1:1"; done
  done
} > "$WORK/haproxy.cfg"
/usr/sbin/haproxy -f "$WORK/haproxy.cfg" >"$WORK/haproxy.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 100); do [ -S "$SOCK" ] && break; sleep 0.1; done
echo "haproxy: $(echo 'show stat' | socat - "unix:$SOCK" | wc -l) CSV lines, $(echo 'show stat' | socat - "unix:$SOCK" | wc -c) bytes"

# 2. Our Collector (Release), embedded SQLite store, interval $INTERVAL s.
dotnet build "$ROOT/Collector" -c Release -nologo -v q >/dev/null
HEALTH=$(free_port)
dotnet "$ROOT/Collector/bin/Release/net10.0/collector.dll" \
  --Collector:Endpoints:0:Address="$SOCK" --Collector:Interval="00:00:$(printf %02d "$INTERVAL")" \
  --Collector:Sqlite:DataDirectory="$WORK/data" --Collector:Health:Port="$HEALTH" \
  --Logging:LogLevel:Default=Warning >"$WORK/collector.log" 2>&1 &
COLLECTOR=$!
PIDS+=($COLLECTOR)

# 3. The exporter, scraped by curl at the same aligned interval (offset 5 s so the two do not collide on the socket).
EXPORTER_PORT=$(free_port)
prometheus-haproxy-exporter --haproxy.scrape-uri="unix:$SOCK" --web.listen-address="127.0.0.1:$EXPORTER_PORT" \
  --haproxy.timeout=9s >"$WORK/exporter.log" 2>&1 &
EXPORTER=$!
PIDS+=($EXPORTER)
: >"$WORK/scrape-times"
(
  while true; do
    wait_tick "$((INTERVAL / 2))"
    curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$EXPORTER_PORT/metrics" >>"$WORK/scrape-times" || true
  done
) &
PIDS+=($!)

# 4. Warm up, then measure over $CYCLES cycles.
for _ in $(seq $WARMUP); do wait_tick 1; done
C0=$(ticks $COLLECTOR); E0=$(ticks $EXPORTER); S0=$(wc -l <"$WORK/scrape-times")
for _ in $(seq "$CYCLES"); do wait_tick 1; done
C1=$(ticks $COLLECTOR); E1=$(ticks $EXPORTER)
HZ=$(getconf CLK_TCK)
STATUS=$(curl -s "http://127.0.0.1:$HEALTH/status")
SCRAPES=$(tail -n +"$((S0 + 1))" "$WORK/scrape-times" | head -n "$CYCLES")

python3 - "$C0" "$C1" "$E0" "$E1" "$HZ" "$CYCLES" "$STATUS" "$SCRAPES" \
  "$(mem $COLLECTOR VmRSS)" "$(mem $COLLECTOR VmHWM)" "$(mem $EXPORTER VmRSS)" "$(mem $EXPORTER VmHWM)" "$SERVERS" "$INTERVAL" <<'PY'
import json, sys
c0, c1, e0, e1, hz, cycles = (float(x) for x in sys.argv[1:7])
status = json.loads(sys.argv[7])
scrapes = [float(x) for x in sys.argv[8].split()]
c_rss, c_hwm, e_rss, e_hwm = (int(x) / 1024 for x in sys.argv[9:13])
servers, interval = sys.argv[13], sys.argv[14]
c_cpu = (c1 - c0) / hz / cycles * 1000
e_cpu = (e1 - e0) / hz / cycles * 1000
c_wall = status["lastCycleDurationMs"]
poll = status["endpoints"][0]["lastDurationMs"]
e_wall = sum(scrapes) / len(scrapes) * 1000 if scrapes else float("nan")
db = [s for s in status["sinks"] if s["name"] == "sqlite"][0]
print(f"\n{servers} servers, interval {interval} s, {int(cycles)} measured cycles")
print(f"{'':24}{'collector':>12}{'exporter':>12}{'ratio':>8}")
print(f"{'CPU ms per cycle':24}{c_cpu:12.0f}{e_cpu:12.0f}{c_cpu / e_cpu:8.2f}")
print(f"{'wall ms per cycle':24}{c_wall:12.0f}{e_wall:12.0f}{c_wall / e_wall:8.2f}")
print(f"{'VmRSS MB':24}{c_rss:12.0f}{e_rss:12.0f}{c_rss / e_rss:8.2f}")
print(f"{'VmHWM MB':24}{c_hwm:12.0f}{e_hwm:12.0f}{c_hwm / e_hwm:8.2f}")
print(f"collector poll (show info + show stat + parse + rates) {poll:.0f} ms; full cycle incl. SQLite write {c_wall:.0f} ms")
print(f"sqlite: {db['pointsWritten']} points, {db['metrics']['database_bytes'] / 1e6:.1f} MB, last error: {db['lastError']}")
PY
