#!/usr/bin/env bash
# Failover under a vote burst: two nodes on one PostgreSQL and one Redis (node A in the harness process, node B an app
# process of its own, `dotnet Deliberation.Web.dll`), 400 voters voting at once over HTTP, half through each node, and
# B, which holds the ballot, killed with SIGKILL at the first acknowledgement. Phones resend with the same client vote id
# (100 ms after a 503; to A once B stops answering). Prints, per run: votes unanswered at the kill, time from the kill to
# the first acknowledgement on the survivor, 500s seen, votes lost and duplicated, and every answer by node and status.
# Runs the hard-kill test (tests/.../Hosting/HardKillTests.cs) with our failure detection settings and then with
# Orleans' defaults (DELIBERATION_FAILOVER_ORLEANS_DEFAULTS=1, as the app ran before issue 10).
# Usage: bash bench/failover.sh [runs=1]. Needs PostgreSQL and Redis (scripts/postgres.sh, scripts/redis.sh start them).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-1}"
if [ -z "${DELIBERATION_TEST_POSTGRES:-}" ]; then eval "$(bash scripts/postgres.sh)"; fi
if [ -z "${DELIBERATION_TEST_REDIS:-}" ]; then eval "$(bash scripts/redis.sh)"; fi
export DELIBERATION_TEST_POSTGRES DELIBERATION_TEST_REDIS
dotnet build tests/Deliberation.Web.Tests -c Release --nologo -v q >&2
measure() {
  local label=$1 defaults=$2
  for run in $(seq 1 "$runs"); do
    out=$(DELIBERATION_FAILOVER_ORLEANS_DEFAULTS=$defaults dotnet test tests/Deliberation.Web.Tests -c Release --no-build --nologo \
      --filter "FullyQualifiedName~Hosting.HardKillTests" --logger "console;verbosity=detailed" 2>&1 || true)
    line=$(grep -o 'failover: .*' <<<"$out" | head -n 1)
    verdict=$(grep -q "Test Run Successful" <<<"$out" && echo "checks passed" || echo "checks FAILED")
    echo "$label, run $run (load $(cut -d' ' -f1 /proc/loadavg) on $(nproc) cores): ${line:-no figures (see the test output)}; $verdict"
  done
}
measure "our settings (probe 1 s × 2, response timeout 5 s)" 0
measure "Orleans' defaults (probe 5 s × 3, response timeout 10 s)" 1
