#!/usr/bin/env bash
# Deploy and operate the booking system with Docker Compose on one server (docs/deploy.md).
#
#   deploy.sh init [DOMAIN [LETSENCRYPT_EMAIL [ADMIN_EMAIL]]]  write deploy/.env with generated secrets
#   deploy.sh check [--app-only]      validate the .env against .env.template (nothing else runs first)
#   deploy.sh deploy                  check, back up, build, start the new app (migrates), wait healthy
#   deploy.sh status                  containers, health, releases, latest backups
#   deploy.sh logs [SERVICE...]       follow logs (default: app)
#   deploy.sh backup                  pg_dump -Fc into deploy/backups, keep BACKUP_KEEP of them
#   deploy.sh restore FILE            restore a dump into a fresh database and switch to it (asks first)
#   deploy.sh rollback [--restore-db] start the previous image again (and restore the pre-deploy backup)
#
# Environment: ENV_FILE (default deploy/.env), ENV_TEMPLATE (default .env.template at the repository
# root), BACKUP_DIR (default deploy/backups), ASSUME_YES=yes (answer the confirmation prompts),
# DEPLOY_TIMEOUT (seconds to wait for health, default 180).
# Exit codes: 0 success, 1 failure (check found problems, unhealthy deploy, ...), 2 usage error.
set -euo pipefail

DEPLOY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$DEPLOY_DIR/.." && pwd)"
ENV_FILE="${ENV_FILE:-$DEPLOY_DIR/.env}"
ENV_TEMPLATE="${ENV_TEMPLATE:-$REPO_DIR/.env.template}"
BACKUP_DIR="${BACKUP_DIR:-$DEPLOY_DIR/backups}"
STATE_FILE="$DEPLOY_DIR/.state/release"
DEPLOY_TIMEOUT="${DEPLOY_TIMEOUT:-180}"
# Fixed by docker-compose.yml: the database, its owner and the service names on the internal network.
DB_NAME=booking
DB_USER=booking

# Settings only the Compose stack reads (not the app): the rules use the same words as the
# "# @production" tags of .env.template.
DEPLOY_RULES=(
  "DOMAIN required hostname"
  "LETSENCRYPT_EMAIL required email"
  "POSTGRES_PASSWORD required secret urlsafe generate"
  "COMPOSE_PROJECT_NAME"
  "BACKUP_KEEP digits"
  "APP_SCALE digits"
  "APP_IMAGE"
  "APP_TAG"
  "APP_MEM_LIMIT"
  "VOSK_MODEL"
  "LETSENCRYPT_STAGING"
)

# Config.KNOWN_WEAK_SECRETS: values from examples and tutorials.
KNOWN_WEAK=" changeme change-me change_me secret password admin admin123 12345678 123456789012 your-secret-key replace-me-with-openssl-rand-hex-32 development-secret "

die() {
  echo "deploy.sh: $*" >&2
  exit 1
}
usage() {
  sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}
log() { echo "==> $*"; }

# --- the .env and its template ---------------------------------------------------------------

declare -A RULES=()    # NAME -> rule words
declare -A DECLARED=() # NAME -> 1 when .env.template declares it
declare -A ENV=()      # NAME -> value from the .env file
declare -a ENV_ORDER=()
PROBLEMS=0

problem() {
  echo "ERROR: $*" >&2
  PROBLEMS=$((PROBLEMS + 1))
}
warning() { echo "WARNING: $*" >&2; }

