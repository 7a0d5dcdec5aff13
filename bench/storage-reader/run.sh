#!/usr/bin/env bash
# The SQLite reader benchmark (issue 8): 1,000 servers x 24 h of 10 s samples written by the real writer (made once,
# kept in /tmp), then p50/p95 of one server's 6 fields over 24 h and of the latest values of every server.
# Usage: bench/storage-reader/run.sh [servers=1000] [hours=24]
set -euo pipefail
cd "$(dirname "$0")/../.."
servers=${1:-1000}
hours=${2:-24}
db=/tmp/storage-reader-bench-${servers}x${hours}h.db
dotnet build bench/storage-reader -c Release -nologo -v q -clp:ErrorsOnly
dotnet bench/storage-reader/bin/Release/net10.0/Storage.Reader.Benchmarks.dll "$db" "$servers" "$hours" 10 200
