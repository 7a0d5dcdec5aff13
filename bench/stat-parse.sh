#!/usr/bin/env bash
# Captures a real `show stat` dump of 10,000 servers from haproxy 2.6 and benchmarks StatCsvParser on it.
# Usage: bench/stat-parse.sh [servers]   (default 10000). Needs haproxy and socat (./test.sh installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
servers=${1:-10000}
work=$(mktemp -d /tmp/statbench.XXXXXX)
haproxy_pid=""
cleanup() { [ -n "$haproxy_pid" ] && kill "$haproxy_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

{
  echo "global"
  echo "  stats socket $work/admin.sock mode 600 level admin"
  echo "  maxconn 1000"
  echo "defaults"
  echo "  mode http"
  echo "  timeout connect 1s"
  echo "  timeout client 5s"
  echo "  timeout server 5s"
  for b in $(seq 1 $((servers / 100))); do
    echo "backend app$b"
    for s in $(seq 1 100); do echo "  server srv$s 127.0.0.1:$((20000 + s))"; done
  done
} > "$work/haproxy.cfg"

/usr/sbin/haproxy -f "$work/haproxy.cfg" >/dev/null 2>&1 &
haproxy_pid=$!
for _ in $(seq 1 100); do [ -S "$work/admin.sock" ] && break; sleep 0.1; done
dump=/tmp/show-stat-$servers.csv
echo "show stat" | socat -t 10 stdio "unix-connect:$work/admin.sock" > "$dump"
echo "Captured $(($(wc -l < "$dump") - 2)) rows, $(stat -c %s "$dump") bytes into $dump"
kill "$haproxy_pid"; haproxy_pid=""

STAT_DUMP=$dump dotnet run -c Release --project bench/HAProxy.Benchmarks -- --filter '*StatCsvParserBenchmarks*' --join
