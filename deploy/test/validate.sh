#!/usr/bin/env bash
# Validates the deployment kit with real tools, without a Docker engine:
#   compose   docker-compose config on deploy/docker-compose.yml with an .env from `deploy.sh init`,
#             plus assertions on the parsed result (no published database/Redis ports, ...)
#   nginx     the template rendered with envsubst, `nginx -t` with a throwaway self-signed
#             certificate, then nginx really run on loopback ports in front of a stub app:
#             redirects, ACME webroot, headers, /metrics refused, body limits, rate limits, gzip,
#             upstream keepalive, X-Forwarded-For, unknown TLS names refused
#   shell     shellcheck on every shell script in the repository (mvnw excluded)
#   rules     promtool check rules + promtool test rules (else a YAML parse), and every alert and
#             dashboard expression names only metrics the app exports (or will)
#   systemd   systemd-analyze verify on the unit, when systemd-analyze exists
# Needs: docker-compose, nginx, shellcheck, openssl, curl, python3 with PyYAML (promtool optional).
# .ci/run installs them. Exits non-zero when any check fails. Touches nothing outside a temp dir.
# shellcheck disable=SC2016 # single-quoted ${...} and $x are for envsubst and bash -c, on purpose
set -euo pipefail
cd "$(dirname "$0")/../.."
TMP="$(mktemp -d)"
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -f "$TMP/nginx-run/nginx.pid" ]; then kill "$(cat "$TMP/nginx-run/nginx.pid")" 2>/dev/null || true; fi
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
check() { # description command...: ok when the command succeeds
  local description="$1"
  shift
  if "$@" >"$TMP/last.out" 2>&1; then ok "$description"; else
    fail "$description"
    sed 's/^/     | /' "$TMP/last.out" | head -40
  fi
}
need() { command -v "$1" >/dev/null 2>&1 || {
  echo "validate.sh: $1 is missing (.ci/run installs it: apt-get install $2)" >&2
  exit 2
}; }
need docker-compose docker-compose
need nginx nginx
need shellcheck shellcheck
need openssl openssl
need curl curl
need envsubst gettext-base
PYTHON=""
for candidate in python3 /usr/bin/python3; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import yaml' 2>/dev/null; then
    PYTHON="$candidate"
    break
  fi
done
[ -n "$PYTHON" ] || {
  echo "validate.sh: python3 with PyYAML is missing (apt-get install python3-yaml)" >&2
  exit 2
}

echo "== compose"
STACK="$TMP/stack"
mkdir -p "$STACK/deploy"
cp -r deploy/docker-compose.yml deploy/nginx deploy/postgres "$STACK/deploy/"
cp Dockerfile "$STACK/"
check "deploy.sh init writes a production .env" env ENV_FILE="$STACK/deploy/.env" deploy/deploy.sh init reservas.example.com ops@example.com owner@example.com
# Settings a later feature requires are CHANGE_ME after init; give them sample values.
sed -i 's/=CHANGE_ME$/=sample-value-1234567890/' "$STACK/deploy/.env"
sed -i 's/^\(WHATSAPP_PHONE_NUMBER_ID\)=.*/\1=109876543210987/' "$STACK/deploy/.env"
check "deploy.sh check accepts it" env ENV_FILE="$STACK/deploy/.env" deploy/deploy.sh check
check "docker-compose config parses the stack" \
  bash -c "cd '$STACK/deploy' && docker-compose -f docker-compose.yml config >'$TMP/compose.yml'"
check "the stack's services" bash -c "cd '$STACK/deploy' && [ \"\$(docker-compose config --services | sort | tr '\n' ' ')\" = 'app certbot nginx postgres redis ' ]"
check "compose refuses to render without POSTGRES_PASSWORD" bash -c \
  "cd '$STACK/deploy' && grep -v '^POSTGRES_PASSWORD=' .env >.env.x && mv .env.x .env.nopg && ! docker-compose --env-file .env.nopg config >/dev/null 2>&1"
