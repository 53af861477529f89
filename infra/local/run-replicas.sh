#!/usr/bin/env bash
# The product scaled out on this machine: PostgreSQL for shared state, N web replicas (default 3) on 127.0.0.1:5101..,
# and the gateway on http://127.0.0.1:5100 in front. Ctrl+C stops everything it started.
#
#   bash infra/local/run-replicas.sh [N]
#
# With ASSISTANT_POSTGRES set (an Npgsql connection string) the replicas use that database; otherwise a throwaway
# cluster is started in a temporary folder (infra/postgres/throwaway-cluster.sh) and removed at the end, with
# everything in it. Each replica keeps per-replica files in data/replicaK; logs go to data/replicaK.log.
set -euo pipefail
cd "$(dirname "$0")/../.."

replicas="${1:-3}"
[[ "$replicas" =~ ^[1-9]$ ]] || { echo "usage: $0 [N]  (1 to 9 replicas)" >&2; exit 2; }

pids=()
pg_dir=""
stop() {
  # A second Ctrl+C (or the TERM a supervisor forwards) must not cut the clean-up short.
  trap "" INT TERM
  trap - EXIT
  echo "==> stopping"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ -n "$pg_dir" ]; then
    bash infra/postgres/throwaway-cluster.sh stop "$pg_dir"
    echo "    removed the throwaway cluster in $pg_dir"
  fi
}
trap stop EXIT INT TERM

echo "==> building (Release)"
dotnet build Assistant.sln -c Release -nologo -v quiet >/dev/null

connection="${ASSISTANT_POSTGRES:-}"
if [ -z "$connection" ]; then
  pg_dir="$(mktemp -d -u "${TMPDIR:-/tmp}/assistant-pg.XXXXXX")"
  echo "==> starting a throwaway PostgreSQL cluster in $pg_dir"
  connection="$(bash infra/postgres/throwaway-cluster.sh start "$pg_dir")"
fi

mkdir -p data
gateway_destinations=()
for k in $(seq 1 "$replicas"); do
  port=$((5100 + k))
  echo "==> replica$k on http://127.0.0.1:$port (log: data/replica$k.log)"
  dotnet src/Assistant.Web/bin/Release/net10.0/Assistant.Web.dll --urls "http://127.0.0.1:$port" \
    --Assistant:DataDirectory "data/replica$k" \
    --Assistant:Storage:Provider PostgreSQL --Assistant:Storage:ConnectionString "$connection" \
    >"data/replica$k.log" 2>&1 &
  pids+=($!)
  gateway_destinations+=(--ReverseProxy:Clusters:assistant:Destinations:replica$k:Address "http://127.0.0.1:$port")
done
# appsettings.json names three destinations; with fewer replicas the spare names point at replica 1.
for k in $(seq $((replicas + 1)) 3); do
  gateway_destinations+=(--ReverseProxy:Clusters:assistant:Destinations:replica$k:Address "http://127.0.0.1:5101")
done

echo "==> waiting for every replica to be ready (the first ingests the knowledge folder; the others wait their turn)"
for k in $(seq 1 "$replicas"); do
  until curl -fsS "http://127.0.0.1:$((5100 + k))/healthz/ready" >/dev/null 2>&1; do
    if ! kill -0 "${pids[$((k - 1))]}" 2>/dev/null; then
      echo "error: replica$k exited; the end of data/replica$k.log:" >&2
      tail -n 20 "data/replica$k.log" >&2
      exit 1
    fi
    sleep 1
  done
  echo "    replica$k ready"
done

echo "==> gateway on http://127.0.0.1:5100 (log: data/gateway.log)"
dotnet src/Assistant.Gateway/bin/Release/net10.0/Assistant.Gateway.dll "${gateway_destinations[@]}" >data/gateway.log 2>&1 &
pids+=($!)
until curl -fsS http://127.0.0.1:5100/healthz >/dev/null 2>&1; do sleep 1; done
echo "==> open http://127.0.0.1:5100 (Ctrl+C stops everything)"
wait
