#!/usr/bin/env bash
# Runs deploy.sh's deploy, backup, restore and rollback for real against this machine's PostgreSQL,
# with a stand-in for the `docker` command (there is no Docker engine here). The stand-in records
# what Compose would be asked and runs `docker compose exec -T postgres …` (pg_dump, pg_restore,
# psql) locally, on a throwaway database that replaces the stack's `booking` one; so backups are
# real pg_dump archives and restores really happen into a fresh database that is then swapped in.
# Needs: PostgreSQL client tools and a server at PGHOST (default 127.0.0.1) where PGUSER (default
# postgres) may create databases; skips (exit 0, saying so) when there is none.
# Exits non-zero when any step fails. Leaves nothing behind (databases dropped, temp dir removed).
set -euo pipefail
cd "$(dirname "$0")/../.."
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
if ! command -v pg_dump >/dev/null 2>&1 || ! pg_isready -q 2>/dev/null; then
  echo "deploy-flow: skipped, no PostgreSQL at $PGHOST:$PGPORT"
  exit 0
fi
TMP="$(mktemp -d)"
DB="deployflow_$(date +%s)_$$"
cleanup() {
  psql -q -d postgres -Atc "SELECT datname FROM pg_database WHERE datname LIKE '${DB}%'" 2>/dev/null |
    while IFS= read -r name; do psql -q -d postgres -c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)" || true; done
  rm -rf "$TMP"
}
trap cleanup EXIT
PASSED=0
FAILED=0
ok() {
  PASSED=$((PASSED + 1))
  echo "ok   $*"
}
fail() {
  FAILED=$((FAILED + 1))
  echo "FAIL $*"
}
expect() { # description command...
  local description="$1"
  shift
  if "$@" >"$TMP/out" 2>&1; then
    ok "$description"
    if [ -n "${VERBOSE:-}" ]; then sed 's/^/     | /' "$TMP/out"; fi
  else
    fail "$description"
    sed 's/^/     | /' "$TMP/out" | tail -30
  fi
}

# A copy of the kit, so no real deploy/.env, backups or state are touched.
KIT="$TMP/kit"
mkdir -p "$KIT/deploy" "$TMP/bin" "$TMP/fake"
cp .env.template "$KIT/"
cp -r deploy/deploy.sh deploy/docker-compose.yml deploy/nginx deploy/postgres "$KIT/deploy/"
export FAKE="$TMP/fake" FAKE_DB="$DB"

cat >"$TMP/bin/docker" <<'SHIM'
#!/usr/bin/env bash
# Stand-in for docker / docker compose (see deploy-flow.sh).
set -euo pipefail
echo "docker $*" >>"$FAKE/calls.log"
case "$1" in
info) exit 0 ;;
inspect)
  id="${*: -1}"
  cat "$FAKE/health-$id" 2>/dev/null || echo healthy
  exit 0
  ;;
image)
  case "$2" in
  tag) printf '%s\n%s\n' "$3" "$4" >>"$FAKE/images" ;;
  inspect) grep -qxF "$3" "$FAKE/images" ;;
  esac
  exit $?
  ;;
compose) shift ;;
*) echo "fake docker: unsupported: $*" >&2; exit 1 ;;
esac
if [ "$1" = version ]; then echo "Docker Compose version v2.0.0-fake"; exit 0; fi
project=.
while [[ $1 == -* ]]; do
  [ "$1" = --project-directory ] && project="$2"
  shift 2
done
sub="$1"
shift
case "$sub" in
pull) ;;
build) echo "${APP_IMAGE:-booking-app}:$APP_TAG" >>"$FAKE/images" ;;
up)
  for arg in "$@"; do
    case "$arg" in -* | *=*) continue ;; esac
    echo running >"$FAKE/svc-$arg"
    if [ "$arg" = app ]; then
      echo "${APP_TAG:-latest}" >"$FAKE/app-tag"
      # FAKE_UNHEALTHY_NEW=1: a tag never started before (a new release) never gets healthy.
      if [ -n "${FAKE_UNHEALTHY_NEW:-}" ] && ! grep -qxF "${APP_TAG:-latest}" "$FAKE/started" 2>/dev/null; then
        echo unhealthy >"$FAKE/health-app1"
      else
        echo healthy >"$FAKE/health-app1"
        echo "${APP_TAG:-latest}" >>"$FAKE/started"
      fi
    fi
  done
  ;;
ps)
  svc="${*: -1}"
  if [ "$svc" != -q ] && grep -qs running "$FAKE/svc-$svc"; then echo "${svc}1"; fi
  ;;
