#!/usr/bin/env bash
# Runs the benchmarks (console apps that print figures; not part of the test command).
#   tests/benchmarks.sh           full: 100,000 open tasks (issue 3), 2,000 flow instances (issue 2)
#   tests/benchmarks.sh --quick   minutes, not tens of minutes: 5,000 tasks, 300 flow instances
#   tests/benchmarks.sh flow      one benchmark only: register, lag or flow (combine with --quick)
# Results also go to artifacts/benchmarks/ as JSON and markdown. Needs the .NET SDK and Node.js (npm).
set -euo pipefail
cd "$(dirname "$0")/.."

quick=false
only=()
for arg in "$@"; do
  case "$arg" in
    --quick) quick=true ;;
    register|lag|flow) only+=("$arg") ;;
    *) echo "usage: $0 [--quick] [register|lag|flow ...]" >&2; exit 2 ;;
  esac
done
[ ${#only[@]} -eq 0 ] && only=(register lag flow)

if $quick; then
  register=(--tasks 5000 --runs 1 --cold-runs 1)
  lag=(--timers 1000 --tasks 0)
  flow=(--instances 300 --warmup 300 --peer-instances 200 --commit-seconds 2)
else
  register=(--tasks 100000 --runs 3 --cold-runs 1)
  lag=(--timers 1000 --tasks 100000)
  flow=(--instances 2000 --peer-instances 1000 --commit-seconds 3)
fi

dotnet build tests/Workflows.Benchmarks -c Release -v q -clp:ErrorsOnly
bench() { dotnet tests/Workflows.Benchmarks/bin/Release/net10.0/Workflows.Benchmarks.dll "$@"; }

for scenario in "${only[@]}"; do
  echo
  echo "=== $scenario"
  case "$scenario" in
    register) bench register "${register[@]}" ;;
    lag) bench lag "${lag[@]}" ;;
    flow)
      # bpmn-engine, pinned by the lock file; node_modules stays out of git.
      (cd tests/Workflows.Benchmarks/bpmn-engine && npm ci --no-audit --no-fund --loglevel=error)
      bench flow "${flow[@]}" --bpmn-engine tests/Workflows.Benchmarks/bpmn-engine ;;
  esac
done
