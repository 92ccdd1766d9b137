#!/usr/bin/env bash
# make backup: dumps the database ops/db.sh prints (TRACKER_DB when set) with pg_dump, in its custom format (compressed,
# restorable table by table), to backups/tracker-<UTC time>.dump or the file given. Consistent while the API runs:
# pg_dump reads one snapshot. Prints the file's path on stdout.
#   ops/backup.sh [FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
source ops/pg-env.sh
pg_env "$(ops/db.sh)"
file=${1:-backups/tracker-$(date -u +%Y%m%dT%H%M%SZ).dump}
mkdir -p "$(dirname "$file")"
pg_dump --format=custom --no-owner --no-privileges --file="$file.partial" "$PGDATABASE"
mv "$file.partial" "$file"
echo "backup: $PGDATABASE on $PGHOST:$PGPORT -> $file ($(du -h "$file" | cut -f1))" >&2
echo "$file"
