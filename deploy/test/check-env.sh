#!/usr/bin/env bash
# Runs `deploy.sh check` against good and bad .env files and asserts its exit code and messages.
# Needs nothing but bash and coreutils; exits non-zero when any case fails.
# shellcheck disable=SC2016 # the sed expressions ($a, $9) are meant literally
set -euo pipefail
cd "$(dirname "$0")/../.."
DEPLOY=deploy/deploy.sh
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
FAILED=0
PASSED=0

PG=4f3c2a1b9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b
# A production .env as `deploy.sh init` writes it, with fixed values.
good_env() {
  cat <<EOF
COMPOSE_PROJECT_NAME=booking
DOMAIN=reservas.example.com
LETSENCRYPT_EMAIL=ops@example.com
POSTGRES_PASSWORD=$PG
BACKUP_KEEP=14
ENVIRONMENT=production
BASE_URL=https://reservas.example.com
DATABASE_URL=postgresql://booking:$PG@postgres:5432/booking
REDIS_URL=redis://redis:6379
REDIS_PASSWORD=8d1f0e9c2b3a4f5e6d7c8b9a0f1e2d3c4b5a6f7e8d9c0b1a2f3e4d5c6b7a8f9e
JWT_SECRET=0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9
ADMIN_EMAIL=owner@example.com
ADMIN_PASSWORD=Kq7-vR2p9xZt4mWb
METRICS_TOKEN=f0e1d2c3b4a5968778695a4b3c2d1e0ff0e1d2c3b4a5968778695a4b3c2d1e0f
TRUST_PROXY_HEADERS=true
MAX_REQUEST_BYTES=4194304
WHATSAPP_APP_SECRET=3e1d2c0b9a8f7e6d5c4b3a2f1e0d9c8b
WHATSAPP_VERIFY_TOKEN=7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d7c6b
WHATSAPP_ACCESS_TOKEN=EAAGm0PX4ZCpsBAExampleExampleExample
WHATSAPP_PHONE_NUMBER_ID=109876543210987
MERCADOPAGO_ACCESS_TOKEN=APP_USR-1234567890123456-112233-abcdef0123456789abcdef0123456789-123456789
MERCADOPAGO_WEBHOOK_SECRET=5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e
ICS_SALT=2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c
EOF
}

# expect NAME EXIT_CODE ENV_FILE [TEMPLATE] [--app-only] -- then patterns the output must contain
# (a leading ! means must NOT contain).
expect() {
  local name="$1" code="$2" file="$3" template="$4" mode="$5"
  shift 5
  local out actual=0 pattern ok=1 line
  out="$(ENV_FILE="$file" ENV_TEMPLATE="$template" "$DEPLOY" check ${mode:+"$mode"} 2>&1)" || actual=$?
  if [ "$actual" != "$code" ]; then
    ok=0
    echo "FAIL $name: exit $actual, expected $code"
  fi
  for pattern in "$@"; do
    if [[ $pattern == !* ]]; then
      if grep -qF -- "${pattern#!}" <<<"$out"; then
        ok=0
        echo "FAIL $name: output contains '${pattern#!}'"
      fi
    elif ! grep -qF -- "$pattern" <<<"$out"; then
      ok=0
      echo "FAIL $name: output lacks '$pattern'"
    fi
  done
  if [ "$ok" = 1 ]; then
    PASSED=$((PASSED + 1))
    echo "ok   $name (exit $actual)"
  else
    FAILED=$((FAILED + 1))
    while IFS= read -r line; do echo "     | $line"; done <<<"$out"
  fi
}

# variant NAME SED-EXPRESSION...: the good .env edited
variant() {
  local file="$TMP/$1.env"
  shift
  good_env >"$file"
  local expression
  for expression in "$@"; do sed -i -e "$expression" "$file"; done
  echo "$file"
}

T=.env.template
# The template without METRICS_TOKEN and WhatsApp settings (as before the app read them), and with
# them (as after): their tags, already in .env.template, only count once the template declares them.
PAST="$TMP/past.env.template"
grep -vE '^#? ?(METRICS_TOKEN|WHATSAPP_APP_SECRET)=' $T >"$PAST"
FUTURE="$TMP/future.env.template"
{
  cat "$PAST"
  echo "# SECRET. Bearer token for /metrics."
  echo "# METRICS_TOKEN="
  echo "# SECRET. WhatsApp app secret."
  echo "# WHATSAPP_APP_SECRET="
}  >"$FUTURE"

expect "good production .env" 0 "$(variant good)" $T "" "ready for production"
expect "good .env, app only (systemd)" 0 "$(variant app-only '/^DOMAIN=/d;/^LETSENCRYPT_EMAIL=/d;/^POSTGRES_PASSWORD=/d' \
  's#^DATABASE_URL=.*#DATABASE_URL=postgresql://booking:S3cure-db-pass@127.0.0.1:5432/booking#')" $T --app-only \
  "ready for production"
expect "weak JWT_SECRET" 1 "$(variant weak-jwt 's/^JWT_SECRET=.*/JWT_SECRET=short-secret/')" $T "" \
  "ERROR: JWT_SECRET is too weak" "!short-secret" "nothing was started"
