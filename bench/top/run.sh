#!/usr/bin/env bash
# Side-by-side CPU and memory of `dashboard top` and Debian's `hatop` on the same HAProxy stats socket.
# For each size: a generated haproxy config with N servers (no health checks, so HAProxy idles), both
# viewers started in their own tmux session (they need a terminal) at a 1 s refresh, then utime+stime from
# /proc/<pid>/stat over DURATION seconds, divided by the refreshes, and VmRSS at the end.
# Usage: bench/top/run.sh [sizes...]   (default: 1000 10000); DURATION=60 WARMUP=10 by default.
# Everything started here is stopped by PID / session name on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZES=("${@:-1000 10000}")
[ $# -eq 0 ] && SIZES=(1000 10000)
DURATION=${DURATION:-60}
WARMUP=${WARMUP:-10}
TICK=$(getconf CLK_TCK)
WORK=$(mktemp -d /tmp/btop-XXXXXX)
chmod 755 "$WORK"  # hatop refuses a socket inside a 0700 directory
HAPROXY_PID=""
SESSIONS=()

cleanup() {
  for s in "${SESSIONS[@]}"; do tmux kill-session -t "$s" 2>/dev/null || true; done
  [ -n "$HAPROXY_PID" ] && kill "$HAPROXY_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

dotnet build Dashboard -c Release -nologo -v q >/dev/null
DLL=$PWD/Dashboard/bin/Release/net10.0/dashboard.dll

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }

start_in_tmux() { # name command -> prints the pid of the command
  tmux -u new-session -d -s "$1" -x "${COLS:-200}" -y "${ROWS:-50}" "exec $2"
  tmux set-option -t "$1" remain-on-exit on >/dev/null
  sleep 0.5
  tmux display-message -p -t "$1" '#{pane_pid}'
}

printf '| servers | viewer | CPU ms per refresh | %% of one core | VmRSS MB |\n|---|---|---|---|---|\n'
for N in "${SIZES[@]}"; do
  DIR=$WORK/$N
  mkdir -p "$DIR"
  {
    echo "global"
    echo "    stats socket $DIR/admin.sock mode 600 level admin"
    echo "    maxconn 4000"
    echo "defaults"
    echo "    mode http"
    echo "    timeout connect 1s"
    echo "    timeout client 5s"
    echo "    timeout server 5s"
    echo "backend be"
    for i in $(seq 1 "$N"); do echo "    server s$i 127.0.0.1:$((20000 + i % 40000))"; done
  } > "$DIR/haproxy.cfg"
  /usr/sbin/haproxy -f "$DIR/haproxy.cfg" >/dev/null 2>&1 &
  HAPROXY_PID=$!
  for _ in $(seq 1 100); do [ -S "$DIR/admin.sock" ] && break; sleep 0.1; done
  [ -S "$DIR/admin.sock" ] || { echo "haproxy did not start with $N servers" >&2; exit 1; }

  SESSIONS=("btop-top-$N" "btop-hatop-$N")
  TOP_PID=$(start_in_tmux "btop-top-$N" "dotnet $DLL top --socket $DIR/admin.sock --interval 1s")
  HATOP_PID=$(start_in_tmux "btop-hatop-$N" "hatop -s $DIR/admin.sock -i 1")
  sleep "$WARMUP"
  T0=$(cpu_ticks "$TOP_PID"); H0=$(cpu_ticks "$HATOP_PID")
  sleep "$DURATION"
  T1=$(cpu_ticks "$TOP_PID"); H1=$(cpu_ticks "$HATOP_PID")
  TR=$(rss_kb "$TOP_PID"); HR=$(rss_kb "$HATOP_PID")
  tmux capture-pane -p -t "btop-top-$N" > "$WORK/../btop-screen-top-$N.txt" || true
  tmux capture-pane -p -t "btop-hatop-$N" > "$WORK/../btop-screen-hatop-$N.txt" || true
  for row in "dashboard top:$T0:$T1:$TR" "hatop:$H0:$H1:$HR"; do
    IFS=: read -r name a b rss <<< "$row"
    awk -v n="$N" -v name="$name" -v d=$((b - a)) -v tick="$TICK" -v dur="$DURATION" -v rss="$rss" \
      'BEGIN { ms = d * 1000 / tick / dur; printf "| %d | %s | %.1f | %.1f%% | %.0f |\n", n, name, ms, ms / 10, rss / 1024 }'
  done
  tmux kill-session -t "btop-top-$N"; tmux kill-session -t "btop-hatop-$N"
  SESSIONS=()
  kill "$HAPROXY_PID"; wait "$HAPROXY_PID" 2>/dev/null || true; HAPROXY_PID=""
done
