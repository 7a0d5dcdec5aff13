#!/usr/bin/env bash
# Backfill throughput of `alerter backfill` against `grep -E 'is UP|is DOWN'` on the same file, in the same run.
# Usage: bench/alerter-backfill/run.sh [SIZE_MB]   (default 1024)
set -euo pipefail
cd "$(dirname "$0")/../.."
size_mb="${1:-1024}"
work="$(mktemp -d /tmp/alerter-bench-XXXXXX)"
trap 'rm -rf "$work"' EXIT
dotnet build Alerter -c Release -nologo -v q -o "$work/bin" >/dev/null
python3 bench/alerter-backfill/generate.py "$work/haproxy.log" "$size_mb"
cat "$work/haproxy.log" >/dev/null   # warm the page cache for both readers
bytes=$(stat -c %s "$work/haproxy.log")
start=$(date +%s.%N)
matches=$(grep -E -c 'is UP|is DOWN' "$work/haproxy.log")
end=$(date +%s.%N)
grep_mbs=$(python3 -c "print(f'{$bytes/1048576/($end-$start):.1f}')")
echo "grep -E 'is UP|is DOWN': $matches lines in $(python3 -c "print(f'{$end-$start:.2f}')") s = $grep_mbs MB/s"
start=$(date +%s.%N)
(cd "$work" && dotnet bin/alerter.dll backfill haproxy.log --host bench --Store:DataDirectory="$work/data" | cat)
end=$(date +%s.%N)
echo "alerter backfill (wall, incl. start-up): $(python3 -c "print(f'{$bytes/1048576/($end-$start):.1f}')") MB/s"
