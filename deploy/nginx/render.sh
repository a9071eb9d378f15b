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
#   MT_ACCESS_LOG (default DIR/access.log),
#   MT_TLS_CERT and MT_TLS_KEY (default empty: plain HTTP, TLS ends in front of nginx),
#   MT_SERVER_NAME (default empty: no server_name, for a server of its own),
#   MT_USER (required when run as root: the unprivileged user nginx's workers run as)
# Nothing is written until every setting has been checked.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dir="$(realpath -m "${1:?usage: render.sh DIR}")"
: "${MT_LISTEN:?set MT_LISTEN, e.g. 127.0.0.1:8443}" "${MT_ROOT:?set MT_ROOT to the release build}"
: "${MT_UPSTREAM:?set MT_UPSTREAM to the tenant or sandbox origin}"
# Origins only: a quote, semicolon or space inside one would change the CSP's meaning.
origin_re='^https?://[][A-Za-z0-9.:-]+$'
for origin in ${MT_FRAME_ANCESTORS:-} ${MT_CONNECT_SRC:-} "$MT_UPSTREAM"; do
  [[ "$origin" =~ $origin_re ]] || { echo "render.sh: not an origin: $origin" >&2; exit 2; }
done
upstream_ca="${MT_UPSTREAM_CA:-/etc/ssl/certs/ca-certificates.crt}"
access_log="${MT_ACCESS_LOG:-$dir/access.log}"
tls_cert="${MT_TLS_CERT:-}" tls_key="${MT_TLS_KEY:-}"
if [[ -n "$tls_cert" || -n "$tls_key" ]] && [[ -z "$tls_cert" || -z "$tls_key" ]]; then
  echo "render.sh: set both MT_TLS_CERT and MT_TLS_KEY, or neither" >&2; exit 2
fi
# nginx would speak plain HTTP while sending HSTS, or fail to start: refuse either half.
if [[ -n "$tls_cert" && ! "$MT_LISTEN" =~ [[:space:]]ssl([[:space:]]|$) ]]; then
  echo "render.sh: with MT_TLS_CERT, MT_LISTEN must end in ' ssl' (e.g. '443 ssl')" >&2; exit 2
fi
if [[ -z "$tls_cert" && "$MT_LISTEN" =~ [[:space:]]ssl([[:space:]]|$) ]]; then
  echo "render.sh: MT_LISTEN says ssl: set MT_TLS_CERT and MT_TLS_KEY" >&2; exit 2
fi
server_name="${MT_SERVER_NAME:-}"
[[ "$server_name" =~ ^[A-Za-z0-9.*_-]*( [A-Za-z0-9.*_-]+)*$ ]] || {
  echo "render.sh: not a list of server names: $server_name" >&2; exit 2; }
for path in "$upstream_ca" "$access_log" ${tls_cert:+"$tls_cert"} ${tls_key:+"$tls_key"}; do
  [[ "$path" =~ ^/[A-Za-z0-9._/-]+$ ]] || { echo "render.sh: not a file path: $path" >&2; exit 2; }
done
# Workers serve as whoever rendered the file, so that they can read a build in that user's
# private folders. Rendered by root, they would serve as root: the user must be named.
user="$(id -un)"
if [[ "$(id -u)" == 0 ]]; then
  user="${MT_USER:-}"
  if [[ -z "$user" ]]; then
    echo "render.sh: run as root: set MT_USER to the user the workers run as (it reads MT_ROOT and writes DIR/tmp)" >&2
    exit 2
  fi
  [[ "$user" =~ ^[a-z_][a-z0-9_-]*$ ]] || { echo "render.sh: not a user name: $user" >&2; exit 2; }
  id -u "$user" >/dev/null || exit 2
fi
mkdir -p "$dir/tmp"
[[ "$(id -u)" != 0 ]] || chown -R "$user" "$dir/tmp"
# The error log writes whole request lines, query strings (codes, secrets) included: only
# whoever runs nginx may read it. nginx keeps the mode of a file that is already there.
( umask 077; touch "$dir/error.log" ); chmod 600 "$dir/error.log"
[[ "$access_log" != "$dir/access.log" ]] || { ( umask 077; touch "$access_log" ); chmod 600 "$access_log"; }
# With a certificate, nginx speaks TLS itself and tells browsers to keep to it (HSTS).
tls="" hsts="" names=""
[[ -z "$server_name" ]] || names="server_name $server_name;"
# A space before each list, none when it is empty ("'self' ;" is noise in a CSP).
frame_ancestors="${MT_FRAME_ANCESTORS:+ $MT_FRAME_ANCESTORS}" connect_src="${MT_CONNECT_SRC:+ $MT_CONNECT_SRC}"
if [[ -n "$tls_cert" ]]; then
  tls="ssl_certificate $tls_cert; ssl_certificate_key $tls_key; ssl_protocols TLSv1.2 TLSv1.3;"
  hsts='add_header Strict-Transport-Security "max-age=31536000" always;'
fi
sub() {
  sed -e "s|@LISTEN@|$MT_LISTEN|g" -e "s|@ROOT@|$MT_ROOT|g" -e "s|@UPSTREAM@|$MT_UPSTREAM|g" \
      -e "s|@FRAME_ANCESTORS@|$frame_ancestors|g" -e "s|@CONNECT_SRC@|$connect_src|g" \
      -e "s|@UPSTREAM_CA@|$upstream_ca|g" -e "s|@HEADERS@|$dir/my-tasks-headers.conf|g" -e "s|@ACCESS_LOG@|$access_log|g" -e "s|@DIR@|$dir|g" \
      -e "s|@USER@|$user|g" -e "s|@TLS@|$tls|g" -e "s|@SERVER_NAME@|$names|g" "$1"
}
sub "$here/my-tasks.conf.template" > "$dir/my-tasks.conf"
{ cat "$here/my-tasks-headers.conf"; [[ -z "$hsts" ]] || printf '%s\n' "$hsts"; } > "$dir/my-tasks-headers.conf"
cp "$here/upstream-down.html" "$dir/upstream-down.html"
sub "$here/nginx.conf.template" > "$dir/nginx.conf"
