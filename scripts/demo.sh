#!/usr/bin/env bash
# README command 1: set up, build, and run plenary's main job on the embedded
# default: import the bundled SSR2 notes into ./plenary.db, show the registers,
# then open the web app on http://127.0.0.1:8080/ with the sample group in it.
#   PLENARY_DB     the register (default ./plenary.db)
#   PLENARY_LISTEN where to serve (default 127.0.0.1:8080)
#   DEMO_NO_SERVE=1  stop after the listings (no server)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --demo
plenary=build/plenary
export PLENARY_DB="${PLENARY_DB:-plenary.db}"
"$plenary" import --roster examples/ssr2/ssr2-roster.txt examples/ssr2/ssr2-plenary-15.txt
for listing in meetings decisions attendance actions; do
  echo
  echo "== plenary $listing"
  "$plenary" "$listing"
done
echo
echo "== plenary actions --overdue --as-of 2017-06-20   (a week after the meeting)"
"$plenary" actions --overdue --as-of 2017-06-20
[ "${DEMO_NO_SERVE:-}" = 1 ] && exit 0

# The sample is public record: anyone may read it. Staff sign in to change it,
# as "secretariat" with a password made once and kept, readable only by you,
# beside the register.
"$plenary" group public SSR2 --on >/dev/null
login_file="${PLENARY_DB%.db}-login.txt"
if ! "$plenary" user list --json | grep -q '"login": *"secretariat"'; then
  umask 077
  password="$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')"
  printf '%s\n' "$password" >"$login_file.password"
  "$plenary" user add secretariat --name "SSR2 secretariat" --person "Jennifer Bryce" \
    --grant SSR2=secretariat --password-file "$login_file.password" >/dev/null
  printf 'login: secretariat\npassword: %s\n' "$password" >"$login_file"
  rm -f "$login_file.password"
fi
listen="${PLENARY_LISTEN:-127.0.0.1:8080}"
echo
echo "== plenary serve: open http://$listen/ (Ctrl-C stops it)"
[ -f "$login_file" ] && echo "   staff sign in with the login and password in $login_file"
exec "$plenary" serve --listen "$listen"
