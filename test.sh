#!/usr/bin/env bash
# README command 2: install what the tests need, then run every test.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh
ensure_test_prerequisites
dotnet build Monitoring.sln -c Release -nologo -v q
dotnet test Monitoring.sln -c Release --no-build -nologo --logger "console;verbosity=normal" "$@"
