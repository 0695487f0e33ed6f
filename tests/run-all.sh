#!/usr/bin/env bash
# Builds the solution once and runs every test project against real services: a throwaway
# PostgreSQL cluster (WORKFLOWS_TEST_POSTGRES), Debian's aiosmtpd and Chromium. Ends with one line,
# "N passed, N failed, N skipped", summed over all projects; exits non-zero if anything failed or a
# test host crashed.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# --- real services, installed from Debian when missing (as root, as CI runs) -----------------------
packages=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || packages+=(postgresql)
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || packages+=(python3-aiosmtpd)
[ -x /usr/bin/chromium ] || packages+=(chromium)
[ -d /usr/share/fonts/truetype/wqy ] || packages+=(fonts-wqy-microhei)
if [ "${#packages[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing ${packages[*]} ..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null
    apt-get install -y -q "${packages[@]}" >/dev/null
  else
    echo "Missing ${packages[*]}: run this script as root once, or install them with apt-get." >&2
  fi
fi

# --- a throwaway PostgreSQL cluster on port 55432 ----------------------------------------------------
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
pg_dir="$(mktemp -d /tmp/fazhi-pg.XXXXXX)"
results="$(mktemp -d /tmp/fazhi-test-results.XXXXXX)"
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
stop_postgres() {
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
# CI reads the closing "N passed, N failed" line: when set-up or the build fails before any test
# runs, say so on that line too instead of ending without it.
summary_printed=0
finish() {
  status=$?
  stop_postgres
  if [ "$summary_printed" = 0 ]; then
    echo "the test run stopped before the tests finished (exit $status): see the output above"
    echo "0 passed, 1 failed"
    [ "$status" = 0 ] && status=1
  fi
  exit "$status"
}
trap finish EXIT
[ "$(id -u)" = 0 ] && chown postgres:postgres "$pg_dir"
as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -w -l "$pg_dir/server.log" \
  -o "-p 55432 -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
  start >/dev/null
export WORKFLOWS_TEST_POSTGRES="Host=127.0.0.1;Port=55432;Username=postgres;Password=postgres"

# --- build once, then every test project --------------------------------------------------------------
dotnet tool restore >/dev/null
dotnet build Workflows.sln -c Release -nologo -v quiet -clp:ErrorsOnly

crashed=0
mapfile -t projects < <(grep -l '<PackageReference Include="Microsoft.NET.Test.Sdk"' tests/*/*.csproj | sort)
for project in "${projects[@]}"; do
  name="$(basename "$project" .csproj)"
  echo "=== $name"
  # Browser tests keep their screenshots beside the results (Workflows.Browser.Tests reads this).
  export WORKFLOWS_TEST_ARTIFACTS="$results/$name/artifacts"
  if ! dotnet test "$project" -c Release --no-build --nologo \
      --results-directory "$results/$name" --logger "trx;LogFileName=$name.trx" \
      --blame-hang-timeout 10m -- RunConfiguration.TreatNoTestsAsError=false; then
    echo "dotnet test reported a failure for $name"
  fi
  if [ ! -f "$results/$name/$name.trx" ]; then
    echo "$name produced no results: the test host crashed or did not start" >&2
    crashed=1
  fi
done

# --- one closing line over all projects -------------------------------------------------------------
read -r passed failed skipped < <(/usr/bin/python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("aborted", 0)) + int(counters.get("timeout", 0))
    skipped += int(counters.get("notExecuted", 0))
print(passed, failed, skipped)
PY
)
echo "test results: $results"
echo "$passed passed, $failed failed, $skipped skipped"
summary_printed=1
[ "$failed" = 0 ] && [ "$crashed" = 0 ]
