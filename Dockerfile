# syntax=docker/dockerfile:1
# The booking system's image: the fat jar on a JRE, as an unprivileged user.
#   docker build -t booking-app .
#   docker build --build-arg VOSK_MODEL=deploy/vosk/vosk-model-small-es-0.42.zip -t booking-app .
#   docker build --build-arg VOSK_MODEL=https://.../vosk-model-small-es-0.42.zip -t booking-app .
# VOSK_MODEL (optional) bakes a Spanish Vosk model into /opt/vosk-model and sets VOSK_MODEL_PATH:
# a path inside the build context (under deploy/vosk/, see deploy/vosk/README.md) to a .zip,
# .tar.gz or unpacked directory, or an http(s) URL of a .zip or .tar.gz.
ARG JDK_IMAGE=eclipse-temurin:21-jdk-noble
ARG JRE_IMAGE=eclipse-temurin:21-jre-noble

# --- build: the Maven wrapper, the same command as the README ---------------------------------
FROM ${JDK_IMAGE} AS build
WORKDIR /src
# Everything the reactor needs (.dockerignore keeps out .git, target/, deploy/ state and secrets).
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -q -pl app-javalin -am package -DskipTests \
    && cp app-javalin/target/app-javalin.jar /app.jar

# --- vosk: the optional speech model ------------------------------------------------------------
FROM ${JDK_IMAGE} AS vosk
ARG VOSK_MODEL=""
COPY deploy/vosk/ /context/deploy/vosk/
RUN set -eu; mkdir -p /opt/vosk-model; \
    if [ -z "$VOSK_MODEL" ]; then echo "no Vosk model baked in"; exit 0; fi; \
    case "$VOSK_MODEL" in \
      http://*|https://*) \
        apt-get update -qq && apt-get install -y -qq --no-install-recommends curl ca-certificates >/dev/null; \
        src="/tmp/$(basename "${VOSK_MODEL%%\?*}")"; curl -fsSL --retry 3 -o "$src" "$VOSK_MODEL";; \
      *) src="/context/$VOSK_MODEL";; \
    esac; \
    [ -e "$src" ] || { echo "VOSK_MODEL not found: $VOSK_MODEL (local models go under deploy/vosk/)" >&2; exit 1; }; \
    mkdir -p /tmp/unpacked; \
    case "$src" in \
      *.zip) (cd /tmp/unpacked && jar xf "$src");; \
      *.tar.gz|*.tgz) tar -xzf "$src" -C /tmp/unpacked;; \
      *) [ -d "$src" ] || { echo "VOSK_MODEL must be a .zip, a .tar.gz or a directory" >&2; exit 1; }; \
         cp -a "$src/." /tmp/unpacked/;; \
    esac; \
    root=/tmp/unpacked; \
    if [ "$(ls -A "$root" | wc -l)" = 1 ] && [ -d "$root/$(ls -A "$root")" ]; then root="$root/$(ls -A "$root")"; fi; \
    cp -a "$root/." /opt/vosk-model/; \
    [ -d /opt/vosk-model/am ] || [ -f /opt/vosk-model/conf/model.conf ] || echo "warning: this does not look like a Vosk model" >&2; \
    du -sh /opt/vosk-model

# --- runtime ------------------------------------------------------------------------------------
FROM ${JRE_IMAGE}
ARG VOSK_MODEL=""
# curl for the HEALTHCHECK. Voice notes are decoded in Java (ADR 0013): no ffmpeg needed.
RUN apt-get update -qq \
    && apt-get install -y -qq --no-install-recommends curl >/dev/null \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 booking \
    && useradd --system --uid 10001 --gid booking --home-dir /app --shell /usr/sbin/nologin booking \
    && mkdir -p /app/data \
    && chown booking:booking /app/data
COPY --from=vosk /opt/vosk-model/ /opt/vosk-model/
COPY --from=build --chown=root:root --chmod=0444 /app.jar /app/app-javalin.jar
WORKDIR /app
ENV PORT=8000 \
    DATA_DIR=/app/data \
    LOG_FORMAT=json \
    VOSK_MODEL_PATH=${VOSK_MODEL:+/opt/vosk-model}
USER booking:booking
EXPOSE 8000
# 200 = healthy or degraded (e.g. Redis down), 503 = unhealthy (database down).
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${PORT}/api/v1/healthz" || exit 1
# Container-aware heap: a share of the container's memory limit (mem_limit in Compose), not of the
# host's memory; on OutOfMemoryError exit, so the restart policy brings up a clean JVM. Extra flags:
# JAVA_TOOL_OPTIONS. Exec form: the JVM is PID 1 and gets `docker stop`'s SIGTERM itself, drains
# requests and exits 143.
ENTRYPOINT ["java", "-XX:InitialRAMPercentage=25", "-XX:MaxRAMPercentage=70", "-XX:+UseG1GC", \
            "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/app-javalin.jar"]
