#!/usr/bin/env bash
# Page weight and time to interactive of the inbox and the designer (issue 5, "Quality").
# Not part of tests/run-all.sh: it prints figures rather than passing or failing.
# Usage: tests/Workflows.WebBenchmarks/run.sh [runs per row, default 5]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run -c Release --project tests/Workflows.WebBenchmarks -- "${1:-5}"
