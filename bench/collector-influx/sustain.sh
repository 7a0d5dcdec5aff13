#!/usr/bin/env bash
# Sustains 10,000 servers' worth of points at a 10 s interval through the real InfluxDB sink into a real
# influxd 1.6.7 (started here on a free loopback port in a temp dir, stopped by PID at the end) and prints
# the spool depth after every cycle. Usage: bench/collector-influx/sustain.sh [minutes] [servers] [interval_s]
set -euo pipefail
cd "$(dirname "$0")/../.."
MINUTES="${1:-10}"
SERVERS="${2:-10000}"
INTERVAL="${3:-10}"
WORK="$(mktemp -d /tmp/influx-sustain.XXXXXX)"
PORT="$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')"
RPC="$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')"
cat > "$WORK/influxdb.conf" <<CONF
reporting-disabled = true
bind-address = "127.0.0.1:$RPC"
[meta]
  dir = "$WORK/meta"
[data]
  dir = "$WORK/data"
  wal-dir = "$WORK/wal"
  query-log-enabled = false
[monitor]
  store-enabled = false
[continuous_queries]
  enabled = false
[http]
  bind-address = "127.0.0.1:$PORT"
  log-enabled = false
CONF
influxd -config "$WORK/influxdb.conf" > "$WORK/influxd.log" 2>&1 &
INFLUX_PID=$!
trap 'kill -TERM $INFLUX_PID 2>/dev/null; wait $INFLUX_PID 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 300); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/ping")" = "204" ] && break
  sleep 0.1
done
curl -s -XPOST "http://127.0.0.1:$PORT/query" --data-urlencode 'q=CREATE DATABASE "haproxy"' > /dev/null
dotnet build bench/collector-influx -c Release -nologo -v q > /dev/null
set +e
dotnet bench/collector-influx/bin/Release/net10.0/Collector.Influx.Benchmarks.dll sustain \
  --url "http://127.0.0.1:$PORT" --minutes "$MINUTES" --servers "$SERVERS" --interval "$INTERVAL" --spool "$WORK/spool"
RC=$?
set -e
echo "influxd count: $(curl -s -G "http://127.0.0.1:$PORT/query?db=haproxy" --data-urlencode 'q=SELECT COUNT("sessions_current") FROM "haproxy_server"')"
echo "influxd RSS (kB): $(ps -o rss= -p $INFLUX_PID)"
exit $RC