expect "known default JWT_SECRET of 32+ bytes" 1 \
  "$(variant default-jwt 's/^JWT_SECRET=.*/JWT_SECRET=replace-me-with-openssl-rand-hex-32/')" $T "" "ERROR: JWT_SECRET is too weak"
expect "repetitive JWT_SECRET" 1 "$(variant rep-jwt 's/^JWT_SECRET=.*/JWT_SECRET=abababababababababababababababababab/')" $T "" \
  "ERROR: JWT_SECRET is too weak"
expect "weak ADMIN_PASSWORD" 1 "$(variant weak-admin 's/^ADMIN_PASSWORD=.*/ADMIN_PASSWORD=admin123/')" $T "" \
  "ERROR: ADMIN_PASSWORD is too weak" "!admin123"
expect "missing ADMIN_PASSWORD" 1 "$(variant no-admin '/^ADMIN_PASSWORD=/d')" $T "" "ERROR: ADMIN_PASSWORD is missing"
expect "empty JWT_SECRET" 1 "$(variant empty-jwt 's/^JWT_SECRET=.*/JWT_SECRET=/')" $T "" "ERROR: JWT_SECRET is empty"
expect "missing DATABASE_URL" 1 "$(variant no-db '/^DATABASE_URL=/d')" $T "" "ERROR: DATABASE_URL is missing"
expect "http BASE_URL" 1 "$(variant http 's#^BASE_URL=.*#BASE_URL=http://reservas.example.com#')" $T "" \
  "ERROR: BASE_URL must be an https:// URL"
expect "CHANGE_ME left in" 1 "$(variant change-me 's#^DATABASE_URL=.*#DATABASE_URL=postgresql://booking:CHANGE_ME@postgres:5432/booking#')" $T "" \
  "ERROR: DATABASE_URL still contains CHANGE_ME"
expect "ENVIRONMENT not production" 1 "$(variant dev 's/^ENVIRONMENT=.*/ENVIRONMENT=development/')" $T "" \
  "ERROR: ENVIRONMENT must be production"
expect "ENVIRONMENT missing" 1 "$(variant no-env '/^ENVIRONMENT=/d')" $T "" "ERROR: ENVIRONMENT is missing"
expect "DATABASE_URL password differs from POSTGRES_PASSWORD" 1 \
  "$(variant pg-mismatch 's/^POSTGRES_PASSWORD=.*/POSTGRES_PASSWORD=9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f/')" $T "" \
  "ERROR: DATABASE_URL's password differs from POSTGRES_PASSWORD"
expect "missing DOMAIN" 1 "$(variant no-domain '/^DOMAIN=/d')" $T "" "ERROR: DOMAIN is missing"
expect "BASE_URL host is not DOMAIN" 1 "$(variant other-host 's#^BASE_URL=.*#BASE_URL=https://otro.example.com#')" $T "" \
  "BASE_URL's host is not DOMAIN"
expect "quoted value" 1 "$(variant quoted "s/^ADMIN_EMAIL=.*/ADMIN_EMAIL='owner@example.com'/")" $T "" "ERROR: ADMIN_EMAIL is quoted"
expect "dollar in a value" 1 "$(variant dollar 's/^ADMIN_PASSWORD=.*/ADMIN_PASSWORD=Kq7-vR2p$9xZt4mWb/')" $T "" \
  "ERROR: ADMIN_PASSWORD contains"
expect "redis without password" 1 "$(variant no-redis-pw '/^REDIS_PASSWORD=/d')" $T "" "ERROR: REDIS_PASSWORD is required"
expect "typo is a warning, not a failure" 0 "$(variant typo '$a JWT_SECRETT=x')" $T "" \
  "WARNING: JWT_SECRETT is not a setting"
expect "several problems reported at once" 1 \
  "$(variant many 's/^JWT_SECRET=.*/JWT_SECRET=x/' 's#^BASE_URL=.*#BASE_URL=http://reservas.example.com#' '/^ADMIN_PASSWORD=/d')" $T "" \
  "JWT_SECRET is too weak" "BASE_URL must be an https" "ADMIN_PASSWORD is missing" "has 3 problem(s)"
# Tags of settings the template does not declare yet are not enforced; once declared, they are.
expect "METRICS_TOKEN and WhatsApp tags wait while the template lacks them" 0 \
  "$(variant no-metrics '/^METRICS_TOKEN=/d' '/^WHATSAPP_APP_SECRET=/d')" "$PAST" ""
expect "METRICS_TOKEN required once the template declares it" 1 \
  "$(variant no-metrics2 '/^METRICS_TOKEN=/d' '/^WHATSAPP_APP_SECRET=/d')" "$FUTURE" "" \
  "ERROR: METRICS_TOKEN is missing" "ERROR: WHATSAPP_APP_SECRET is missing"
expect "weak METRICS_TOKEN once declared" 1 \
  "$(variant weak-metrics 's/^METRICS_TOKEN=.*/METRICS_TOKEN=metrics/')" "$FUTURE" "" \
  "ERROR: METRICS_TOKEN is too weak" "!WHATSAPP_APP_SECRET is missing"
expect "no .env at all" 2 "$TMP/absent.env" $T "" "deploy.sh init"

echo "check-env: $PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
