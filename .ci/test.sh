#!/usr/bin/env bash
# The one command that passes all tests on a fresh Debian/Ubuntu machine with the .NET 10 SDK.
# It restores, builds (warnings are errors) and runs every test project, then prints one summary line.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET 10 SDK is required (dotnet not found on PATH); see https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2
  exit 1
fi

# The browser tests (tests/Assistant.Web.Tests/EndToEnd) drive Debian's Chromium; Playwright's own browser
# download cannot work offline, so install the distribution package when it is missing.
if ! command -v chromium >/dev/null 2>&1; then
  echo "==> installing Chromium (apt) for the browser tests"
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo_cmd="sudo"
  fi
  if ! { $sudo_cmd apt-get update -qq && $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } \
      || ! command -v chromium >/dev/null 2>&1; then
    echo "error: the browser tests need Chromium and installing it failed; run: sudo apt-get install -y chromium" >&2
    exit 1
  fi
fi

# The alert rules are tested with promtool (Debian's prometheus package); installed like Chromium when missing.
if ! command -v promtool >/dev/null 2>&1; then
  echo "==> installing Prometheus (apt) for promtool"
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo_cmd="sudo"
  fi
  if ! { $sudo_cmd apt-get update -qq && $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus; } \
      || ! command -v promtool >/dev/null 2>&1; then
    echo "error: the alert rule tests need promtool and installing it failed; run: sudo apt-get install -y prometheus" >&2
    exit 1
  fi
fi

# The store suites run on SQLite and on PostgreSQL: Debian's server package is installed like Chromium when missing,
# and a throwaway cluster (127.0.0.1, a free port, a temporary folder) lives for this run only. Each test makes its
# own database in it from ASSISTANT_TEST_POSTGRES.
if ! command -v pg_ctl >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "==> installing PostgreSQL (apt) for the PostgreSQL store suites"
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo_cmd="sudo"
  fi
  if ! { $sudo_cmd apt-get update -qq && $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql; }; then
    echo "error: the PostgreSQL store suites need Debian's postgresql package and installing it failed; run: sudo apt-get install -y postgresql" >&2
    exit 1
  fi
fi
pg_dir="$(mktemp -d -u "${TMPDIR:-/tmp}/assistant-test-pg.XXXXXX")"
echo "==> starting a throwaway PostgreSQL cluster in $pg_dir"
if ! ASSISTANT_TEST_POSTGRES="$(bash infra/postgres/throwaway-cluster.sh start "$pg_dir" --fast)"; then
  echo "error: the PostgreSQL store suites need a server and the throwaway cluster did not start (the reason is above)" >&2
  exit 1
fi
export ASSISTANT_TEST_POSTGRES
trap 'bash infra/postgres/throwaway-cluster.sh stop "$pg_dir"' EXIT

results="artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

echo "==> restore and build (Release)"
dotnet build Assistant.sln -c Release -nologo -v quiet

status=0
echo "==> Prometheus config and alert rules (promtool)"
promtool check config infra/prometheus/prometheus.yml || status=1
promtool check config infra/compose/prometheus.yml || status=1
promtool check rules infra/prometheus/rules/*.yml || status=1
promtool test rules infra/prometheus/tests/*.yml || status=1

# The Qdrant contract suite needs a Qdrant server, which cannot run on the project's machines: without QDRANT_URL
# its tests fail (naming what to start), so the run leaves them out by their trait and says so here and at the end.
filter=()
if [ -z "${QDRANT_URL:-}" ]; then
  filter=(--filter "Requires!=Qdrant")
  echo "==> NOT RUN: the Qdrant contract suite (tests/Assistant.Core.Tests/Retrieval/Vectors/Qdrant): QDRANT_URL is not set."
  echo "    To run it: docker run -p 6334:6334 qdrant/qdrant, then QDRANT_URL=http://127.0.0.1:6334 bash .ci/test.sh"
fi

for project in tests/*/*.csproj; do
  name="$(basename "$project" .csproj)"
  echo "==> $name"
  dotnet test "$project" -c Release --no-build -nologo "${filter[@]}" \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
done

# The release gate, offline, against the committed baseline, with the configuration the baseline was made with (the
# default: Local embedding, extractive generator; about 80 s on 2 cores). Latency is skipped, and the gate says so:
# a P95 measured on a shared CI runner is noise, not a release signal (evals/baselines/README.md).
echo "==> release gate (assistant eval --suite all --baseline evals/baselines/main.json --skip-latency)"
dotnet src/Assistant.Cli/bin/Release/net10.0/assistant.dll eval --suite all --baseline evals/baselines/main.json \
  --skip-latency --out artifacts/eval/gate.json --report artifacts/eval/gate.md || { echo "release gate FAILED (see artifacts/eval/gate.md)"; status=1; }

# One closing line in the form CI reads: "N passed, N failed". Before it, every test that did not run, with the
# reason its test gave (a provider whose server is not configured, such as Qdrant without QDRANT_URL): a skipped
# test is not a passed one, and the reader must see which runs did not happen and why. VSTest's TRX counters leave
# xUnit's dynamic skips out of "notExecuted", so they are read from each result's outcome instead.
if [ -z "${QDRANT_URL:-}" ]; then
  echo "==> NOT RUN: the Qdrant contract suite (QDRANT_URL is not set; see the top of this output)."
fi
python3 - "$results" <<'PY' || true
import sys, glob, xml.etree.ElementTree as ET
from collections import defaultdict
passed = failed = 0
skipped = defaultdict(list)
for path in sorted(glob.glob(sys.argv[1] + "/*.trx")):
    root = ET.parse(path).getroot()
    counters = root.find(".//{*}Counters")
    if counters is not None:
        passed += int(counters.get("passed", 0)); failed += int(counters.get("failed", 0))
    for result in root.findall(".//{*}UnitTestResult"):
        if result.get("outcome") == "NotExecuted":
            message = result.find("{*}Output/{*}ErrorInfo/{*}Message")
            reason = (message.text or "").strip() if message is not None else ""
            skipped[reason or "(no reason given)"].append(result.get("testName", "?"))
count = sum(len(names) for names in skipped.values())
if count:
    print(f"==> {count} tests did NOT run (skipped, not counted as passed):")
    for reason, names in sorted(skipped.items()):
        print(f"  reason: {reason}")
        for name in sorted(names):
            print(f"    - {name}")
print(f"tests: {passed} passed, {failed} failed, {count} skipped")
PY
exit $status
