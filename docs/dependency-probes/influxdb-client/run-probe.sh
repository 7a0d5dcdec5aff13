#!/bin/bash
# Starts Debian's influxd 1.6.7 on loopback ports in a temp dir, runs the InfluxDB.Client 5.1.0 probe, stops influxd by PID.
set -u
DIR=$(mktemp -d /tmp/probe-influxd-XXXX)
HTTP=28086; RPC=28088; HTML=28090
cat > "$DIR/influxdb.conf" <<CONF
reporting-disabled = true
bind-address = "127.0.0.1:$RPC"
[meta]
  dir = "$DIR/meta"
[data]
  dir = "$DIR/data"
  wal-dir = "$DIR/wal"
[monitor]
  store-enabled = false
[http]
  bind-address = "127.0.0.1:$HTTP"
  log-enabled = true
CONF
/usr/bin/influxd -config "$DIR/influxdb.conf" > "$DIR/influxd.log" 2>&1 &
PID=$!
trap 'kill $PID; wait $PID 2>/dev/null; rm -rf "$DIR"' EXIT
for i in $(seq 50); do curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:$HTTP/ping | grep -q 204 && break; sleep 0.2; done
/usr/bin/influxd version
curl -s -XPOST http://127.0.0.1:$HTTP/query --data-urlencode 'q=CREATE DATABASE probe' ; echo
dotnet out/probe.dll http://127.0.0.1:$HTTP $HTML
echo "--- points in probe db:"
curl -s -G http://127.0.0.1:$HTTP/query --data-urlencode 'db=probe' --data-urlencode 'q=SELECT count(*) FROM probe'; echo
