# Sourced by ops/backup.sh and ops/restore-backup.sh: turns an Npgsql connection string (what ops/db.sh prints, or
# TRACKER_DB) into the PG* variables that pg_dump, pg_restore and psql read, so no password is ever on a command line.
#   pg_env "Host=127.0.0.1;Port=5432;Database=tracker;Username=tracker;Password=..."
pg_env() {
  local part key value
  export PGHOST=127.0.0.1 PGPORT=5432 PGDATABASE= PGUSER= PGPASSWORD=
  IFS=';' read -ra parts <<<"$1"
  for part in "${parts[@]}"; do
    [ -z "$part" ] && continue
    key=$(echo "${part%%=*}" | tr '[:upper:]' '[:lower:]' | tr -d ' ')
    value="${part#*=}"
    case "$key" in
      host|server) export PGHOST="$value" ;;
      port) export PGPORT="$value" ;;
      database|db) export PGDATABASE="$value" ;;
      username|userid|user|uid) export PGUSER="$value" ;;
      password|pwd) export PGPASSWORD="$value" ;;
    esac
  done
  if [ -z "$PGDATABASE" ] || [ -z "$PGUSER" ]; then
    echo "pg-env: the connection string names no Database or Username" >&2; return 1
  fi
}
