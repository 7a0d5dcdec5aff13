#!/usr/bin/env bash
# Demo outages, started by proxy/start.sh: after FIRST seconds, takes the next entry of the plan down
# for DOWN seconds, waits UP seconds, and so on round the plan. An entry is a server or several joined
# by "+" (web1+web2 sends the web farm to its backup server; api1+api2 leaves be_api with no server).
# Usage: chaos.sh FIRST DOWN UP ENTRY...
set -euo pipefail
toggle="$(dirname "$0")/toggle.sh"
first="$1" down="$2" up="$3"
shift 3
current=""
restore() { for s in ${current//+/ }; do "$toggle" "$s" up >/dev/null; done; }
trap 'restore; exit 0' TERM INT
sleep "$first"
while true; do
  for entry in "$@"; do
    current="$entry"
    echo "$(date +%T) down: ${entry//+/ }"
    for s in ${entry//+/ }; do "$toggle" "$s" down >/dev/null; done
    sleep "$down"
    restore
    current=""
    echo "$(date +%T) up:   ${entry//+/ }"
    sleep "$up"
  done
done
