#!/usr/bin/env bash
# The raw PostgreSQL ceiling for docs/benchmarks.md: pgbench runs the hold INSERT (and the whole
# PlaceHold statement sequence) against the real schema, 8 clients, as the Java benchmark does.
# Usage: benchmarks/pgbench/run.sh [seconds]   (PG* environment variables select the server)
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-10}"
export PGOPTIONS="${PGOPTIONS:--c client_min_messages=warning}"
export PGHOST="${PGHOST:-127.0.0.1}" PGUSER="${PGUSER:-postgres}"
db="booking_pgbench_$$"
createdb "$db"
trap 'dropdb --force "$db"' EXIT
for migration in ../../adapters-persistence/src/main/resources/db/migration/V*.sql; do
  psql -q -v ON_ERROR_STOP=1 -d "$db" -f "$migration"
done
psql -q -v ON_ERROR_STOP=1 -d "$db" <<'SQL'
CREATE SEQUENCE bench_seq START 1000000;
CREATE SEQUENCE bench_slot;
INSERT INTO accommodation (id, name, type, capacity, check_in_time, check_out_time, time_zone,
  active, currency, base_nightly_rate, weekend_nights, weekend_multiplier, min_nights,
  cleaning_fee, deposit_percentage)
SELECT g, 'Unidad ' || g, 'CABIN', 4, '14:00', '10:00', 'America/Argentina/Buenos_Aires', true,
  'ARS', 10000, '{5,6}', 1, 1, 0, 30 FROM generate_series(1, 20) g;
INSERT INTO event_subscriber (name) VALUES ('metrics'), ('notifications');
SQL
for script in insert_only place_hold; do
  for round in 1 2 3; do
    psql -q -d "$db" -c "TRUNCATE reservation, domain_event CASCADE; SELECT setval('bench_slot', 1, false);" >/dev/null
    tps=$(pgbench -n -c 8 -j 2 -T "$seconds" -f "$script.sql" "$db" 2>/dev/null \
      | awk '/^tps/ {print int($3)}')
    echo "$script round $round: $tps tps"
  done
done