stop) echo stopped >"$FAKE/svc-$1" ;;
start) echo running >"$FAKE/svc-$1" ;;
logs) echo "(fake logs)" ;;
run)
  [ -z "${FAKE_CERTBOT_FAIL:-}" ] || { echo "certbot: challenge failed" >&2; exit 1; }
  domain=""
  while [ $# -gt 0 ]; do
    if [ "$1" = -d ]; then domain="$2"; fi
    shift
  done
  mkdir -p "$project/letsencrypt/live/$domain"
  echo "issued by fake Let's Encrypt" >"$project/letsencrypt/live/$domain/fullchain.pem"
  echo key >"$project/letsencrypt/live/$domain/privkey.pem"
  ;;
exec)
  [ "$1" = -T ] && shift
  svc="$1"
  shift
  [ "$svc" = postgres ] || exit 0
  # The stack's role and database `booking` become the local superuser and the throwaway database.
  args=()
  prev=""
  for arg in "$@"; do
    if [ "$prev" = -U ]; then arg="$PGUSER"; fi
    arg="$(printf '%s' "$arg" | sed -e "s/OWNER booking\b/OWNER $PGUSER/g" -e "s/\<booking/$FAKE_DB/g")"
    args+=("$arg")
    prev="$arg"
  done
  exec "${args[@]}"
  ;;
*) echo "fake docker compose: unsupported: $sub" >&2; exit 1 ;;
esac
SHIM
chmod +x "$TMP/bin/docker"
export PATH="$TMP/bin:$PATH"
D="$KIT/deploy/deploy.sh"
export DEPLOY_TIMEOUT=4 ASSUME_YES=yes
state() { grep -E "^$1=" "$KIT/deploy/.state/release" | cut -d= -f2-; }
sql() { psql -q -d "$DB" -Atc "$1"; }

"$D" init reservas.example.invalid ops@example.com >/dev/null
sed -i -e 's/=CHANGE_ME$/=sample-value-1234567890/' -e 's/^WHATSAPP_PHONE_NUMBER_ID=.*/WHATSAPP_PHONE_NUMBER_ID=1098765/' \
  -e 's/^BACKUP_KEEP=.*/BACKUP_KEEP=2/' "$KIT/deploy/.env"
createdb "$DB"
sql "CREATE EXTENSION IF NOT EXISTS btree_gist;
     CREATE TABLE stay (unit int, nights daterange, guest text,
       EXCLUDE USING gist (unit WITH =, nights WITH &&));
     INSERT INTO stay VALUES (1, '[2026-12-10,2026-12-12)', 'Ana');"

expect "first deploy: builds, starts, bootstraps then issues the certificate" "$D" deploy
T1="$(state CURRENT_TAG)"
expect "first deploy recorded (no previous release, no pre-deploy backup)" \
  test -n "$T1" -a -z "$(state PREVIOUS_TAG)" -a -z "$(state PRE_DEPLOY_BACKUP)"
expect "Compose: postgres and redis first, the app with its scale, nginx and certbot without touching the app" bash -c \
  "grep -q ' up -d postgres redis\$' '$FAKE/calls.log' && grep -q ' up -d --no-deps --scale app=1 app\$' '$FAKE/calls.log' &&
   grep -q ' up -d --no-deps nginx\$' '$FAKE/calls.log' && ! grep -E ' up -d (nginx|certbot)' '$FAKE/calls.log' &&
   grep -q ' run --rm --entrypoint certbot certbot certonly --webroot -w /var/www/certbot -d reservas.example.invalid ' '$FAKE/calls.log'"
expect "the self-signed bootstrap certificate was replaced" bash -c \
  "grep -q 'fake Let' '$KIT/deploy/letsencrypt/live/reservas.example.invalid/fullchain.pem' &&
   [ ! -e '$KIT/deploy/letsencrypt/live/reservas.example.invalid/.bootstrap-self-signed' ]"

sleep 1
sql "INSERT INTO stay VALUES (2, '[2026-12-20,2026-12-24)', 'Beto');"
expect "second deploy" "$D" deploy
T2="$(state CURRENT_TAG)"
PRE="$(state PRE_DEPLOY_BACKUP)"
expect "second deploy keeps the previous tag and a pre-deploy backup" \
  test "$T2" != "$T1" -a "$(state PREVIOUS_TAG)" = "$T1" -a -s "$PRE"
