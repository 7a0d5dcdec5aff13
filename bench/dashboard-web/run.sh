#!/usr/bin/env bash
# dashboard web's benchmarks (issue 9). Needs the storage-reader bench's store (1,000 servers x 24 h of 10 s samples
# by the real writer; made by bench/storage-reader/run.sh when missing) and Debian's chromium.
# Usage: bench/dashboard-web/run.sh [api|browser|watch|guess|streams|all]
set -euo pipefail
cd "$(dirname "$0")/../.."
what=${1:-all}
db=/tmp/storage-reader-bench-1000x24h.db
dotnet build bench/dashboard-web -c Release -nologo -v q -clp:ErrorsOnly
bin=bench/dashboard-web/bin/Release/net10.0/Dashboard.Web.Benchmarks.dll
if [ "$what" = api ] || [ "$what" = all ]; then
  [ -f "$db" ] || bench/storage-reader/run.sh 1000 24
  dotnet "$bin" api "$db" 100
fi
if [ "$what" = browser ] || [ "$what" = all ]; then dotnet "$bin" browser 10000 30; fi
if [ "$what" = watch ] || [ "$what" = all ]; then dotnet "$bin" watch 1000 5 60; fi
if [ "$what" = guess ] || [ "$what" = all ]; then dotnet "$bin" guess 200 8; fi
if [ "$what" = streams ] || [ "$what" = all ]; then dotnet "$bin" streams 200 60; fi
