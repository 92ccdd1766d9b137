#!/usr/bin/env bash
# Makes sure a PostgreSQL for Tracker is running and prints its connection string (and nothing else on stdout).
#   1. TRACKER_DB set            -> used as it is;
#   2. a Docker engine answers   -> `docker compose up -d db`, waits until healthy;
#   3. otherwise                 -> the local server binaries (Debian package `postgresql`, installed if missing
#                                   and we are root): starts the cluster, creates role and database `tracker`.
# Idempotent: running it again changes nothing and keeps the data.
set -euo pipefail
log() { echo "db: $*" >&2; }
DEV_PASSWORD="tracker-dev-only"   # development default, not a secret
CONN="Host=127.0.0.1;Port=5432;Database=tracker;Username=tracker;Password=$DEV_PASSWORD"

if [ -n "${TRACKER_DB:-}" ]; then
  log "using TRACKER_DB"
  echo "$TRACKER_DB"; exit 0
fi

if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
  log "Docker engine found: docker compose up -d db"
  docker compose up -d db >&2
  for _ in $(seq 1 60); do
    [ "$(docker inspect -f '{{.State.Health.Status}}' "$(docker compose ps -q db)" 2>/dev/null)" = healthy ] && { echo "$CONN"; exit 0; }
    sleep 1
  done
  log "the db container did not become healthy in 60s"; exit 1
fi

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -n -u postgres "$@"; fi; }

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "no PostgreSQL server found: installing the Debian package postgresql"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; } >&2
  else
    log "no PostgreSQL server binaries: install the OS package 'postgresql', or set TRACKER_DB"; exit 1
  fi
fi

cluster=$(pg_lsclusters -h 2>/dev/null | head -n 1 || true)
if [ -z "$cluster" ]; then
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  log "creating cluster $version/main"
  pg_createcluster "$version" main >&2
  cluster=$(pg_lsclusters -h | head -n 1)
fi
read -r version name port status _ <<<"$cluster"
if [ "$status" != "online" ]; then
  log "starting cluster $version/$name"
  pg_ctlcluster "$version" "$name" start >&2
fi
for _ in $(seq 1 30); do as_postgres pg_isready -q -p "$port" && break; sleep 1; done

as_postgres psql -p "$port" -v ON_ERROR_STOP=1 -q >&2 <<SQL
do \$\$ begin
  if not exists (select from pg_roles where rolname = 'tracker') then
    create role tracker login createdb password '$DEV_PASSWORD';
  end if;
end \$\$;
SQL
if ! as_postgres psql -p "$port" -tAc "select 1 from pg_database where datname = 'tracker'" | grep -q 1; then
  as_postgres createdb -p "$port" -O tracker tracker >&2
fi
echo "Host=127.0.0.1;Port=$port;Database=tracker;Username=tracker;Password=$DEV_PASSWORD"