expect "the pre-deploy backup is a real pg_dump archive with both stays" bash -c \
  "pg_restore --list '$PRE' | grep -q 'TABLE DATA public stay' && pg_restore -a -t stay -f - '$PRE' | grep -q Beto"
expect "backups are private (0600, directory 0700)" bash -c \
  "[ \"\$(stat -c %a '$PRE')\" = 600 ] && [ \"\$(stat -c %a '$KIT/deploy/backups')\" = 700 ]"

for _ in 1 2 3; do "$D" backup >/dev/null; done
expect "backup rotation keeps BACKUP_KEEP=2 daily backups, pre-deploy ones apart" bash -c \
  "[ \$(ls '$KIT/deploy/backups'/booking-*.dump | wc -l) = 2 ] && [ -s '$PRE' ]"
LAST="$(find "$KIT/deploy/backups" -name 'booking-*.dump' -printf '%T@ %p\n' | sort -rn | head -1 | cut -d' ' -f2-)"

sql "DELETE FROM stay; INSERT INTO stay VALUES (3, '[2027-01-05,2027-01-08)', 'Caro');"
expect "restore without a terminal and without ASSUME_YES refuses" bash -c \
  "out=\$(ASSUME_YES= '$D' restore '$LAST' </dev/null 2>&1); rc=\$?; echo \"\$out\"; [ \$rc = 1 ] && grep -q 'asks for confirmation' <<<\"\$out\""
expect "restore refuses a file that is not a pg_dump archive" bash -c \
  "echo nonsense >'$TMP/bad.dump'; ! '$D' restore '$TMP/bad.dump' 2>&1 | tee '$TMP/bad.out';
   grep -q 'not a pg_dump -Fc archive' '$TMP/bad.out' && ! grep -q 'backup:' '$TMP/bad.out'"
expect "the refused restores changed nothing" test "$(sql "SELECT string_agg(guest, ',') FROM stay")" = Caro
expect "restore: into a fresh database, swapped in, app restarted" "$D" restore "$LAST"
expect "restored data is the backup's (Ana, Beto), the old database is kept" bash -c \
  "[ \"\$(psql -d '$DB' -Atc \"SELECT string_agg(guest, ',' ORDER BY guest) FROM stay\")\" = Ana,Beto ] &&
   psql -d postgres -Atc \"SELECT 1 FROM pg_database WHERE datname LIKE '${DB}_before_restore_%'\" | grep -q 1 &&
   ls '$KIT/deploy/backups'/pre-restore-*.dump >/dev/null && grep -q running '$FAKE/svc-app'"
expect "the exclusion constraint came back with the data" bash -c \
  "! psql -q -d '$DB' -c \"INSERT INTO stay VALUES (1, '[2026-12-11,2026-12-13)', 'Dup')\" 2>/dev/null"

expect "rollback returns to the previous image" "$D" rollback
expect "rollback swapped current and previous, database untouched" bash -c \
  "grep -qx 'CURRENT_TAG=$T1' '$KIT/deploy/.state/release' && grep -qx 'PREVIOUS_TAG=$T2' '$KIT/deploy/.state/release' &&
   [ \"\$(cat '$FAKE/app-tag')\" = '$T1' ] && [ \"\$(psql -d '$DB' -Atc 'SELECT count(*) FROM stay')\" = 2 ]"
expect "rollback again returns to the newer release" bash -c "'$D' rollback && grep -qx 'CURRENT_TAG=$T2' '$KIT/deploy/.state/release'"

sql "DELETE FROM stay;"
expect "rollback --restore-db restores the pre-deploy backup" "$D" rollback --restore-db
expect "after rollback --restore-db: the stays of the pre-deploy backup" test \
  "$(sql "SELECT string_agg(guest, ',' ORDER BY guest) FROM stay")" = Ana,Beto

sleep 1
BEFORE="$(state CURRENT_TAG)"
expect "a deploy whose app never gets healthy fails" bash -c "! FAKE_UNHEALTHY_NEW=1 '$D' deploy"
expect "... and the previous release runs again, still recorded as current" bash -c \
  "[ \"\$(cat '$FAKE/app-tag')\" = '$BEFORE' ] && grep -qx 'CURRENT_TAG=$BEFORE' '$KIT/deploy/.state/release'"

sed -i 's/^JWT_SECRET=.*/JWT_SECRET=weak/' "$KIT/deploy/.env"
: >"$FAKE/calls.log"
expect "deploy with a bad .env stops at check, before any docker command" bash -c \
  "! '$D' deploy && [ ! -s '$FAKE/calls.log' ]"

echo "deploy-flow: $PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