cat >"$TMP/compose_rules.py" <<'PY'
import sys, yaml
c = yaml.safe_load(open(sys.argv[1]))
s = c["services"]
problems = []
def need(cond, msg):
    if not cond: problems.append(msg)
need(set(s) == {"app", "postgres", "redis", "nginx", "certbot"}, "services: %s" % sorted(s))
for name in ("app", "postgres", "redis", "certbot"):
    need("ports" not in s[name], name + " publishes ports")
need(sorted(str(p.get("published", p) if isinstance(p, dict) else p) for p in s["nginx"].get("ports", [])) in (["443", "80"], ["443:443", "80:80"]),
     "nginx publishes %s" % s["nginx"].get("ports"))
need("container_name" not in s["app"], "app has a container_name (cannot scale)")
env = s["app"].get("environment", {})
need(env.get("TRUST_PROXY_HEADERS") == "true", "app does not trust nginx's X-Forwarded-For")
need(env.get("ENVIRONMENT") == "production", "ENVIRONMENT from .env is not production")
for dep in ("postgres", "redis"):
    need(s["app"]["depends_on"].get(dep, {}).get("condition") == "service_healthy", "app does not wait for healthy " + dep)
need(s["nginx"]["depends_on"].get("app", {}).get("condition") == "service_healthy", "nginx does not wait for a healthy app")
for name, svc in s.items():
    need(svc.get("restart") in ("unless-stopped", "always"), name + " has no restart policy")
    log = svc.get("logging", {})
    need(log.get("driver") == "json-file" and log.get("options", {}).get("max-size"), name + " has no log rotation")
for name in ("app", "postgres", "redis", "nginx"):
    need(svc_hc := s[name].get("healthcheck"), name + " has no healthcheck")
need(str(s["postgres"]["image"]).startswith("postgres:16"), "postgres is not 16")
need(str(s["redis"]["image"]).startswith("redis:7"), "redis is not 7")
need("--requirepass" in " ".join(map(str, s["redis"].get("command", []))), "redis has no password")
need("--appendonly no" in " ".join(map(str, s["redis"].get("command", []))), "redis persists")
need(any(":/var/lib/postgresql/data" in str(v) or (isinstance(v, dict) and v.get("target") == "/var/lib/postgresql/data") for v in s["postgres"]["volumes"]), "postgres data is not on a volume")
need("pgdata" in (c.get("volumes") or {}), "no named volume pgdata")
need(c["networks"]["backend"].get("internal") is True, "backend network is not internal")
need(list(s["postgres"]["networks"]) == ["backend"] and list(s["redis"]["networks"]) == ["backend"], "postgres/redis reachable outside backend")
need(s["app"].get("build", {}).get("dockerfile") == "Dockerfile", "app is not built from the Dockerfile")
raw = yaml.safe_load(open(sys.argv[2]))["services"]
need(raw["app"].get("env_file") in (".env", [".env"]), "app does not read env_file: .env")
if problems:
    print("\n".join(problems)); sys.exit(1)
PY
check "compose: no published database/Redis ports, scalable app, healthchecks, restart, log rotation, internal backend" \
  "$PYTHON" "$TMP/compose_rules.py" "$TMP/compose.yml" deploy/docker-compose.yml
check "Dockerfile: multi-stage, JRE runtime, non-root, healthcheck, Vosk build arg" bash -c '
  f=Dockerfile
  [ "$(grep -c "^FROM " $f)" -ge 2 ] && grep -q "^ARG JRE_IMAGE=eclipse-temurin:2[1-9]-jre" $f &&
  grep -q "^USER booking" $f && grep -q "^HEALTHCHECK .*" $f && grep -q "/api/v1/healthz" $f &&
  grep -q "MaxRAMPercentage" $f && grep -q "^ARG VOSK_MODEL" $f && grep -q "VOSK_MODEL_PATH=\${VOSK_MODEL:+/opt/vosk-model}" $f &&
  grep -q "mvnw -B -ntp -q -pl app-javalin -am package -DskipTests" $f &&
  grep -qx "deploy/" .dockerignore && grep -qx ".env" .dockerignore && grep -qx ".git" .dockerignore'

