#!/usr/bin/env bash
# Page weight and time to interactive of the inbox and the designer (issue 5, "Quality"), measured on the
# published host, as installations run it. Not part of tests/run-all.sh: it prints figures, it does not pass or fail.
# Usage: tests/Workflows.WebBenchmarks/run.sh [runs per row, default 5]
set -euo pipefail
cd "$(dirname "$0")/../.."
publish="$(mktemp -d)"
trap 'rm -rf "$publish"' EXIT
dotnet publish host/Workflows.Host -c Release -o "$publish" -v q -clp:ErrorsOnly --nologo
dotnet run -c Release --project tests/Workflows.WebBenchmarks -- "${1:-5}" "$publish"
