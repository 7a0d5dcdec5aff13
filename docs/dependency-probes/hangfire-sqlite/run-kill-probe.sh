#!/bin/bash
# Runs the job, SIGKILLs its process mid-run, restarts, and prints when the job runs again.
set -u
DIR=$(mktemp -d /tmp/probe-hangfire-XXXX); DB=$DIR/hangfire.db; INVIS=${1:-20}
trap 'rm -rf "$DIR"' EXIT
dotnet out/probe.dll run "$DB" "$INVIS" > "$DIR/first.log" 2>&1 &
PID=$!
for i in $(seq 100); do grep -q "job started" "$DIR/first.log" && break; sleep 0.2; done
cat "$DIR/first.log"
echo "$(date -u +%H:%M:%S.%3N) kill -9 $PID"; kill -9 $PID; wait $PID 2>/dev/null
timeout $((INVIS + 25)) dotnet out/probe.dll run "$DB" "$INVIS" 2>&1 | grep -E "server start|job started" &
wait
