# Sourced by run.sh and test.sh: installs the Debian packages the suite needs, when they are missing.
# Never starts or enables system services: servers are started by the scripts and tests themselves.

RUN_PACKAGES=(haproxy socat python3-aiosmtpd)
TEST_PACKAGES=(haproxy socat python3-aiosmtpd influxdb victoria-metrics postgresql tmux chromium)

ensure_packages() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing Debian packages: ${missing[*]}" >&2
    echo "Install them as root:  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

ensure_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "The .NET 10 SDK is required (dotnet was not found on PATH)." >&2
    exit 1
  fi
}

ensure_run_prerequisites() {
  ensure_dotnet
  ensure_packages "${RUN_PACKAGES[@]}"
}

ensure_test_prerequisites() {
  ensure_dotnet
  ensure_packages "${TEST_PACKAGES[@]}"
}
