#!/usr/bin/env bash
# A throwaway PostgreSQL cluster in a folder of its own, listening on 127.0.0.1 only: for the tests, the load run
# and trying the product on PostgreSQL without touching a system cluster.
#
#   throwaway-cluster.sh start DIR [--port N] [--fast]   initdb + start; prints the connection string on stdout
#   throwaway-cluster.sh stop DIR                        stops the cluster and deletes DIR
#
# The superuser is "assistant" with a random password (scram-sha-256, also over TCP on loopback). --fast turns off
# fsync and synchronous commit: right for tests, wrong for any figure about durable writes. Debian's binaries are
# found under /usr/lib/postgresql/<version>/bin; as root the server runs as the "postgres" user, since PostgreSQL
# refuses to run as root.
set -euo pipefail

fail() { echo "throwaway-cluster: $*" >&2; exit 1; }

command="${1:-}"
dir="${2:-}"
[ -n "$command" ] && [ -n "$dir" ] || fail "usage: $0 start|stop DIR [--port N] [--fast]"
shift 2

bindir=""
if command -v pg_ctl >/dev/null 2>&1; then
  bindir="$(dirname "$(readlink -f "$(command -v pg_ctl)")")"
else
  bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
fi
[ -n "$bindir" ] && [ -x "$bindir/initdb" ] || fail "PostgreSQL's server binaries (initdb, pg_ctl) were not found; install them with: apt-get install -y postgresql"

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

case "$command" in
  start)
    port=""
    fast=0
    while [ $# -gt 0 ]; do
      case "$1" in
        --port) port="$2"; shift 2 ;;
        --fast) fast=1; shift ;;
        *) fail "unknown option: $1" ;;
      esac
    done
    if [ -z "$port" ]; then
      port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    fi
    if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
      fail "running as root needs the 'postgres' user (created by Debian's postgresql package) to own the cluster"
    fi
    mkdir -p "$dir"
    [ -z "$(ls -A "$dir")" ] || fail "$dir is not empty; give a new folder"
    password="$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
    printf '%s\n' "$password" > "$dir/password"
    if [ "$(id -u)" -eq 0 ]; then
      chown -R postgres "$dir"
    fi
    chmod 700 "$dir"
    if ! as_owner "$bindir/initdb" -D "$dir/data" -U assistant --pwfile="$dir/password" -A scram-sha-256 -E UTF8 \
        --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1; then
      cat "$dir/initdb.log" >&2
      fail "initdb failed in $dir/data (its output is above)"
    fi
    settings="-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=300"
    if [ "$fast" -eq 1 ]; then
      settings="$settings -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    fi
    if ! as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -o "$settings" -w -t 60 start >/dev/null; then
      tail -n 20 "$dir/server.log" >&2 || true
      fail "the server did not start on 127.0.0.1:$port (the end of $dir/server.log is above)"
    fi
    echo "Host=127.0.0.1;Port=$port;Username=assistant;Password=$password;Database=postgres"
    ;;
  stop)
    if [ -d "$dir/data" ]; then
      as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    fail "unknown command: $command (start or stop)"
    ;;
esac
