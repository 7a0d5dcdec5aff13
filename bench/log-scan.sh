#!/usr/bin/env bash
# Log-scan benchmark: our LogScanner vs `grep -E 'is UP|is DOWN'` on the same 1 GB HAProxy log, same run.
# Usage: bench/log-scan.sh [FILE] [MB]   (default /tmp/haproxy-bench-1g.log, 1024 MB; generated when missing)
# Each contender runs 3 times on a warm page cache; the median wall time gives MB/s. CPU seconds (user+sys) are
# printed too, since on a shared machine wall time includes waiting for a core.
set -euo pipefail
cd "$(dirname "$0")/.."
FILE="${1:-/tmp/haproxy-bench-1g.log}"
MB="${2:-1024}"
DLL=bench/HAProxy.Benchmarks/bin/Release/net10.0/HAProxy.Benchmarks.dll

dotnet build -c Release bench/HAProxy.Benchmarks -v q -nologo >/dev/null
if [[ ! -f "$FILE" ]]; then
  dotnet "$DLL" gen-log "$FILE" "$MB"
fi
BYTES=$(stat -c %s "$FILE")
cat "$FILE" >/dev/null # warm the page cache

declare -A WALL CPU
# run KEY NAME CMD...: three timed runs; prints the median wall and CPU time; stdout of the last run kept in $LAST
run() {
  local key=$1 name=$2; shift 2
  local walls=() cpus=()
  for _ in 1 2 3; do
    local t; t=$( { /usr/bin/time -f '%e %U %S' "$@" >/tmp/log-scan.out; } 2>&1 | tail -1)
    walls+=("$(awk '{print $1}' <<<"$t")")
    cpus+=("$(awk '{print $2 + $3}' <<<"$t")")
  done
  local wall cpu
  wall=$(printf '%s\n' "${walls[@]}" | sort -n | sed -n 2p)
  cpu=$(printf '%s\n' "${cpus[@]}" | sort -n | sed -n 2p)
  LAST=$(cat /tmp/log-scan.out)
  WALL[$key]=$wall
  CPU[$key]=$cpu
  printf '%-28s wall %6.2f s (runs: %s)  %8s MB/s   cpu %5.2f s  %8s MB/cpu-s\n' "$name" "$wall" "${walls[*]}" \
    "$(awk -v b="$BYTES" -v s="$wall" 'BEGIN{print (s>0 ? int(b/1e6/s) : "n/a")}')" "$cpu" \
    "$(awk -v b="$BYTES" -v s="$cpu" 'BEGIN{print (s>0 ? int(b/1e6/s) : "n/a")}')"
}

echo "file: $FILE ($((BYTES / 1000000)) MB, $(wc -l <"$FILE") lines), grep: $(grep --version | head -1), LANG=${LANG:-}"
run grep "grep -cE 'is UP|is DOWN'" grep -cE 'is UP|is DOWN' "$FILE"
echo "  grep matching lines: $LAST"
run devnull "grep -E ... > /dev/null" sh -c "grep -E 'is UP|is DOWN' '$FILE' > /dev/null"
run ours "LogScanner (scan-log)" dotnet "$DLL" scan-log "$FILE"
echo "$LAST" | sed 's/^/  /'
awk -v g="${WALL[grep]}" -v o="${WALL[ours]}" -v gc="${CPU[grep]}" -v oc="${CPU[ours]}" \
  'BEGIN{printf "ratio LogScanner/grep -c throughput: wall %.2f, cpu %.2f (target >= 0.5)\n", g/o, gc/oc}'
echo "note: 'grep > /dev/null' stops at the first match (GNU grep treats /dev/null output like -q), so it is not a full scan."
