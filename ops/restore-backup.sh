#!/usr/bin/env bash
# make restore-backup: restores a dump made by ops/backup.sh with pg_restore, in one transaction (all or nothing).
#   ops/restore-backup.sh FILE [--into DATABASE] [--replace]
# The target is the database ops/db.sh prints (TRACKER_DB when set), or DATABASE on the same server (created when missing).
# A target that already holds Tracker's schema is refused unless --replace is given: its data would be dropped first.
# Stop the API on the target while restoring; start it again afterwards (it applies no schema change to a restored dump).
set -euo pipefail
cd "$(dirname "$0")/.."
file=${1:-}; shift || true
into=; replace=
while [ $# -gt 0 ]; do
  case "$1" in
    --into) into=$2; shift 2 ;;
    --replace) replace=1; shift ;;
    *) echo "usage: ops/restore-backup.sh FILE [--into DATABASE] [--replace]" >&2; exit 2 ;;
  esac
done
if [ -z "$file" ] || [ ! -f "$file" ]; then
  echo "restore-backup: no dump file '${file}' (make restore-backup FILE=backups/<name>.dump)" >&2; exit 2
fi
source ops/pg-env.sh
pg_env "$(ops/db.sh)"
target=${into:-$PGDATABASE}
exists=$(psql -d postgres -tAc "select 1 from pg_database where datname = '${target//\'/\'\'}'" || true)
if [ "$exists" != 1 ]; then
  echo "restore-backup: creating database $target" >&2
  psql -d postgres -v ON_ERROR_STOP=1 -qc "create database \"${target//\"/\"\"}\""
elif [ "$(psql -d "$target" -tAc "select 1 from information_schema.schemata where schema_name = 'tracker'")" = 1 ] && [ -z "$replace" ]; then
  echo "restore-backup: $target already holds Tracker data; add --replace (REPLACE=1 with make) to drop it and restore $file" >&2; exit 1
fi
pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction --exit-on-error -d "$target" "$file"
echo "restore-backup: $file -> $target on $PGHOST:$PGPORT" >&2