load_template() {
  [ -f "$ENV_TEMPLATE" ] || {
    echo "deploy.sh: template not found: $ENV_TEMPLATE" >&2
    exit 2
  }
  local line
  while IFS= read -r line || [ -n "$line" ]; do
    if [[ $line =~ ^#[[:space:]]?@production[[:space:]]+([A-Z][A-Z0-9_]*)[[:space:]]*(.*)$ ]]; then
      RULES[${BASH_REMATCH[1]}]="${RULES[${BASH_REMATCH[1]}]:-} ${BASH_REMATCH[2]}"
    elif [[ $line =~ ^#?[[:space:]]?([A-Z][A-Z0-9_]*)= ]]; then
      DECLARED[${BASH_REMATCH[1]}]=1
    fi
  done <"$ENV_TEMPLATE"
}

load_deploy_rules() {
  local entry name
  for entry in "${DEPLOY_RULES[@]}"; do
    name="${entry%% *}"
    DECLARED[$name]=1
    if [ "$entry" != "$name" ]; then
      RULES[$name]="${RULES[$name]:-} ${entry#* }"
    else
      RULES[$name]="${RULES[$name]:-}"
    fi
  done
}

# Reads NAME=value lines literally (no quotes, no interpolation), as env_file and systemd's
# EnvironmentFile read them when values are plain.
load_env() {
  [ -f "$ENV_FILE" ] || {
    echo "deploy.sh: no $ENV_FILE (create it with: deploy.sh init)" >&2
    exit 2
  }
  local line n=0
  while IFS= read -r line || [ -n "$line" ]; do
    n=$((n + 1))
    line="${line%$'\r'}"
    [[ $line =~ ^[[:space:]]*(#.*)?$ ]] && continue
    if [[ $line =~ ^([A-Za-z_][A-Za-z0-9_]*)=(.*)$ ]]; then
      if [ -z "${ENV[${BASH_REMATCH[1]}]+x}" ]; then ENV_ORDER+=("${BASH_REMATCH[1]}"); fi
      ENV[${BASH_REMATCH[1]}]="${BASH_REMATCH[2]}"
    else
      problem "line $n of the .env is not NAME=value"
    fi
  done <"$ENV_FILE"
}

bytes() { LC_ALL=C printf '%s' "${#1}"; }
distinct() { printf '%s' "$1" | fold -w1 | sort -u | wc -l | tr -d ' '; }
known_weak() {
  local lower
  lower="$(printf '%s' "$1" | tr '[:upper:]' '[:lower:]')"
  [[ $KNOWN_WEAK == *" $lower "* ]]
}

# check_value NAME VALUE RULES: one problem line per broken rule, never echoing the value of a
# secret.
check_value() {
  local name="$1" value="$2" rules="$3" rule
  for rule in $rules; do
    case "$rule" in
    required | generate) ;;
    secret)
      if [ "$(bytes "$value")" -lt 32 ] || [ "$(distinct "$value")" -lt 8 ] || known_weak "$value"; then
        problem "$name is too weak: at least 32 bytes, 8 distinct characters, not a known default (generate: openssl rand -hex 32)"
      fi
      ;;
    password)
      if [ "${#value}" -lt 12 ] || [ "$(distinct "$value")" -lt 6 ] || known_weak "$value"; then
        problem "$name is too weak: at least 12 characters, 6 distinct, not a known default (generate: openssl rand -base64 18)"
      elif [ "$(bytes "$value")" -gt 72 ]; then
        problem "$name is too long: at most 72 bytes"
      fi
      ;;
    https)
      [[ $value =~ ^https://[A-Za-z0-9.-]+(:[0-9]+)?(/.*)?$ ]] ||
        problem "$name must be an https:// URL (Meta and Mercado Pago only call https)"
      ;;
    postgres-url)
      [[ $value =~ ^(postgres|postgresql)://[^@/]+@[^/:?]+(:[0-9]+)?/[^/@?]+(\?.*)?$ || $value =~ ^jdbc:postgresql://[^/:?]+(:[0-9]+)?/[^/@?]+(\?.*)?$ ]] ||
        problem "$name must look like postgresql://user:password@host:5432/database (percent-encode special characters of the password)"
      ;;
    redis-url)
      [[ $value =~ ^rediss?://[^/]+ ]] || problem "$name must start with redis:// or rediss://"
      ;;
    email)
      [[ $value =~ ^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$ ]] || problem "$name must be an e-mail address"
      ;;
    hostname)
      [[ $value =~ ^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$ ]] ||
        problem "$name must be a host name like reservas.example.com (no scheme, no path)"
      ;;
    digits)
      [[ $value =~ ^[0-9]+$ ]] || problem "$name must be a whole number"
      ;;
    urlsafe)
      [[ $value =~ ^[A-Za-z0-9._~-]+$ ]] || problem "$name may only use letters, digits and . _ ~ - (it goes into DATABASE_URL)"
      ;;
    is=*)
      [ "$value" = "${rule#is=}" ] || problem "$name must be ${rule#is=}"
      ;;
    *) warning "unknown rule '$rule' for $name in the tags" ;;
    esac
  done
}

# The whole check. $1 = app-only (no Compose settings) or compose.
run_check() {
  local mode="$1" name value rules
  PROBLEMS=0
  load_template
  if [ "$mode" = compose ]; then load_deploy_rules; fi
  load_env

  for name in "${!RULES[@]}"; do
    # A tag only counts while the template (or the stack) declares the variable.
    [ -n "${DECLARED[$name]:-}" ] || continue
    rules="${RULES[$name]}"
    value="${ENV[$name]-}"
    if [ -z "$value" ]; then
      if [[ " $rules " == *" required "* ]]; then
        if [ -n "${ENV[$name]+x}" ]; then
          problem "$name is empty (required in production)"
        else
          problem "$name is missing (required in production)"
        fi
      fi
      continue
    fi
    check_value "$name" "$value" "$rules"
  done

  for name in "${ENV_ORDER[@]}"; do
    value="${ENV[$name]}"
    if [[ ${value^^} == *CHANGE_ME* ]]; then
      problem "$name still contains CHANGE_ME: put the real value in"
    elif [[ $value =~ ^[\"\'] ]]; then
      problem "$name is quoted: write NAME=value without quotes (quotes would become part of the value)"
    elif [[ $value == *'$'* ]]; then
      problem "$name contains '\$', which Compose would expand: pick a value without it"
    elif [[ $value =~ ^[[:space:]] || $value =~ [[:space:]]$ ]]; then
      problem "$name has leading or trailing spaces"
    fi
    if [ -z "${DECLARED[$name]:-}" ] && [ -z "${RULES[$name]+x}" ]; then
      warning "$name is not a setting .env.template knows (a typo?)"
    fi
  done

  if [ "$mode" = compose ]; then check_compose_consistency; fi

  if [ "$PROBLEMS" -gt 0 ]; then
    echo "check: $ENV_FILE has $PROBLEMS problem(s); nothing was started" >&2
    return 1
  fi
  echo "check: $ENV_FILE is ready for production (${#ENV_ORDER[@]} settings)"
}

check_compose_consistency() {
  local url="${ENV[DATABASE_URL]:-}" redis="${ENV[REDIS_URL]:-}" base="${ENV[BASE_URL]:-}" domain="${ENV[DOMAIN]:-}"
  if [[ $url =~ ^postgres(ql)?://([^:@/]+):([^@/]*)@([^:/?]+)(:[0-9]+)?/([^?]+) ]] && [ "${BASH_REMATCH[4]}" = postgres ]; then
    [ "${BASH_REMATCH[2]}" = "$DB_USER" ] || problem "DATABASE_URL must use the user $DB_USER of the postgres service"
    [ "${BASH_REMATCH[6]}" = "$DB_NAME" ] || problem "DATABASE_URL must name the database $DB_NAME of the postgres service"
    [ "${BASH_REMATCH[3]}" = "${ENV[POSTGRES_PASSWORD]:-}" ] || problem "DATABASE_URL's password differs from POSTGRES_PASSWORD"
  elif [ -n "$url" ]; then
    warning "DATABASE_URL does not point at the postgres service of the stack: backup/restore work on the stack's database only"
  fi
  if [[ $redis =~ ^rediss?://redis(:[0-9]+)?(/|$) ]] && [ -z "${ENV[REDIS_PASSWORD]:-}" ]; then
    problem "REDIS_PASSWORD is required: the stack's redis service only accepts clients that know it"
  fi
  if [ -z "$redis" ] && [ "${ENV[APP_SCALE]:-1}" -gt 1 ] 2>/dev/null; then
    warning "APP_SCALE > 1 without REDIS_URL: booking locks are per instance (the database still refuses double bookings)"
  fi
  if [ -n "$domain" ] && [[ $base =~ ^https://([^/:]+) ]] && [ "${BASH_REMATCH[1]}" != "$domain" ]; then
    problem "BASE_URL's host is not DOMAIN ($domain): webhooks and payment links would point elsewhere"
  fi
  if [ -n "${DECLARED[WHATSAPP_APP_SECRET]:-}" ] && [ "${ENV[MAX_REQUEST_BYTES]:-1048576}" -lt 3145728 ] 2>/dev/null; then
    warning "MAX_REQUEST_BYTES is under 3 MiB: WhatsApp deliveries can be up to 3 MB (nginx allows 4m on the webhook, 1m elsewhere)"
  fi
}

# --- Docker Compose ---------------------------------------------------------------------------

COMPOSE=()
compose_init() {
  [ "$ENV_FILE" = "$DEPLOY_DIR/.env" ] || die "Compose reads deploy/.env (env_file); ENV_FILE is only for check"
  if docker compose version >/dev/null 2>&1; then
    COMPOSE=(docker compose -f "$DEPLOY_DIR/docker-compose.yml" --project-directory "$DEPLOY_DIR")
  elif command -v docker-compose >/dev/null 2>&1; then
    # Compose v1 builds with BuildKit only when asked (the Dockerfile uses RUN --mount).
    export DOCKER_BUILDKIT=1 COMPOSE_DOCKER_CLI_BUILD=1
    COMPOSE=(docker-compose -f "$DEPLOY_DIR/docker-compose.yml" --project-directory "$DEPLOY_DIR")
  else
    die "Docker Compose not found: install Docker Engine with the compose plugin (docs/deploy.md)"
  fi
  docker info >/dev/null 2>&1 || die "the Docker engine does not answer (is it running, are you root or in the docker group?)"
  # Every Compose call names the running release's image, so none recreates the app with another one.
  local current
  current="$(state CURRENT_TAG)"
  if [ -n "$current" ] && [ -z "${APP_TAG:-}" ]; then export APP_TAG="$current"; fi
}
compose() { "${COMPOSE[@]}" "$@"; }

setting() { # the value of a setting in the .env, or a default
  local value
  value="$(grep -E "^$1=" "$ENV_FILE" | tail -1 | cut -d= -f2- || true)"
  printf '%s' "${value:-${2:-}}"
}

state() {
  if [ -f "$STATE_FILE" ]; then grep -E "^$1=" "$STATE_FILE" | tail -1 | cut -d= -f2- || true; fi
}
save_state() { # current previous backup
  mkdir -p "$(dirname "$STATE_FILE")"
  printf 'CURRENT_TAG=%s\nPREVIOUS_TAG=%s\nPRE_DEPLOY_BACKUP=%s\nUPDATED=%s\n' "$1" "$2" "$3" \
    "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >"$STATE_FILE.tmp"
  mv "$STATE_FILE.tmp" "$STATE_FILE"
}

app_image() { setting APP_IMAGE booking-app; }

# Waits until every container of the service reports healthy.
wait_healthy() {
  local service="$1" deadline ids id status all
  deadline=$(($(date +%s) + DEPLOY_TIMEOUT))
  while :; do
    ids="$(compose ps -q "$service")"
    all=healthy
    [ -n "$ids" ] || all=none
    for id in $ids; do
      status="$(docker inspect --format '{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}' "$id")"
      [ "$status" = healthy ] || all="$status"
    done
    [ "$all" = healthy ] && return 0
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "deploy.sh: $service is not healthy after ${DEPLOY_TIMEOUT}s (last status: $all)" >&2
      return 1
    fi
    sleep 3
  done
}

reload_nginx() {
  # nginx resolves the app instances when it (re)loads its configuration.
  if [ -n "$(compose ps -q nginx)" ]; then compose exec -T nginx nginx -s reload >/dev/null || true; fi
}

start_app() { # tag
  local scale
  scale="$(setting APP_SCALE 1)"
  APP_TAG="$1" compose up -d --no-deps --scale app="$scale" app
  wait_healthy app
}

# First run: a self-signed certificate lets nginx start, then certbot replaces it over HTTP-01.
ensure_certificate() {
  local domain email live staging=()
  domain="$(setting DOMAIN)"
  email="$(setting LETSENCRYPT_EMAIL)"
  live="$DEPLOY_DIR/letsencrypt/live/$domain"
  if [ -f "$live/fullchain.pem" ] && [ ! -f "$live/.bootstrap-self-signed" ]; then
    compose up -d --no-deps nginx certbot
    reload_nginx
    return 0
  fi
  if [ ! -f "$live/fullchain.pem" ]; then
    log "bootstrap: a self-signed certificate for $domain so nginx can start"
    mkdir -p "$live"
    openssl req -x509 -nodes -newkey rsa:2048 -days 7 -subj "/CN=$domain" \
      -keyout "$live/privkey.pem" -out "$live/fullchain.pem" 2>/dev/null
    touch "$live/.bootstrap-self-signed"
  fi
  compose up -d --no-deps nginx
  log "asking Let's Encrypt for $domain (HTTP-01 through /.well-known/acme-challenge/)"
  if [ -n "$(setting LETSENCRYPT_STAGING)" ]; then staging=(--staging); fi
  local keep
  keep="$(mktemp -d)"
  cp -a "$live/." "$keep/"
  rm -rf "$live"
  if compose run --rm --entrypoint certbot certbot certonly --webroot -w /var/www/certbot \
    -d "$domain" --email "$email" --agree-tos --no-eff-email --non-interactive "${staging[@]}"; then
    rm -rf "$keep"
    compose up -d --no-deps certbot
    reload_nginx
    log "certificate installed; certbot renews it, nginx reloads every 6 hours"
  else
    mkdir -p "$live" && cp -a "$keep/." "$live/" && rm -rf "$keep"
    echo "deploy.sh: Let's Encrypt refused or could not reach http://$domain/.well-known/acme-challenge/:" >&2
    echo "  check that DNS points $domain here and ports 80/443 are open, then run deploy.sh deploy again." >&2
    echo "  nginx keeps serving with the self-signed certificate meanwhile." >&2
    return 1
  fi
}

# --- commands ---------------------------------------------------------------------------------

cmd_init() {
  local domain="${1:-}" email="${2:-}" admin="${3:-}" name rules value
  [ ! -e "$ENV_FILE" ] || die "$ENV_FILE exists; not overwriting it (edit it, then: deploy.sh check)"
  command -v openssl >/dev/null || die "openssl is needed to generate secrets"
  if [ -z "$domain" ] && [ -t 0 ]; then read -r -p "Domain (e.g. reservas.example.com): " domain; fi
  if [ -z "$email" ] && [ -t 0 ]; then read -r -p "E-mail for Let's Encrypt notices: " email; fi
  if [ -z "$admin" ] && [ -t 0 ]; then read -r -p "Owner's admin e-mail [$email]: " admin; fi
  if [ -z "$domain" ] || [ -z "$email" ]; then die "usage: deploy.sh init DOMAIN LETSENCRYPT_EMAIL [ADMIN_EMAIL]"; fi
  admin="${admin:-$email}"
  load_template
  local pg
  pg="$(openssl rand -hex 32)"
  declare -A set_here=()
  umask 077
  {
    echo "# Written by deploy.sh init on $(date -u +%Y-%m-%d). Secrets: keep this file 0600, never commit it."
    echo "# Every setting: .env.template at the repository root. Validate: deploy/deploy.sh check"
    echo "# --- the Compose stack (read by docker-compose.yml and deploy.sh, not by the app) ---"
    echo "COMPOSE_PROJECT_NAME=booking"
    echo "DOMAIN=$domain"
    echo "LETSENCRYPT_EMAIL=$email"
    echo "POSTGRES_PASSWORD=$pg"
    echo "BACKUP_KEEP=14"
    echo "APP_SCALE=1"
    echo "# --- the app ---"
    echo "ENVIRONMENT=production"
    echo "BASE_URL=https://$domain"
    echo "DATABASE_URL=postgresql://$DB_USER:$pg@postgres:5432/$DB_NAME"
    echo "REDIS_URL=redis://redis:6379"
    echo "ADMIN_EMAIL=$admin"
    echo "ADMIN_PASSWORD=$(openssl rand -hex 12)"
    echo "LOG_FORMAT=json"
    echo "# WhatsApp deliveries can be up to 3 MB; nginx keeps every other route at 1m."
    echo "MAX_REQUEST_BYTES=4194304"
    set_here=([ENVIRONMENT]=1 [BASE_URL]=1 [DATABASE_URL]=1 [REDIS_URL]=1 [ADMIN_EMAIL]=1
      [ADMIN_PASSWORD]=1 [LOG_FORMAT]=1 [MAX_REQUEST_BYTES]=1)
    for name in $(printf '%s\n' "${!RULES[@]}" | sort); do
      if [ -z "${DECLARED[$name]:-}" ] || [ -n "${set_here[$name]:-}" ]; then continue; fi
      rules=" ${RULES[$name]} "
      if [[ $rules == *" generate "* ]]; then
        value="$(openssl rand -hex 32)"
      elif [[ $rules == *" required "* ]]; then
        value=CHANGE_ME
      else
        continue
      fi
      echo "$name=$value"
    done
  } >"$ENV_FILE"
  chmod 600 "$ENV_FILE"
  echo "Wrote $ENV_FILE (mode 0600). The admin password is in it (ADMIN_PASSWORD)."
  if grep -q CHANGE_ME "$ENV_FILE"; then
    echo "Fill in the values marked CHANGE_ME (from Meta and Mercado Pago, docs/deploy.md):"
    grep CHANGE_ME "$ENV_FILE" | cut -d= -f1 | sed 's/^/  /'
  fi
  echo "Then: deploy/deploy.sh check && deploy/deploy.sh deploy"
}

cmd_check() {
  local mode=compose
  case "${1:-}" in
  --app-only) mode=app-only ;;
  "") ;;
  *) usage ;;
  esac
  run_check "$mode"
}

cmd_backup() { # [label]
  local label="${1:-}" keep ts file
  compose_init
  keep="$(setting BACKUP_KEEP 14)"
  if ! [[ $keep =~ ^[1-9][0-9]*$ ]]; then die "BACKUP_KEEP must be a whole number >= 1"; fi
  mkdir -p "$BACKUP_DIR"
  chmod 700 "$BACKUP_DIR"
  ts="$(date -u +%Y%m%dT%H%M%SZ)"
  file="$BACKUP_DIR/${label:-booking}-$ts.dump"
  local n=1
  while [ -e "$file" ]; do
    n=$((n + 1))
    file="$BACKUP_DIR/${label:-booking}-$ts-$n.dump"
  done
  log "backup: pg_dump -Fc $DB_NAME -> $file"
  compose exec -T postgres pg_dump -U "$DB_USER" -d "$DB_NAME" -Fc >"$file.partial"
  [ -s "$file.partial" ] || die "pg_dump wrote nothing"
  mv "$file.partial" "$file"
  chmod 600 "$file"
  rotate "${label:-booking}" "$keep"
  BACKUP_FILE="$file"
}

rotate() { # prefix keep: delete all but the newest KEEP files PREFIX-*.dump
  local old
  find "$BACKUP_DIR" -maxdepth 1 -type f -name "$1-*.dump" -printf '%T@ %p\n' | sort -rn |
    tail -n +"$(($2 + 1))" | cut -d' ' -f2- | while IFS= read -r old; do
    echo "    rotating out $(basename "$old")"
    rm -f -- "$old"
  done
}

confirm() { # question expected-answer
  if [ "${ASSUME_YES:-}" = yes ]; then return 0; fi
  [ -t 0 ] || die "this asks for confirmation: run it in a terminal, or set ASSUME_YES=yes"
  local answer
  read -r -p "$1 " answer
  [ "$answer" = "$2" ] || die "not confirmed; nothing changed"
}

verify_archive() { # file
  log "restore: checking $1 is a pg_dump custom-format archive"
  compose exec -T postgres pg_restore --list <"$1" >/dev/null || die "$1 is not a pg_dump -Fc archive; nothing changed"
}

restore_file() { # file: into a fresh database, then swap it in; the old one is kept
  local file="$1" ts
  ts="$(date -u +%Y%m%d%H%M%S)"
  log "restore: stopping the app"
  compose stop app
  compose exec -T postgres psql -v ON_ERROR_STOP=1 -U "$DB_USER" -d postgres -q -c "SET client_min_messages = warning" \
    -c "DROP DATABASE IF EXISTS ${DB_NAME}_restore" -c "CREATE DATABASE ${DB_NAME}_restore OWNER $DB_USER"
  log "restore: pg_restore into the fresh database ${DB_NAME}_restore"
  if ! compose exec -T postgres pg_restore -U "$DB_USER" -d "${DB_NAME}_restore" --no-owner --exit-on-error <"$file"; then
    compose exec -T postgres psql -U "$DB_USER" -d postgres -q -c "DROP DATABASE IF EXISTS ${DB_NAME}_restore" || true
    compose start app || true
    die "pg_restore failed; the current database is untouched and the app restarted"
  fi
  log "restore: switching databases (the current one is kept as ${DB_NAME}_before_restore_$ts)"
  compose exec -T postgres psql -v ON_ERROR_STOP=1 -U "$DB_USER" -d postgres -q -At \
    -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '$DB_NAME' AND pid <> pg_backend_pid()" \
    -c "ALTER DATABASE $DB_NAME RENAME TO ${DB_NAME}_before_restore_$ts" \
    -c "ALTER DATABASE ${DB_NAME}_restore RENAME TO $DB_NAME" >/dev/null
  echo "    when satisfied, drop the old one: (cd deploy && docker compose exec postgres dropdb -U $DB_USER ${DB_NAME}_before_restore_$ts)"
}

cmd_restore() {
  local file="${1:-}"
  [ -n "$file" ] || usage
  [ -f "$file" ] || die "no such file: $file"
  run_check compose >/dev/null
  compose_init
  verify_archive "$file"
  confirm "Replace the database '$DB_NAME' with $(basename "$file")? The current one is backed up first. Type '$DB_NAME' to go on:" "$DB_NAME"
  cmd_backup pre-restore
  restore_file "$file"
  start_app "$(state CURRENT_TAG)"
  reload_nginx
  log "restored $(basename "$file"); the app is healthy"
}

cmd_deploy() {
  run_check compose
  compose_init
  local image current new backup=""
  image="$(app_image)"
  current="$(state CURRENT_TAG)"
  new="$(git -C "$REPO_DIR" rev-parse --short=12 HEAD 2>/dev/null || echo local)-$(date -u +%Y%m%d%H%M%S)"

  log "pull the service images"
  compose pull --quiet postgres redis nginx certbot || compose pull postgres redis nginx certbot
  log "build $image:$new"
  APP_TAG="$new" compose build --pull app

  log "start postgres and redis"
  compose up -d postgres redis
  wait_healthy postgres
  wait_healthy redis
  if [ -n "$current" ]; then
    cmd_backup predeploy
    backup="$BACKUP_FILE"
  fi

  log "start the new app (Flyway migrates the database as it starts)"
  if ! start_app "$new"; then
    compose logs --tail=80 app >&2 || true
    if [ -n "$current" ]; then
      echo "deploy.sh: $image:$new is unhealthy; starting $current again. The database is not restored;" >&2
      echo "  if the new release's migrations broke $current, restore: deploy.sh restore $backup" >&2
      start_app "$current" || true
      reload_nginx
    fi
    die "deploy failed (the unhealthy image stays as $image:$new for inspection)"
  fi
  docker image tag "$image:$new" "$image:latest"
  save_state "$new" "$current" "$backup"
  ensure_certificate
  reload_nginx
  log "deployed $image:$new (previous: ${current:-none}); https://$(setting DOMAIN)/api/v1/healthz"
}

cmd_rollback() {
  local restore_db=""
  case "${1:-}" in
  --restore-db) restore_db=yes ;;
  "") ;;
  *) usage ;;
  esac
  run_check compose
  compose_init
  local current previous backup image
  current="$(state CURRENT_TAG)"
  previous="$(state PREVIOUS_TAG)"
  backup="$(state PRE_DEPLOY_BACKUP)"
  image="$(app_image)"
  [ -n "$previous" ] || die "no previous release recorded in $STATE_FILE"
  docker image inspect "$image:$previous" >/dev/null 2>&1 || die "image $image:$previous is gone"
  if [ -n "$restore_db" ]; then
    if [ -z "$backup" ] || [ ! -f "$backup" ]; then die "no pre-deploy backup recorded (or the file is gone)"; fi
    verify_archive "$backup"
    confirm "Roll back to $previous AND restore $(basename "$backup") (taken before $current was deployed)? Data written since then is lost. Type '$DB_NAME' to go on:" "$DB_NAME"
    cmd_backup pre-restore
    restore_file "$backup"
  fi
  log "rollback: $image:$current -> $image:$previous"
  start_app "$previous"
  docker image tag "$image:$previous" "$image:latest"
  save_state "$previous" "$current" "$backup"
  reload_nginx
  log "rolled back to $previous (run deploy.sh rollback again to return to $current)"
}

cmd_status() {
  compose_init
  compose ps
  echo
  echo "release: current=$(state CURRENT_TAG) previous=$(state PREVIOUS_TAG) pre-deploy backup=$(state PRE_DEPLOY_BACKUP)"
  local id
  for id in $(compose ps -q app); do
    echo "app $(docker inspect --format '{{.Name}} {{.Config.Image}} {{if .State.Health}}{{.State.Health.Status}}{{end}}' "$id")"
  done
  if command -v curl >/dev/null; then
    echo "public health: $(curl -s -m 5 "https://$(setting DOMAIN)/api/v1/healthz" || echo unreachable)"
  fi
  echo "latest backups:"
  find "$BACKUP_DIR" -maxdepth 1 -name '*.dump' -printf '  %TY-%Tm-%Td %TH:%TM  %s bytes  %f\n' 2>/dev/null | sort -r | head -5 || true
}

cmd_logs() {
  compose_init
  if [ $# -eq 0 ]; then set -- app; fi
  compose logs --tail="${TAIL:-200}" -f "$@"
}

main() {
  local command="${1:-}"
  [ $# -gt 0 ] && shift
  case "$command" in
  init) cmd_init "$@" ;;
  check) cmd_check "$@" ;;
  deploy) cmd_deploy ;;
  status) cmd_status ;;
  logs) cmd_logs "$@" ;;
  backup)
    cmd_backup
    echo "$BACKUP_FILE"
    ;;
  restore) cmd_restore "$@" ;;
  rollback) cmd_rollback "$@" ;;
  -h | --help | help) usage ;;
  *) usage ;;
  esac
}

main "$@"
