#!/usr/bin/env bash
# Renders the nginx config for My Tasks into DIR:
#   DIR/my-tasks.conf          the server block (include it in your own nginx)
#   DIR/my-tasks-headers.conf  the headers every location sends
#   DIR/nginx.conf             a whole config to run unprivileged: nginx -p DIR -c DIR/nginx.conf
#
# Settings come from the environment (see my-tasks.conf.template for each):
#   MT_LISTEN (required), MT_ROOT (required), MT_UPSTREAM (required),
#   MT_FRAME_ANCESTORS (default empty), MT_CONNECT_SRC (default empty),
#   MT_UPSTREAM_CA (default /etc/ssl/certs/ca-certificates.crt),
#   MT_ACCESS_LOG (default DIR/access.log)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dir="${1:?usage: render.sh DIR}"
mkdir -p "$dir/tmp"
dir="$(cd "$dir" && pwd)"
: "${MT_LISTEN:?set MT_LISTEN, e.g. 127.0.0.1:8443}" "${MT_ROOT:?set MT_ROOT to the release build}"
: "${MT_UPSTREAM:?set MT_UPSTREAM to the tenant or sandbox origin}"
# Origins only: a quote, semicolon or space inside one would change the CSP's meaning.
origin_re='^https?://[][A-Za-z0-9.:-]+$'
for origin in ${MT_FRAME_ANCESTORS:-} ${MT_CONNECT_SRC:-} "$MT_UPSTREAM"; do
  [[ "$origin" =~ $origin_re ]] || { echo "render.sh: not an origin: $origin" >&2; exit 2; }
done
upstream_ca="${MT_UPSTREAM_CA:-/etc/ssl/certs/ca-certificates.crt}"
access_log="${MT_ACCESS_LOG:-$dir/access.log}"
for path in "$upstream_ca" "$access_log"; do
  [[ "$path" =~ ^/[A-Za-z0-9._/-]+$ ]] || { echo "render.sh: not a file path: $path" >&2; exit 2; }
done
sub() {
  sed -e "s|@LISTEN@|$MT_LISTEN|g" -e "s|@ROOT@|$MT_ROOT|g" -e "s|@UPSTREAM@|$MT_UPSTREAM|g" \
      -e "s|@FRAME_ANCESTORS@|${MT_FRAME_ANCESTORS:-}|g" -e "s|@CONNECT_SRC@|${MT_CONNECT_SRC:-}|g" \
      -e "s|@UPSTREAM_CA@|$upstream_ca|g" -e "s|@HEADERS@|$dir/my-tasks-headers.conf|g" -e "s|@ACCESS_LOG@|$access_log|g" -e "s|@DIR@|$dir|g" \
      -e "s|@USER@|$(id -un)|g" "$1"
}
sub "$here/my-tasks.conf.template" > "$dir/my-tasks.conf"
cp "$here/my-tasks-headers.conf" "$dir/my-tasks-headers.conf"
sub "$here/nginx.conf.template" > "$dir/nginx.conf"
