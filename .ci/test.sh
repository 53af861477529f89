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

results="artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

echo "==> restore and build (Release)"
dotnet build Assistant.sln -c Release -nologo -v quiet

status=0
for project in tests/*/*.csproj; do
  name="$(basename "$project" .csproj)"
  echo "==> $name"
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
done

# One closing line in the form CI reads: "N passed, N failed".
python3 - "$results" <<'PY' || true
import sys, glob, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    counters = ET.parse(path).getroot().find(".//{*}Counters")
    if counters is None:
        continue
    passed += int(counters.get("passed", 0)); failed += int(counters.get("failed", 0))
    skipped += int(counters.get("notExecuted", 0))
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
