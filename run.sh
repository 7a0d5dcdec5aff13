#!/usr/bin/env bash
# README command 1: install what is missing, build, start the bundled HAProxy with demo traffic and
# every part of the suite that is built, print where to look, and stop all of it on Ctrl-C.
#
#   ./run.sh                 everything
#   ./run.sh --no-build      skip the build (use what is in */bin/Release)
#   ./run.sh --only-proxy    just the bundled proxy and its demo (or RUN_ONLY_PROXY=1)
#   ./run.sh --influx        also a local influxd that the Collector and the Alerter write to (for Grafana)
#
# Proxy settings (ports, traffic, chaos) are environment variables: see proxy/README.md.
set -euo pipefail
cd "$(dirname "$0")"
ROOT="$(pwd)"

BUILD=1
ONLY_PROXY="${RUN_ONLY_PROXY:-0}"
WITH_INFLUX=0
for arg in "$@"; do
  case "$arg" in
    --no-build) BUILD=0 ;;
    --influx) WITH_INFLUX=1 ;;
    --only-proxy) ONLY_PROXY=1 ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown option: $arg (try --help)" >&2; exit 2 ;;
  esac
done

source scripts/prerequisites.sh
source proxy/lib.sh   # PROXY_RUN_DIR, ADMIN_SOCKET, LOG_FILE, PID-file helpers (record_pid, live_pid, ...)

RUN_DIR="${MONITORING_RUN_DIR:-$ROOT/run}"   # the parts' logs, PID files and data
PARTS_PIDS="$RUN_DIR/pids"
mkdir -p "$PARTS_PIDS"

# One run.sh at a time per checkout: a second one would fight over the same ports and PID files.
if other="$(PIDS_DIR="$RUN_DIR" live_pid run)"; then
  echo "run.sh is already running here (pid $other). Stop it with Ctrl-C in its terminal, or: kill $other" >&2
  exit 1
fi
PIDS_DIR="$RUN_DIR" record_pid run $$

PARTS=()          # names of parts started by this run
SLEEP_PID=""
STOPPING=0

stop_everything() {
  [ $STOPPING -eq 1 ] && return
  STOPPING=1
  # Finish the cleanup whatever happens to the terminal: a second Ctrl-C, or a closed pipe (./run.sh | tee).
  trap '' INT TERM PIPE
  set +e
  echo
  echo "Stopping..."
  local name
  for name in "${PARTS[@]}"; do
    PIDS_DIR="$PARTS_PIDS" stop_recorded "$name"
  done
  proxy/stop.sh || true
  [ -n "$SLEEP_PID" ] && kill "$SLEEP_PID" 2>/dev/null || true
  rm -f "$RUN_DIR/run.pid"
  echo "Stopped everything run.sh started."
}
trap 'stop_everything; exit 0' INT TERM
trap 'status=$?; stop_everything >/dev/null 2>&1; exit $status' EXIT

