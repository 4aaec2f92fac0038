#!/usr/bin/env bash
# Scratch clusters of the local PostgreSQL for tests and benchmarks (run as root, on the machine of
# the PostgreSQL server named by DATABASE_URL):
#   bin/pg-cluster.sh replica <name> <port> [<primary port>]  a standby cluster <name> on <port>, made
#                                                             with pg_basebackup, started, streaming
#   bin/pg-cluster.sh standalone <name> <port>                a new empty cluster, started (trust auth
#                                                             from this machine)
#   bin/pg-cluster.sh restart <name> [immediate|fast]         restarts it (immediate: as after a crash)
#   bin/pg-cluster.sh down <name>                             stops and removes it
set -euo pipefail

version=$(ls /etc/postgresql | sort -V | tail -n 1)
cmd=${1:-}
usage='usage: pg-cluster.sh replica|standalone|restart|down <name> [<port> [<primary port>]]'
name=${2:?$usage}
[[ "$name" =~ ^[a-z0-9_]+$ ]] || { echo "bad cluster name: $name" >&2; exit 2; }

wait_ready() {
  for _ in $(seq 1 60); do
    pg_isready -q -h 127.0.0.1 -p "$1" && return 0
    sleep 0.5
  done
  pg_isready -q -h 127.0.0.1 -p "$1"
}

case "$cmd" in
replica)
  port=${3:?port}
  primary_port=${4:-5432}
  primary_conf=$(ls -d /etc/postgresql/"$version"/*/ | while read -r d; do
    if grep -Eq "^\s*port\s*=\s*$primary_port\b" "$d/postgresql.conf"; then echo "$d"; fi
  done | head -n 1)
  [ -n "$primary_conf" ] || { echo "no local cluster of PostgreSQL $version listens on port $primary_port" >&2; exit 1; }
  # Replication connections from this machine, as trusted as the other local connections.
  if ! grep -Eq '^\s*host\s+replication\s+all\s+127\.0\.0\.1/32' "$primary_conf/pg_hba.conf"; then
    echo 'host replication all 127.0.0.1/32 trust' >>"$primary_conf/pg_hba.conf"
    runuser -u postgres -- psql -q -h 127.0.0.1 -p "$primary_port" -d postgres -c 'select pg_reload_conf()' >/dev/null
  fi
  pg_createcluster -q "$version" "$name" -p "$port" --start-conf=manual >/dev/null
  # The same client authentication as the primary's.
  cp "$primary_conf/pg_hba.conf" "/etc/postgresql/$version/$name/pg_hba.conf"
  data=/var/lib/postgresql/$version/$name
  find "$data" -mindepth 1 -delete
  runuser -u postgres -- pg_basebackup -h 127.0.0.1 -p "$primary_port" -U postgres -D "$data" -R -X stream -c fast
  pg_ctlcluster "$version" "$name" start
  wait_ready "$port"
  ;;
standalone)
  port=${3:?port}
  pg_createcluster -q "$version" "$name" -p "$port" --start-conf=manual -- --auth-local=trust --auth-host=trust >/dev/null
  pg_ctlcluster "$version" "$name" start
  wait_ready "$port"
  ;;
restart)
  mode=${3:-immediate}
  port=$(pg_lsclusters -h | awk -v n="$name" '$2 == n { print $3 }')
  pg_ctlcluster "$version" "$name" restart -m "$mode"
  wait_ready "$port"
  ;;
down)
  pg_dropcluster "$version" "$name" --stop 2>/dev/null || true
  ;;
*)
  echo "$usage" >&2
  exit 2
  ;;
esac