echo "== nginx"
NG="$TMP/nginx"
mkdir -p "$NG/letsencrypt/live/reservas.example.com" "$NG/www/.well-known/acme-challenge" "$NG/logs"
openssl req -x509 -nodes -newkey rsa:2048 -days 1 -subj "/CN=reservas.example.com" \
  -keyout "$NG/letsencrypt/live/reservas.example.com/privkey.pem" \
  -out "$NG/letsencrypt/live/reservas.example.com/fullchain.pem" 2>/dev/null
# Render as the nginx image does (only the variables that are set), then point the fixed paths at
# the temp dir.
render() { # upstream port-80 port-443
  DOMAIN=reservas.example.com APP_UPSTREAM="$1" envsubst '${DOMAIN} ${APP_UPSTREAM}' <deploy/nginx/booking.conf.template |
    sed -e "s#/etc/letsencrypt/#$NG/letsencrypt/#g" -e "s#/var/www/certbot#$NG/www#g" \
      -e "s#/var/log/nginx/access.log#$NG/logs/access.log#g" \
      -e "s#listen 80 #listen $2 #" -e "s#listen 443 ssl#listen $3 ssl#"
}
main_conf() { # file-to-include
  cat <<EOF
worker_processes 1;
pid $NG/run/nginx.pid;
error_log $NG/logs/error.log warn;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    client_body_temp_path $NG/run/body;
    proxy_temp_path $NG/run/proxy;
    fastcgi_temp_path $NG/run/fastcgi;
    uwsgi_temp_path $NG/run/uwsgi;
    scgi_temp_path $NG/run/scgi;
    include $1;
}
EOF
}
mkdir -p "$NG/run"
render 127.0.0.1:8000 80 443 >"$NG/booking.conf"
main_conf "$NG/booking.conf" >"$NG/nginx.conf"
check "template renders with no \${...} left" bash -c "! grep -n '\${' '$NG/booking.conf'"
check "nginx -t accepts the rendered template (ports 80/443, Let's Encrypt paths)" \
  nginx -t -q -p "$NG/" -c "$NG/nginx.conf" -e "$NG/logs/error.log"