# A crashed earlier run may have left parts running: stop those (PID files checked against start time).
for file in "$PARTS_PIDS"/*.pid; do
  [ -e "$file" ] || continue
  PIDS_DIR="$PARTS_PIDS" stop_recorded "$(basename "$file" .pid)"
done

ensure_run_prerequisites   # includes ensure_web_packages (npm ci for the web page's uPlot)

if [ $BUILD -eq 1 ] && [ "$ONLY_PROXY" != 1 ]; then
  echo "Building Monitoring.sln (Release)..."
  dotnet build Monitoring.sln -c Release -nologo -v q -clp:ErrorsOnly
fi

echo "Starting the bundled HAProxy with demo backends and traffic..."
PROXY_QUIET=1 proxy/start.sh

# start_process NAME DIR CMD [ARGS...]: runs a command in its own process group from DIR, logging to
# run/NAME.log, and records its PID so Ctrl-C stops exactly it. A process that exits at once is reported.
start_process() {
  local name="$1" dir="$2"
  shift 2
  ( cd "$dir" && exec setsid "$@" ) </dev/null >>"$RUN_DIR/$name.log" 2>&1 &
  PIDS_DIR="$PARTS_PIDS" record_pid "$name" $!
  PARTS+=("$name")
}

# start_part NAME DLL [ARGS...]: runs a built part from its bin folder (where its appsettings.json is).
start_part() {
  local name="$1" dll="$ROOT/$2"
  shift 2
  if [ ! -f "$dll" ]; then
    echo "  $name: not built ($dll missing)"
    return 0
  fi
  start_process "$name" "$(dirname "$dll")" dotnet "$dll" "$@"
}

# Settings every part can read (on top of its appsettings.json and MONITORING__Section__Key variables).
export HAPROXY_ADMIN_SOCKET="$ADMIN_SOCKET" HAPROXY_LOG_FILE="$LOG_FILE" MONITORING_RUN_DIR="$RUN_DIR"
BIN=bin/Release/net10.0
MAIL_PORT="${MONITORING_MAIL_PORT:-$((PROXY_PORT_BASE + 25))}"
MAIL_DIR="$RUN_DIR/mail"
COLLECTOR_HEALTH_PORT="${MONITORING_COLLECTOR_HEALTH_PORT:-$((PROXY_PORT_BASE + 26))}"
# --influx: a local influxd (Debian's 1.6.7) on 127.0.0.1 with its data in $RUN_DIR/influxdb, stopped with the rest
# on Ctrl-C; the Collector and the Alerter write to it (Collector:Influx:*, Alerter:Influx:*), and the banner says
# what to paste into Grafana's InfluxDB datasource (grafana/README.md).
COLLECTOR_INFLUX=() ALERTER_INFLUX=() INFLUX_INFO=""
if [ "$WITH_INFLUX" = 1 ] && [ "$ONLY_PROXY" != 1 ]; then
  ensure_packages influxdb
  INFLUX_PORT="${MONITORING_INFLUX_PORT:-$((PROXY_PORT_BASE + 27))}"
  INFLUX_URL="http://127.0.0.1:$INFLUX_PORT"
  INFLUX_DIR="$RUN_DIR/influxdb"
  mkdir -p "$INFLUX_DIR"
  # bind-address is influxd's backup/restore port: kept on loopback too, next to the HTTP one.
  cat >"$INFLUX_DIR/influxdb.conf" <<CONF
reporting-disabled = true
bind-address = "127.0.0.1:$((INFLUX_PORT + 1))"
[meta]
  dir = "$INFLUX_DIR/meta"
[data]
  dir = "$INFLUX_DIR/data"
  wal-dir = "$INFLUX_DIR/wal"
  query-log-enabled = false
[monitor]
  store-enabled = false
[http]
  bind-address = "127.0.0.1:$INFLUX_PORT"
  log-enabled = false
CONF
  echo "Starting influxd on $INFLUX_URL (data in $INFLUX_DIR)..."
  start_process influxd "$RUN_DIR" /usr/bin/influxd -config "$INFLUX_DIR/influxdb.conf"
  deadline=$((SECONDS + 30))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$INFLUX_URL/ping")" = 204 ]; do
    if [ $SECONDS -ge $deadline ] || ! PIDS_DIR="$PARTS_PIDS" live_pid influxd >/dev/null; then
      echo "influxd did not answer on $INFLUX_URL/ping; see $RUN_DIR/influxd.log" >&2
      exit 1
    fi
    sleep 0.2
  done
  COLLECTOR_INFLUX=(--Collector:Influx:Url="$INFLUX_URL" --Collector:Influx:Database=haproxy)
  ALERTER_INFLUX=(--Alerter:Influx:Url="$INFLUX_URL" --Alerter:Influx:Database=haproxy)
  INFLUX_INFO="  InfluxDB:         $INFLUX_URL, database haproxy (the Collector's samples, the Alerter's haproxy_event)
  Grafana:          add an InfluxDB datasource: Query language InfluxQL, URL $INFLUX_URL, Database haproxy,
                    no user or password, HTTP method POST, Min time interval 2s; then import grafana/dashboards/*.json
                    (or provision: HAPROXY_INFLUX_URL=$INFLUX_URL HAPROXY_INFLUX_DATABASE=haproxy, grafana/README.md)
"
fi

if [ "$ONLY_PROXY" != 1 ]; then
  echo "Starting the suite's parts (logs in $RUN_DIR/<part>.log)..."
  # One line per part. When a part needs settings, append them as host arguments: --Section:Key=value.
  start_part collector "Collector/$BIN/collector.dll" \
    --Collector:Endpoints:0:Address="$ADMIN_SOCKET" --Collector:Endpoints:0:Host=demo --Collector:NodeName=demo \
    --Collector:Interval=00:00:02 --Collector:Sqlite:DataDirectory="$RUN_DIR/collector" \
    --Collector:Health:Port="$COLLECTOR_HEALTH_PORT" "${COLLECTOR_INFLUX[@]}"
  # The demo's alerts go to a local mail catcher, so the newcomer reads the actual email (README: real SMTP).
  start_process mailcatcher "$ROOT" /usr/bin/python3 scripts/mailcatcher.py --port "$MAIL_PORT" --dir "$MAIL_DIR"
  start_part alerter "Alerter/$BIN/alerter.dll" run \
    --Store:DataDirectory="$RUN_DIR/alerter" \
    --Alerter:Logs:Sources:0:Path="$LOG_FILE" --Alerter:Logs:Sources:0:Host=demo \
    --Alerter:Smtp:Host=127.0.0.1 --Alerter:Smtp:Port="$MAIL_PORT" --Alerter:Smtp:Security=None \
    --Alerter:Smtp:From=alerter@localhost \
    --Alerter:CollectorDatabase="$RUN_DIR/collector/collector.db" \
    --Alerter:Policy:Routes:0:Email:0=noc@localhost --Alerter:Policy:Routes:0:SmsEmail:0=oncall-sms@localhost \
    "${ALERTER_INFLUX[@]}"
  # dashboard top is interactive: the banner below says how to open it in your terminal.
  # The web page over the demo's stores, on loopback (no credential needed there).
  WEB_PORT="${MONITORING_WEB_PORT:-$((PROXY_PORT_BASE + 29))}"   # +27/+28 are --influx's influxd
  WEB_URL="http://127.0.0.1:$WEB_PORT/"
  start_part web "Dashboard/$BIN/dashboard.dll" web --urls "http://127.0.0.1:$WEB_PORT" \
    --db "$RUN_DIR/collector/collector.db" --alerter-db "$RUN_DIR/alerter/alerter.db" --collector-interval 00:00:02
fi

# Give the parts a moment, then say which ones run. A part that exits at once is reported, not fatal.
report_parts() {
  local name pid deadline=$((SECONDS + 3))
  while [ $SECONDS -lt $deadline ]; do sleep 0.2; done
  RUNNING=()
  for name in "${PARTS[@]}"; do
    if pid="$(PIDS_DIR="$PARTS_PIDS" live_pid "$name")"; then
      RUNNING+=("$name")
      echo "  $name: running (pid $pid, log $RUN_DIR/$name.log)"
    else
      local code=0
      wait "$(cut -d' ' -f1 "$PARTS_PIDS/$name.pid")" 2>/dev/null || code=$?
      echo "  $name: exited at once with code $code: $(tail -n 1 "$RUN_DIR/$name.log" 2>/dev/null)"
      rm -f "$PARTS_PIDS/$name.pid"
    fi
  done
}
RUNNING=()
[ ${#PARTS[@]} -gt 0 ] && report_parts

cat <<INFO

Running: haproxy + demo backends + traffic + chaos${RUNNING[*]:+ + ${RUNNING[*]}}.
${WEB_URL:+  Open first:       $WEB_URL   (the web page: every server live, charts, events; README: What you will see)
}  Stats page:       http://127.0.0.1:$PROXY_STATS_PORT/stats   (a demo server goes DOWN for ~20 s every ~40 s)
  Frontend:         http://127.0.0.1:$PROXY_HTTP_PORT/  and  /api/...   (TCP service on 127.0.0.1:$PROXY_TCP_PORT)
  HAProxy log:      tail -f $LOG_FILE | grep -E 'is (UP|DOWN)|no server'
  Admin socket:     $ADMIN_SOCKET
                    echo 'show stat' | socat - UNIX-CONNECT:$ADMIN_SOCKET
  Live events:      (echo 'show events events -w'; cat) | socat - UNIX-CONNECT:$ADMIN_SOCKET
  Break a server:   proxy/demo/toggle.sh web1 down   (and up again; HAProxy notices within ~2 s)
  Terminal viewer:  dotnet Dashboard/$BIN/dashboard.dll top --socket $ADMIN_SOCKET
                    or hatop -s $ADMIN_SOCKET
  Collector:        curl -s http://127.0.0.1:$COLLECTOR_HEALTH_PORT/status   (samples every 2 s into $RUN_DIR/collector/collector.db)
                    sqlite3 $RUN_DIR/collector/collector.db "select * from sample_view order by ts desc limit 5"
  Alerts (email):   ls $MAIL_DIR/   (one .eml per alert; tail -f $RUN_DIR/mailcatcher.log)
                    dotnet Alerter/$BIN/alerter.dll status --Store:DataDirectory=$RUN_DIR/alerter
${INFLUX_INFO}  Parts' logs:      $RUN_DIR/
Press Ctrl-C to stop everything run.sh started.
INFO

# Wait for Ctrl-C; notice a proxy or part that dies on its own.
while true; do
  sleep 2 &
  SLEEP_PID=$!
  wait "$SLEEP_PID" || true
  SLEEP_PID=""
  if ! live_pid haproxy >/dev/null; then
    echo "HAProxy stopped on its own; see $PROXY_RUN_DIR/haproxy.out. Stopping the rest." >&2
    exit 1
  fi
  still=()
  for name in "${RUNNING[@]}"; do
    if PIDS_DIR="$PARTS_PIDS" live_pid "$name" >/dev/null; then
      still+=("$name")
    else
      echo "$name exited; see $RUN_DIR/$name.log" >&2
    fi
  done
  RUNNING=("${still[@]}")
done
