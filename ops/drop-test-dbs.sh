#!/usr/bin/env bash
# Drops databases that test classes of an earlier, interrupted run left behind. Test databases are named
# t_<pid>_<n>_<class>: one whose test process is still alive (another run on this machine) is left alone.
set -euo pipefail
[ -n "${TRACKER_TEST_DB:-}" ] || exit 0
kv() { echo "$TRACKER_TEST_DB" | tr ';' '\n' | sed -n "s/^$1=//Ip" | head -n 1; }
export PGHOST=$(kv Host) PGPORT=$(kv Port) PGUSER=$(kv Username) PGPASSWORD=$(kv Password) PGDATABASE=$(kv Database)
for db in $(psql -tAc "select datname from pg_database where datname like 't\_%'" 2>/dev/null); do
  pid=$(echo "$db" | cut -d_ -f2)
  if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then continue; fi
  psql -qc "drop database if exists \"$db\" with (force)" >/dev/null 2>&1 || true
done
