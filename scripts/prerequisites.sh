# Sourced by run.sh and test.sh: installs the Debian packages the suite needs, when they are missing.
# Never starts or enables system services: servers are started by the scripts and tests themselves.

# run.sh: the bundled proxy (haproxy, socat for its log receiver and socket commands, python3 for the
# demo backends and traffic, curl for readiness checks), the mail catcher (python3-aiosmtpd), a font for the
# text of the alert e-mail's chart (fonts-dejavu-core: the font the chart was checked with here), and nodejs + npm
# for the web page's front-end packages (uPlot, from Dashboard/Web/package-lock.json; ensure_packages accepts
# NodeSource's own npm).
RUN_PACKAGES=(haproxy socat python3 curl python3-aiosmtpd sqlite3 fonts-dejavu-core nodejs npm)
# test.sh: every real server the integration tests start, and the peers the benchmarks compare with; nodejs and
# npm (from RUN_PACKAGES) also run tsc for the Grafana dashboards' type check (grafana/typecheck);
# systemd-journal-remote writes real journal files for the Alerter's journal source tests (read with systemd's journalctl,
# no journald as PID 1 needed).
TEST_PACKAGES=("${RUN_PACKAGES[@]}" influxdb victoria-metrics postgresql tmux chromium
  hatop prometheus-haproxy-exporter logwatch systemd-journal-remote)
# Debian's rsyslogd with Debian's 49-haproxy.conf (from the haproxy package): the Alerter's duplicate-copies tests.
TEST_PACKAGES+=(rsyslog)

ensure_packages() {
  local missing=()
  for package in "$@"; do
    # NodeSource's nodejs carries its own npm and conflicts with Debian's npm package: a working npm is enough.
    [ "$package" = npm ] && command -v npm >/dev/null 2>&1 && continue
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing Debian packages: ${missing[*]}" >&2
    echo "Install them as root:  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing Debian packages: ${missing[*]}"
  # Debian's maintainer scripts start a package's service on install (postgresql, influxdb,
  # victoria-metrics, haproxy) through invoke-rc.d / deb-systemd-invoke, and both ask
  # /usr/sbin/policy-rc.d first: exit 101 means "not allowed". That is the one switch honoured by
  # sysvinit and systemd alike (RUNLEVEL=1 only fools sysvinit's invoke-rc.d). We add it only when
  # the machine has none (containers usually ship one) and remove it right after, so the machine's
  # own policy is untouched. Services may still be enabled for the next boot; nothing is started now.
  local policy=/usr/sbin/policy-rc.d added="" status=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\n# Temporary, added by Monitoring scripts/prerequisites.sh during apt-get install.\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    added=1
  fi
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; } || status=$?
  [ -n "$added" ] && rm -f "$policy"
  if [ $status -ne 0 ]; then
    echo "apt-get install failed (exit $status) for: ${missing[*]}" >&2
    exit $status
  fi
}

ensure_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "The .NET 10 SDK is required (dotnet was not found on PATH): https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2
    exit 1
  fi
}

# Front-end packages for Dashboard's web page come from npm with a lockfile, at build time (nothing third-party
# is committed); Dashboard.csproj copies uPlot's dist files into the served wwwroot/lib. `npm ci` only when the
# installed tree is missing or older than the lockfile, so a second run does not touch the network.
ensure_web_packages() {
  local dir=Dashboard/Web
  [ -f "$dir/package-lock.json" ] || return 0
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    echo "Installing the web page's npm packages (npm ci in $dir)..."
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

ensure_run_prerequisites() {
  ensure_dotnet
  ensure_packages "${RUN_PACKAGES[@]}"
  ensure_web_packages
}

# typescript and @grafana/schema for grafana/typecheck/check.sh, exactly as its lockfile pins them. `npm ci` only
# when the lockfile changed since the last install (npm records it in node_modules/.package-lock.json).
ensure_grafana_typecheck_packages() {
  local dir=grafana/typecheck
  [ -f "$dir/package-lock.json" ] || return 0
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    echo "Installing grafana/typecheck's npm packages (npm ci)..."
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

ensure_test_prerequisites() {
  ensure_dotnet
  ensure_packages "${TEST_PACKAGES[@]}"
  ensure_web_packages
  ensure_grafana_typecheck_packages
}
