#!/bin/sh
# Run by the nginx image's entrypoint before nginx starts (mounted into /docker-entrypoint.d/):
# reload nginx every 6 hours in the background, so certificates that certbot renewed are served.
set -eu
(
  while :; do
    sleep 21600
    nginx -s reload 2>/dev/null || true
  done
) &
