#!/usr/bin/env bash
# Type-checks dashboard JSON files against @grafana/schema's Dashboard type (see dashboard-json.ts) with tsc.
#   grafana/typecheck/check.sh [DIR]    every DIR/*.json (default: grafana/dashboards); exit 1 on a type error
# Needs `npm ci` in grafana/typecheck first (scripts/prerequisites.sh does it for ./test.sh).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dashboards="$(cd "${1:-$here/../dashboards}" && pwd)"
if [ ! -f "$here/node_modules/typescript/bin/tsc" ] || [ ! -d "$here/node_modules/@grafana/schema" ]; then
  echo "typescript and @grafana/schema are not installed: run (cd $here && npm ci)" >&2
  exit 2
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
files=()
for json in "$dashboards"/*.json; do
  [ -e "$json" ] || continue
  name="$(basename "$json" .json)"
  # One module per dashboard: the JSON text becomes an object literal, so tsc checks excess properties too.
  {
    echo "import type { DashboardJson } from '$here/dashboard-json';"
    printf 'export const dashboard: DashboardJson = '
    cat "$json"
    echo ';'
  } >"$work/$name.ts"
  files+=("\"$name.ts\"")
done
if [ ${#files[@]} -eq 0 ]; then
  echo "no *.json in $dashboards" >&2
  exit 2
fi
# Module resolution from dashboard-json.ts finds @grafana/schema in grafana/typecheck/node_modules.
cat >"$work/tsconfig.json" <<JSON
{
  "compilerOptions": {
    "strict": true, "noEmit": true, "target": "es2022", "module": "esnext", "moduleResolution": "bundler",
    "types": [], "skipLibCheck": false
  },
  "files": [$(IFS=,; echo "${files[*]}")]
}
JSON
cd "$work"
if node "$here/node_modules/typescript/bin/tsc" -p tsconfig.json; then
  echo "tsc: ${#files[@]} dashboard(s) in $dashboards match @grafana/schema's Dashboard"
else
  echo "tsc: type errors (above) in $dashboards" >&2
  exit 1
fi