# The same configuration really running, on loopback ports, in front of a stub app.
free_port() { "$PYTHON" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
"$PYTHON" deploy/test/stub-upstream.py "$TMP/stub.port" &
PIDS+=($!)
for _ in $(seq 50); do [ -s "$TMP/stub.port" ] && break; sleep 0.1; done
STUB="$(cat "$TMP/stub.port")"
HTTP_PORT="$(free_port)"
HTTPS_PORT="$(free_port)"
NG_RUN="$TMP/nginx-run"
mkdir -p "$NG_RUN"
render "127.0.0.1:$STUB" "127.0.0.1:$HTTP_PORT" "127.0.0.1:$HTTPS_PORT" >"$NG/booking-run.conf"
main_conf "$NG/booking-run.conf" | sed "s#pid $NG/run/nginx.pid#pid $NG_RUN/nginx.pid#" >"$NG/nginx-run.conf"
if [ "$(id -u)" = 0 ]; then
  # Workers run as nobody: let them reach the temp dirs and the ACME webroot.
  chmod 755 "$TMP" "$NG" "$NG/www" "$NG/www/.well-known" "$NG/www/.well-known/acme-challenge"
  chmod 777 "$NG/run"
fi
echo "acme-token-content" >"$NG/www/.well-known/acme-challenge/test-token"
chmod 644 "$NG/www/.well-known/acme-challenge/test-token"
if nginx -p "$NG/" -c "$NG/nginx-run.conf" -e "$NG/logs/error.log"; then
  ok "nginx starts with the rendered template"
  for _ in $(seq 50); do [ -s "$NG_RUN/nginx.pid" ] && break; sleep 0.1; done
  H=(--resolve "reservas.example.com:$HTTPS_PORT:127.0.0.1" -k -s -m 10)
  U="https://reservas.example.com:$HTTPS_PORT"
  check "HTTP redirects to https://DOMAIN" bash -c \
    "curl -s -m 5 -o /dev/null -w '%{http_code} %{redirect_url}' -H 'Host: evil.example' http://127.0.0.1:$HTTP_PORT/api/v1/healthz | grep -qx '301 https://reservas.example.com/api/v1/healthz'"
  check "HTTP serves the ACME webroot" bash -c \
    "curl -s -m 5 http://127.0.0.1:$HTTP_PORT/.well-known/acme-challenge/test-token | grep -qx acme-token-content"
  curl "${H[@]}" -D "$TMP/h.txt" -o "$TMP/b.txt" "$U/api/v1/healthz" || true
  check "HTTPS proxies to the app" grep -q '"stub": true' "$TMP/b.txt"
  check "HSTS and security headers" bash -c "grep -qi '^strict-transport-security: max-age=31536000' '$TMP/h.txt' &&
    grep -qi '^x-content-type-options: nosniff' '$TMP/h.txt' && grep -qi '^x-frame-options: DENY' '$TMP/h.txt' &&
    grep -qi '^content-security-policy:' '$TMP/h.txt' && grep -qi '^referrer-policy: no-referrer' '$TMP/h.txt' && ! grep -qi '^server: nginx/' '$TMP/h.txt'"
  curl "${H[@]}" -D "$TMP/admin.txt" -o /dev/null "$U/admin/login" || true
  check "/admin (the console) keeps HSTS and X-Frame-Options, without nginx's CSP (the app sends its own)" bash -c \
    "grep -qi '^strict-transport-security: max-age=31536000' '$TMP/admin.txt' && grep -qi '^x-frame-options: DENY' '$TMP/admin.txt' &&
    ! grep -qi \"^content-security-policy: default-src 'none'\" '$TMP/admin.txt'"
  check "X-Forwarded-For ends with the client address, X-Forwarded-Proto https, X-Request-ID set" \
    "$PYTHON" -c "import json,sys; b=json.load(open('$TMP/b.txt')); sys.exit(not (b['x_forwarded_for'].split(',')[-1].strip()=='127.0.0.1' and b['x_forwarded_proto']=='https' and b['x_request_id']))"
  check "a client's forged X-Forwarded-For is not the last entry" bash -c \
    "curl ${H[*]} -H 'X-Forwarded-For: 6.6.6.6' '$U/api/v1/healthz' | grep -q '\"x_forwarded_for\": \"6.6.6.6, 127.0.0.1\"'"
  check "/metrics is not reachable from outside (404, app not called)" bash -c \
    "[ \"\$(curl ${H[*]} -o '$TMP/m.txt' -w '%{http_code}' '$U/metrics')\" = 404 ] && ! grep -q stub '$TMP/m.txt' &&
     [ \"\$(curl ${H[*]} -o /dev/null -w '%{http_code}' '$U/metrics/')\" = 404 ] &&
     [ \"\$(curl ${H[*]} --path-as-is -o /dev/null -w '%{http_code}' '$U/api/v1/../../metrics')\" = 404 ]"
  head -c 3000000 /dev/zero >"$TMP/3mb.bin"
  head -c 1200000 /dev/zero >"$TMP/1.2mb.bin"
  check "WhatsApp webhook takes a 3 MB delivery (client_max_body_size 4m)" bash -c \
    "curl ${H[*]} --data-binary @'$TMP/3mb.bin' -H 'Content-Type: application/json' '$U/api/v1/whatsapp/webhook' | grep -q '\"body_bytes\": 3000000'"
  check "other routes refuse 1.2 MB with 413 (1m, as the app's MAX_REQUEST_BYTES)" bash -c \
    "[ \"\$(curl ${H[*]} -o /dev/null -w '%{http_code}' --data-binary @'$TMP/1.2mb.bin' '$U/api/v1/admin/reservations')\" = 413 ] &&
     [ \"\$(curl ${H[*]} -o /dev/null -w '%{http_code}' --data-binary @'$TMP/1.2mb.bin' '$U/api/v1/mercadopago/webhook')\" = 413 ]"
  # 60 requests at once: the admin zone (10 r/s, burst 20) lets about 21 through, the webhook zone
  # (50 r/s, burst 100) all of them.
  burst() { # path -> count of 429
    local _
    for _ in $(seq 60); do curl "${H[@]}" -o /dev/null -w '%{http_code}\n' "$U$1" & done | grep -c 429 || true
  }
  ADMIN_429="$(burst /api/v1/admin/me)"
  sleep 2
  HOOK_429="$(burst /api/v1/mercadopago/webhook)"
  check "admin API rate limit (10 r/s, burst 20): $ADMIN_429 of 60 got 429" test "$ADMIN_429" -ge 5
  check "webhook rate limit is wider (50 r/s, burst 100): $HOOK_429 of 60 got 429" test "$HOOK_429" -eq 0
  sleep 1
  check "gzip for JSON over 1 KiB" bash -c \
    "curl ${H[*]} -H 'Accept-Encoding: gzip' -D - -o /dev/null '$U/big' | grep -qi '^content-encoding: gzip'"
  check "upstream keepalive: consecutive requests share one connection to the app" bash -c \
    "a=\$(curl ${H[*]} '$U/a' | $PYTHON -c 'import json,sys; print(json.load(sys.stdin)[\"peer_port\"])');
     b=\$(curl ${H[*]} '$U/b' | $PYTHON -c 'import json,sys; print(json.load(sys.stdin)[\"peer_port\"])'); [ \"\$a\" = \"\$b\" ]"
  check "TLS for other names is refused (ssl_reject_handshake)" bash -c \
    "! curl -k -s -m 5 -o /dev/null --resolve other.example:$HTTPS_PORT:127.0.0.1 https://other.example:$HTTPS_PORT/"
  check "access log has no query strings (hub.verify_token)" bash -c \
    "curl ${H[*]} -o /dev/null '$U/api/v1/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=s3cret&hub.challenge=1';
     sleep 0.5; grep -q 'GET /api/v1/whatsapp/webhook' '$NG/logs/access.log' && ! grep -q s3cret '$NG/logs/access.log'"
  nginx -p "$NG/" -c "$NG/nginx-run.conf" -e "$NG/logs/error.log" -s quit || true
else
  fail "nginx starts with the rendered template"
  sed 's/^/     | /' "$NG/logs/error.log" | tail -20
fi

echo "== shell"
mapfile -t SCRIPTS < <(
  git ls-files -co --exclude-standard | grep -v -e '^mvnw$' -e '/target/' | while IFS= read -r f; do
    [ -f "$f" ] || continue
    case "$f" in *.sh) echo "$f" ;; *) head -1 "$f" 2>/dev/null | grep -qE '^#!.*(/|env )(ba|da)?sh\b' && echo "$f" ;; esac
  done | sort -u
)
check "there are scripts to check (${#SCRIPTS[@]}: ${SCRIPTS[*]})" test "${#SCRIPTS[@]}" -ge 4
for script in "${SCRIPTS[@]}"; do check "shellcheck $script" shellcheck -x "$script"; done

echo "== rules"
OBS=deploy/observability
if command -v promtool >/dev/null 2>&1; then
  check "promtool check rules" promtool check rules "$OBS/alerts.yml"
  check "promtool test rules (alerts fire when they should)" bash -c "cd $OBS && promtool test rules alerts.test.yml"
  sed "s#/etc/prometheus-secrets/metrics-token#$TMP/metrics-token#" "$OBS/prometheus.yml" >"$TMP/prometheus.yml"
  cp "$OBS/alerts.yml" "$TMP/alerts.yml"
  echo token >"$TMP/metrics-token"
  check "promtool check config (the example scrape config)" promtool check config "$TMP/prometheus.yml"
else
  echo "(promtool not installed: parsing the rules instead)"
fi
cat >"$TMP/metrics.py" <<'PY'
import json, re, sys, yaml
KNOWN = """http_server_requests_seconds reservations_created_total reservations_confirmed_total
reservations_expired_total reservations_date_overlap_total reservations_cancelled_total job_runs_total
job_last_success_timestamp_seconds storage_unreadable_rows_total event_deliveries_dead_total
event_deliveries_pending ical_last_sync_age_minutes ical_sync_total ical_conflicts_total outbox_backlog
whatsapp_messages_sent_total whatsapp_webhook_rejected_total inbox_lag_seconds
whatsapp_reply_latency_seconds payments_total payments_orphan_total payments_late_total
mercadopago_api_errors_total notifications_dead_total up""".split()
PREFIXES = ("jvm_", "hikaricp_", "process_", "system_")
WORDS = set("""sum min max avg count stddev stdvar topk bottomk quantile count_values group rate irate increase
delta idelta deriv predict_linear histogram_quantile time timestamp abs absent absent_over_time ceil floor
round clamp clamp_min clamp_max exp ln log2 log10 sqrt sort sort_desc label_replace label_join vector scalar
avg_over_time max_over_time min_over_time sum_over_time count_over_time last_over_time changes resets
by without on ignoring group_left group_right and or unless bool offset inf nan humanize""".split())
def metrics(expr):
    e = re.sub(r'"[^"]*"', '""', expr)
    e = re.sub(r"\{[^}]*\}", "", e)
    e = re.sub(r"\[[^\]]*\]", "", e)
    e = re.sub(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", "", e)
    e = re.sub(r"\$\w+", "", e)
    names = set(re.findall(r"\b[a-zA-Z_:][a-zA-Z0-9_:]*\b", e)) - WORDS
    return {n for n in names if not re.fullmatch(r"[0-9eE.]+", n)}
def known(name):
    base = re.sub(r"_(bucket|count|sum|max)$", "", name)
    return name in KNOWN or base in KNOWN or name.startswith(PREFIXES)
problems, count = [], 0
rules = yaml.safe_load(open(sys.argv[1]))
for group in rules["groups"]:
    for rule in group["rules"]:
        count += 1
        if not rule.get("alert") or not rule.get("expr") or rule.get("labels", {}).get("severity") not in ("page", "warn"):
            problems.append("rule without alert/expr/severity: %s" % rule)
            continue
        names = metrics(rule["expr"])
        if not names:
            problems.append("%s: no metric in %r" % (rule["alert"], rule["expr"]))
        problems += ["%s: unknown metric %s" % (rule["alert"], n) for n in names if not known(n)]
dash = json.load(open(sys.argv[2]))
for panel in dash["panels"]:
    for target in panel.get("targets", []):
        count += 1
        names = metrics(target["expr"])
        if not names:
            problems.append("panel %r: no metric" % panel["title"])
        problems += ["panel %r: unknown metric %s" % (panel["title"], n) for n in names if not known(n)]
if problems:
    print("\n".join(problems)); sys.exit(1)
print("%d expressions, all on known metrics" % count)
PY
check "every alert and dashboard expression uses known metrics (parsed with PyYAML)" \
  "$PYTHON" "$TMP/metrics.py" "$OBS/alerts.yml" "$OBS/grafana-dashboard.json"
check "alerts cover job freshness, iCal age, outbox, dead letters, errors, webhook and reply latency, payments" bash -c "
  for a in BookingJobStale BookingIcalSyncStale BookingOutboxBacklog BookingDeadLetters BookingHighErrorRate \
           BookingSlowWebhooks BookingSlowReplies BookingOrphanPayment BookingLatePayments BookingMercadoPagoErrors; do
    grep -q \"alert: \$a\$\" $OBS/alerts.yml || { echo missing \$a; exit 1; }; done"

echo "== systemd"
if command -v systemd-analyze >/dev/null 2>&1; then
  check "systemd-analyze verify booking.service" systemd-analyze verify deploy/systemd/booking.service
else
  echo "(systemd-analyze not installed: the unit is exercised by SystemdUnitIT)"
fi

echo "validate: $PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
