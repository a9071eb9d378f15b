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
# Each value goes into the config as it is: a quote, semicolon, brace or space where none
# belongs would change its meaning (and `|` or `&` what the substitution writes).
[[ "$MT_LISTEN" =~ ^[][A-Za-z0-9.:]+(\ [a-z0-9_=]+)*$ ]] || { echo "render.sh: not what listen takes: $MT_LISTEN" >&2; exit 2; }
for path in "$MT_ROOT" "$dir"; do
  [[ "$path" =~ ^/[A-Za-z0-9._/-]+$ ]] || { echo "render.sh: not a plain absolute path: $path" >&2; exit 2; }
done
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
  echo "render.sh: with MT_TLS_CERT, MT_LISTEN must include 'ssl' (e.g. '443 ssl')" >&2; exit 2
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
# The error log writes whole request lines, query strings (codes, secrets) included: only
# whoever runs nginx may read it. nginx keeps the mode of a file that is already there.
logs=("$dir/error.log")
[[ "$access_log" != "$dir/access.log" ]] || logs+=("$access_log")
for log in "${logs[@]}"; do ( umask 077; touch "$log" ); chmod 600 "$log"; done
# Rendered by root for workers that run as MT_USER: theirs, so that a master run as that
# user can open them too (one run as root can anyway).
[[ "$(id -u)" != 0 ]] || chown -R "$user" "$dir/tmp" "${logs[@]}"
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
# Written beside, then moved into place together: a failed render leaves the files a
# running nginx would reload as they were.
sub "$here/my-tasks.conf.template" > "$dir/my-tasks.conf.new"
{ cat "$here/my-tasks-headers.conf"; [[ -z "$hsts" ]] || printf '%s\n' "$hsts"; } > "$dir/my-tasks-headers.conf.new"
cp "$here/upstream-down.html" "$dir/upstream-down.html.new"
sub "$here/nginx.conf.template" > "$dir/nginx.conf.new"
for file in my-tasks.conf my-tasks-headers.conf upstream-down.html nginx.conf; do
  mv "$dir/$file.new" "$dir/$file"
done
